package nl.leerlog.tool.guidance.internal;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.leerlog.tool.identity.CurrentUser;
import nl.leerlog.tool.identity.TeacherView;
import nl.leerlog.tool.web.FieldErrors;
import nl.leerlog.tool.web.FormAnswers;
import nl.leerlog.tool.web.Notice;
import nl.leerlog.tool.web.Section;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The teacher's expectations: on which days they read and answer, and within how many working days. */
@Controller
@Section("dashboard")
record TeacherProfileController(TeacherAvailabilities availabilities, Clock clock) {

    @GetMapping("/teacher/profile")
    String profile(CurrentUser user, @RequestParam(required = false) String done, Model page) {
        Availability availability = availabilities.of(TeacherView.of(user).teacherId());
        page.addAttribute("availability", availability);
        page.addAttribute("notice", "saved".equals(done) ? Notice.of("availability.saved", null) : null);
        return page(user, AvailabilityForm.of(availability), FieldErrors.none(), page);
    }

    @PostMapping("/teacher/profile")
    String save(
            CurrentUser user,
            @Valid AvailabilityForm form,
            BindingResult binding,
            Model page,
            HttpServletResponse response) {
        long teacherId = TeacherView.of(user).teacherId();
        FieldErrors errors = FieldErrors.of(binding);
        if (errors.any()) {
            page.addAttribute("availability", availabilities.of(teacherId));
            return FormAnswers.rejected(response, page(user, form, errors, page));
        }
        availabilities.save(teacherId, form.toAvailability(), clock.instant());
        return FormAnswers.redirect("/teacher/profile?done=saved");
    }

    private static String page(CurrentUser user, AvailabilityForm form, FieldErrors errors, Model page) {
        Map<DayOfWeek, String> weekDays = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            weekDays.put(day, day.getDisplayName(TextStyle.FULL, user.locale()));
        }
        page.addAttribute("form", form);
        page.addAttribute("errors", errors);
        page.addAttribute("weekDays", weekDays);
        return "guidance/profile";
    }
}
