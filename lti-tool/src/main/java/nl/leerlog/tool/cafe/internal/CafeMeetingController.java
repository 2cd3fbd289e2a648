package nl.leerlog.tool.cafe.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Locale;
import nl.leerlog.tool.cafe.internal.CafeGroups.Group;
import nl.leerlog.tool.identity.CurrentUser;
import nl.leerlog.tool.web.Downloads;
import nl.leerlog.tool.web.FieldErrors;
import nl.leerlog.tool.web.FormAnswers;
import nl.leerlog.tool.web.Notice;
import nl.leerlog.tool.web.Section;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The group's weekly online meeting: its coach sets the day, the time and the video link, and the members hear of
 * it; the members and the coach download it for their calendar. For anyone else the group does not exist.
 */
@Controller
@Section("cafe")
record CafeMeetingController(CafeGroups groups, CafeMeetings meetings, MessageSource messages, Clock clock) {

    static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    @GetMapping("/teacher/cafe/groups/{groupId}/meeting")
    String page(CurrentUser user, @PathVariable long groupId, @RequestParam(required = false) String done, Model page) {
        Group group = coached(user, groupId);
        page.addAttribute("notice", "saved".equals(done) ? Notice.of("cafe.meeting.saved", null) : null);
        return page(group, MeetingForm.of(meetings.of(group.id()).orElse(null)), FieldErrors.none(), page);
    }

    @PostMapping("/teacher/cafe/groups/{groupId}/meeting")
    String save(
            CurrentUser user,
            @PathVariable long groupId,
            @Valid MeetingForm form,
            BindingResult binding,
            Model page,
            HttpServletResponse response) {
        Group group = coached(user, groupId);
        FieldErrors errors = FieldErrors.of(binding);
        if (!errors.has("link") && !form.link().strip().toLowerCase(Locale.ROOT).startsWith("https://")) {
            // A video link goes to every member's calendar: only https, not even to a loopback host.
            errors = errors.with("link", "cafe.meeting.error.link.https");
        }
        if (errors.any()) {
            page.addAttribute("notice", null);
            return FormAnswers.rejected(response, page(group, form, errors, page));
        }
        meetings.set(
                group,
                form.day(),
                form.startsAt(),
                Integer.parseInt(form.duration().strip()),
                form.link().strip(),
                user.userId(),
                clock.instant());
        return FormAnswers.redirect("/teacher/cafe/groups/" + group.id() + "/meeting?done=saved");
    }

    /** The weekly meeting for a calendar: for the group's members and its coach only. */
    @GetMapping("/cafe/groups/{groupId}/meeting.ics")
    ResponseEntity<String> calendar(CurrentUser user, @PathVariable long groupId, HttpServletRequest request) {
        Group group = groups.readableBy(user, groupId).orElseThrow(CafeMeetingController::notFound);
        CafeMeetings.Meeting meeting = meetings.of(group.id()).orElseThrow(CafeMeetingController::notFound);
        Locale locale = user.locale();
        String summary = messages.getMessage("cafe.meeting.ics.summary", new Object[] {group.name()}, locale);
        String description = messages.getMessage("cafe.meeting.ics.description", new Object[] {meeting.link()}, locale);
        return Downloads.attachment(
                "leerlog-cafe-meeting-" + group.id() + ".ics",
                CALENDAR,
                MeetingInvitation.of(meeting, request.getServerName(), summary, description, clock.instant()));
    }

    private String page(Group group, MeetingForm form, FieldErrors errors, Model page) {
        page.addAttribute("group", group);
        page.addAttribute("form", form);
        page.addAttribute("errors", errors);
        page.addAttribute("weekdays", List.of(DayOfWeek.values()));
        page.addAttribute(
                "next",
                meetings.of(group.id()).map(m -> m.next(clock.instant())).orElse(null));
        return "cafe/meeting";
    }

    private Group coached(CurrentUser user, long groupId) {
        return groups.coachedBy(user.courseId(), user.userId()).stream()
                .filter(g -> g.id() == groupId)
                .findFirst()
                .orElseThrow(CafeMeetingController::notFound);
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
