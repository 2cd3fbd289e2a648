package nl.leerlog.tool.cafe.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.leerlog.tool.cafe.internal.CafeChannels.Channel;
import nl.leerlog.tool.cafe.internal.CafeChannels.Listed;
import nl.leerlog.tool.cafe.internal.CafeGroups.Group;
import nl.leerlog.tool.cafe.internal.CafeMessages.Message;
import nl.leerlog.tool.cafe.internal.CafeMessages.Refusal;
import nl.leerlog.tool.identity.CurrentUser;
import nl.leerlog.tool.learninglog.UploadChecks;
import nl.leerlog.tool.web.Downloads;
import nl.leerlog.tool.web.FieldErrors;
import nl.leerlog.tool.web.FormAnswers;
import nl.leerlog.tool.web.Section;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The café as its members and coaches use it: their rooms, a channel's messages, writing, correcting, deleting,
 * hiding and reporting, and the live stream of a channel. Whatever this user may not read answers "not found".
 */
@Controller
@Section("cafe")
record CafeController(
        CafeGroups groups,
        CafeChannels channels,
        CafeMessages messages,
        CafeStreams streams,
        CafePeople cafePeople,
        CafeAttachments attachments,
        CafeMeetings meetings,
        UploadChecks uploads,
        Clock clock) {

    /** How many messages a channel page shows as it opens; older ones are not shown in this version. */
    static final int SHOWN = 100;

    /** How long without a café message makes a member "silent" in the coach's view. */
    static final Duration SILENT_AFTER = Duration.ofDays(7);

    /**
     * A group as its member or coach sees it: the channels they may read and the people to write to alone; for its
     * coach also the last week's messages, the members silent that long, and the open reports.
     */
    record Room(
            Group group,
            List<Listed> channels,
            List<Long> people,
            int weekMessages,
            List<Long> silent,
            List<CafeMessages.Report> reports,
            CafeMeetings.Next meeting) {}

    @GetMapping("/student/cafe")
    String studentHome(CurrentUser user, Model page) {
        List<Room> rooms = new ArrayList<>();
        groups.groupOf(user.courseId(), user.userId()).ifPresent(group -> rooms.add(room(user, group)));
        return home(user, rooms, page);
    }

    @GetMapping("/teacher/cafe")
    String teacherHome(CurrentUser user, Model page) {
        List<Room> rooms = groups.coachedBy(user.courseId(), user.userId()).stream()
                .map(group -> room(user, group))
                .toList();
        return home(user, rooms, page);
    }

    private String home(CurrentUser user, List<Room> rooms, Model page) {
        page.addAttribute("rooms", rooms);
        page.addAttribute("names", cafePeople.names(user.courseId(), user.locale()));
        return "cafe/home";
    }

    private Room room(CurrentUser user, Group group) {
        List<Listed> listed = channels.of(user, group);
        Map<Long, Long> privateByPartner = channels.privateChannelsByPartner(listed);
        List<Long> people = new ArrayList<>();
        if (group.coachId() != null && group.coachId() != user.userId()) {
            people.add(group.coachId());
        }
        Map<Long, Boolean> everMembers = groups.everMembers(group.id());
        everMembers.forEach((member, current) -> {
            if (current && member != user.userId()) {
                people.add(member);
            }
        });
        people.removeIf(privateByPartner::containsKey);
        CafeMeetings.Next meeting = nextMeeting(group);
        if (!user.isTeacher()) {
            return new Room(group, listed, people, 0, List.of(), List.of(), meeting);
        }
        Instant weekAgo = clock.instant().minus(SILENT_AFTER);
        CafeMessages.Activity activity = messages.activity(group.id(), weekAgo);
        List<Long> silent = new ArrayList<>();
        everMembers.forEach((member, current) -> {
            Instant last = activity.lastWritten().get(member);
            if (current && (last == null || last.isBefore(weekAgo))) {
                silent.add(member);
            }
        });
        return new Room(group, listed, people, activity.messages(), silent, messages.openReports(group.id()), meeting);
    }

    /** The coach marks a report handled. */
    @PostMapping("/teacher/cafe/groups/{groupId}/reports/{reportId}/handled")
    String handled(CurrentUser user, @PathVariable long groupId, @PathVariable long reportId) {
        Group group = readableGroup(user, groupId);
        if (!messages.handle(group.id(), reportId, clock.instant())) {
            throw notFound();
        }
        return FormAnswers.redirect("/teacher/cafe");
    }

    /** Opens the private channel with someone of the same group (the coach included), making it on first use. */
    @PostMapping("/cafe/groups/{groupId}/private")
    String privateChannel(CurrentUser user, @PathVariable long groupId, @RequestParam long with) {
        Group group = readableGroup(user, groupId);
        boolean partnerIn = Long.valueOf(with).equals(group.coachId())
                || Boolean.TRUE.equals(groups.everMembers(groupId).get(with));
        if (!partnerIn || with == user.userId()) {
            throw notFound();
        }
        return FormAnswers.redirect("/cafe/channels/" + channels.privateChannel(group, user.userId(), with));
    }

    @GetMapping("/cafe/channels/{channelId}")
    String channel(CurrentUser user, @PathVariable long channelId, Model page) {
        Channel channel = readable(user, channelId);
        List<Message> shown = messages.latest(channelId, SHOWN);
        channels.markRead(channelId, user.userId(), channel.lastChange());
        return channelPage(user, channel, shown, new MessageForm(""), FieldErrors.none(), page);
    }

    /** What changed after {@code after}: the page's catch-up, after a signal or a reconnect. */
    @GetMapping("/cafe/channels/{channelId}/changes")
    String changes(
            CurrentUser user,
            @PathVariable long channelId,
            @RequestParam long after,
            Model page,
            HttpServletResponse response) {
        Channel channel = readable(user, channelId);
        List<Message> changed = messages.changedAfter(channelId, after);
        long last = changed.isEmpty() ? after : changed.getLast().change();
        channels.markRead(channelId, user.userId(), last);
        response.setHeader("X-Cafe-Change", Long.toString(last));
        page.addAttribute("messages", changed);
        addChannel(user, channel, page);
        return "cafe/channel :: messages";
    }

    @GetMapping(path = "/cafe/channels/{channelId}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(
            CurrentUser user, @PathVariable long channelId, HttpServletRequest request, HttpServletResponse response) {
        Channel channel = readable(user, channelId);
        // Proxies must pass each event on at once (nginx reads this header; HAProxy streams anyway).
        response.setHeader("X-Accel-Buffering", "no");
        response.setHeader("Cache-Control", "no-store");
        return streams.open(
                channel,
                new LiveMessages.Viewer(user.userId(), user.isTeacher(), user.locale(), request.getContextPath()));
    }

    @PostMapping("/cafe/channels/{channelId}/messages")
    String post(
            CurrentUser user,
            @PathVariable long channelId,
            @Valid MessageForm form,
            BindingResult binding,
            @RequestParam(name = "files", required = false) List<MultipartFile> files,
            Model page,
            HttpServletRequest request,
            HttpServletResponse response) {
        Channel channel = readable(user, channelId);
        FieldErrors errors = FieldErrors.of(binding);
        List<MultipartFile> chosen = UploadChecks.chosen(files);
        // Too many files are refused before any is read or scanned.
        List<UploadChecks.Checked> checked = chosen.size() > CafeAttachments.MAX_FILES
                ? List.of()
                : chosen.stream().map(uploads::check).toList();
        List<UploadChecks.Checked> refused =
                checked.stream().filter(c -> !c.ok()).toList();
        if (chosen.size() > CafeAttachments.MAX_FILES) {
            errors = errors.with("files", "cafe.error.files.too-many");
        }
        if (errors.any() || !refused.isEmpty()) {
            if (!refused.isEmpty()) {
                errors = errors.with("files", "cafe.error.files.refused");
            }
            page.addAttribute("refusedFiles", refused);
            return FormAnswers.rejected(
                    response, channelPage(user, channel, messages.latest(channelId, SHOWN), form, errors, page));
        }
        messages.post(
                channel,
                user.userId(),
                form.body().strip(),
                checked.stream().map(UploadChecks.Checked::accepted).toList(),
                clock.instant());
        return done(channelId, request, response);
    }

    /**
     * A file of a message, for whoever may read the channel, and of a hidden message for the coach only; always an
     * attachment with the type found in its content, named after that type, never cached and nosniff.
     */
    @GetMapping("/cafe/channels/{channelId}/files/{fileId}")
    ResponseEntity<byte[]> file(CurrentUser user, @PathVariable long channelId, @PathVariable long fileId) {
        Channel channel = readable(user, channelId);
        CafeAttachments.Download file =
                attachments.download(channelId, fileId, coaches(user, channel)).orElseThrow(CafeController::notFound);
        return Downloads.attachment(file.fileName(), MediaType.parseMediaType(file.contentType()), file.content());
    }

    @PostMapping("/cafe/channels/{channelId}/messages/{messageId}")
    String edit(
            CurrentUser user,
            @PathVariable long channelId,
            @PathVariable long messageId,
            @Valid MessageForm form,
            BindingResult binding,
            Model page,
            HttpServletRequest request,
            HttpServletResponse response) {
        Channel channel = readable(user, channelId);
        FieldErrors errors = FieldErrors.of(binding);
        if (errors.any()) {
            page.addAttribute("editing", messageId);
            page.addAttribute("editForm", form);
            return FormAnswers.rejected(response, latestPage(user, channel, errors, page));
        }
        Optional<Refusal> refused =
                messages.edit(channel, messageId, user.userId(), form.body().strip(), clock.instant());
        return refusedOrDone(user, channel, refused, "cafe.refused.too-late", page, request, response);
    }

    @PostMapping("/cafe/channels/{channelId}/messages/{messageId}/delete")
    String delete(
            CurrentUser user,
            @PathVariable long channelId,
            @PathVariable long messageId,
            Model page,
            HttpServletRequest request,
            HttpServletResponse response) {
        Channel channel = readable(user, channelId);
        Optional<Refusal> refused = messages.delete(channel, messageId, user.userId(), clock.instant());
        return refusedOrDone(user, channel, refused, null, page, request, response);
    }

    /**
     * A note on a message: the group's coach hides it and says why (moderation), or any member reports it to the
     * coach, with a reason if they like.
     */
    @PostMapping("/cafe/channels/{channelId}/messages/{messageId}/{action:hide|report}")
    String note(
            CurrentUser user,
            @PathVariable long channelId,
            @PathVariable long messageId,
            @PathVariable String action,
            @Valid NoteForm form,
            BindingResult binding,
            Model page,
            HttpServletRequest request,
            HttpServletResponse response) {
        Channel channel = readable(user, channelId);
        FieldErrors errors = FieldErrors.of(binding);
        return "hide".equals(action)
                ? hide(user, channel, messageId, form, errors, page, request, response)
                : report(user, channel, messageId, form, errors, page, response);
    }

    private String hide(
            CurrentUser user,
            Channel channel,
            long messageId,
            NoteForm form,
            FieldErrors errors,
            Model page,
            HttpServletRequest request,
            HttpServletResponse response) {
        if (!coaches(user, channel)) {
            throw notFound();
        }
        if (errors.any() || form.note() == null || form.note().isBlank()) {
            FieldErrors shown = errors.any() ? errors : FieldErrors.of("note", "cafe.error.note.required");
            page.addAttribute("hiding", messageId);
            return FormAnswers.rejected(response, latestPage(user, channel, shown, page));
        }
        Optional<Refusal> refused =
                messages.hide(channel, messageId, form.note().strip(), clock.instant());
        return refusedOrDone(user, channel, refused, null, page, request, response);
    }

    private String report(
            CurrentUser user,
            Channel channel,
            long messageId,
            NoteForm form,
            FieldErrors errors,
            Model page,
            HttpServletResponse response) {
        if (errors.any()) {
            page.addAttribute("reporting", messageId);
            return FormAnswers.rejected(response, latestPage(user, channel, errors, page));
        }
        String reason = form.note() == null || form.note().isBlank()
                ? null
                : form.note().strip();
        Optional<Refusal> refused = messages.report(channel, messageId, user.userId(), reason, clock.instant());
        if (refused.isPresent()) {
            throw notFound();
        }
        return FormAnswers.redirect("/cafe/channels/" + channel.id() + "?done=reported");
    }

    private String refusedOrDone(
            CurrentUser user,
            Channel channel,
            Optional<Refusal> refused,
            String tooLateKey,
            Model page,
            HttpServletRequest request,
            HttpServletResponse response) {
        if (refused.isEmpty()) {
            return done(channel.id(), request, response);
        }
        if (refused.get() != Refusal.TOO_LATE || tooLateKey == null) {
            throw notFound();
        }
        page.addAttribute("refusal", tooLateKey);
        return FormAnswers.refused(response, latestPage(user, channel, FieldErrors.none(), page));
    }

    /**
     * After a change: the live page (htmx) needs no new page, the stream brings the change to everyone, the writer
     * included; without script, POST-redirect-GET.
     */
    private static String done(long channelId, HttpServletRequest request, HttpServletResponse response) {
        if ("true".equals(request.getHeader("HX-Request")) && "true".equals(request.getHeader("X-Cafe-Live"))) {
            response.setStatus(HttpStatus.NO_CONTENT.value());
            return null;
        }
        return FormAnswers.redirect("/cafe/channels/" + channelId);
    }

    /** The channel page as it opens, after a change to one of its messages was refused. */
    private String latestPage(CurrentUser user, Channel channel, FieldErrors errors, Model page) {
        return channelPage(user, channel, messages.latest(channel.id(), SHOWN), new MessageForm(""), errors, page);
    }

    private String channelPage(
            CurrentUser user, Channel channel, List<Message> shown, MessageForm form, FieldErrors errors, Model page) {
        page.addAttribute("messages", shown);
        page.addAttribute("form", form);
        page.addAttribute("errors", errors);
        page.addAttribute("maxFileSize", uploads.maxFileSizeLabel());
        page.addAttribute("maxFiles", CafeAttachments.MAX_FILES);
        page.addAttribute("meeting", channel.kind() == ChannelKind.GROUP ? nextMeeting(channel.group()) : null);
        addChannel(user, channel, page);
        return "cafe/channel";
    }

    private void addChannel(CurrentUser user, Channel channel, Model page) {
        page.addAttribute("channel", channel);
        page.addAttribute("coach", coaches(user, channel));
        page.addAttribute("me", user.userId());
        page.addAttribute("now", clock.instant());
        page.addAttribute("names", cafePeople.names(user.courseId(), user.locale()));
        page.addAttribute(
                "formerMembers",
                CafePeople.formerMembers(groups.everMembers(channel.group().id())));
    }

    private CafeMeetings.Next nextMeeting(Group group) {
        return meetings.of(group.id()).map(m -> m.next(clock.instant())).orElse(null);
    }

    private static boolean coaches(CurrentUser user, Channel channel) {
        return CafeChannels.coaches(
                user.isTeacher(), user.userId(), channel.group().coachId());
    }

    private Channel readable(CurrentUser user, long channelId) {
        return channels.readableBy(user, channelId).orElseThrow(CafeController::notFound);
    }

    private Group readableGroup(CurrentUser user, long groupId) {
        return groups.readableBy(user, groupId).orElseThrow(CafeController::notFound);
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
