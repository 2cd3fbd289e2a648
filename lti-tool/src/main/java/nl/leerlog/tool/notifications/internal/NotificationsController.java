package nl.leerlog.tool.notifications.internal;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import nl.leerlog.tool.identity.CurrentUser;
import nl.leerlog.tool.identity.MailContacts;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.identity.TeacherView;
import nl.leerlog.tool.notifications.internal.NotificationKind.Frequency;
import nl.leerlog.tool.notifications.internal.NotificationKind.Topic;
import nl.leerlog.tool.web.FieldErrors;
import nl.leerlog.tool.web.FormAnswers;
import nl.leerlog.tool.web.Notice;
import nl.leerlog.tool.web.Section;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Each person's notifications in their course, with how often they want mail of each topic (their profile's
 * notification settings), for students and teachers alike; a teacher also sets the course's defaults as
 * coordinator. Opening a notification marks it read and goes to its page.
 */
@Controller
class NotificationsController {

    static final int LISTED = 100;

    private final Inbox inbox;
    private final Preferences preferences;
    private final ReminderSettings reminders;
    private final Notifier notifier;
    private final MailContacts contacts;
    private final org.springframework.context.MessageSource messages;
    private final Clock clock;

    NotificationsController(
            Inbox inbox,
            Preferences preferences,
            ReminderSettings reminders,
            Notifier notifier,
            MailContacts contacts,
            org.springframework.context.MessageSource messages,
            Clock clock) {
        this.inbox = inbox;
        this.preferences = preferences;
        this.reminders = reminders;
        this.notifier = notifier;
        this.contacts = contacts;
        this.messages = messages;
        this.clock = clock;
    }

    /** One notification as the list shows it. */
    record Item(long id, String text, boolean unread, java.time.OffsetDateTime at) {}

    @GetMapping("/student/notifications")
    @Section("guidance")
    String student(CurrentUser user, @RequestParam(required = false) String done, Model page) {
        Owner.of(user);
        return list(user, done, page);
    }

    @GetMapping("/teacher/notifications")
    @Section("dashboard")
    String teacher(CurrentUser user, @RequestParam(required = false) String done, Model page) {
        TeacherView.of(user);
        ReminderSettings.Silent silent = reminders.of(user.courseId());
        return teacherPage(user, done, silent.on(), String.valueOf(silent.weeks()), FieldErrors.none(), page);
    }

    /** A coordinator turns the reminder to students who have been silent on or off, and says after how many weeks. */
    @PostMapping("/teacher/notifications/reminders")
    @Section("dashboard")
    String silentReminder(
            CurrentUser user,
            @Valid SilentReminderForm form,
            BindingResult binding,
            Model page,
            HttpServletResponse response) {
        long coordinator = TeacherView.of(user).teacherId();
        FieldErrors errors = FieldErrors.of(binding);
        if (errors.any()) {
            return FormAnswers.rejected(response, teacherPage(user, null, form.turnedOn(), form.weeks(), errors, page));
        }
        reminders.save(user.courseId(), form.turnedOn(), form.weekCount(), coordinator, clock.instant());
        return FormAnswers.redirect("/teacher/notifications?done=reminders");
    }

    private String teacherPage(
            CurrentUser user, String done, boolean silentOn, String silentWeeks, FieldErrors errors, Model page) {
        page.addAttribute("defaults", preferences.defaults(user.courseId()));
        page.addAttribute("silentOn", silentOn);
        page.addAttribute("silentWeeks", silentWeeks);
        page.addAttribute("silentErrors", errors);
        page.addAttribute("silentRange", List.of(ReminderSettings.MIN_WEEKS, ReminderSettings.MAX_WEEKS));
        return list(user, done, page);
    }

    @GetMapping({"/student/notifications/{id}", "/teacher/notifications/{id}"})
    String open(CurrentUser user, @PathVariable long id) {
        return inbox.open(user.userId(), user.courseId(), id, clock.instant())
                .map(entry -> FormAnswers.redirect(entry.path()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @PostMapping({"/student/notifications/settings", "/teacher/notifications/settings"})
    String choose(CurrentUser user, @RequestParam Map<String, String> form) {
        Map<Topic, Frequency> chosen = frequencies(form);
        chosen.forEach((topic, frequency) ->
                preferences.choose(user.userId(), user.courseId(), topic, frequency, clock.instant()));
        return FormAnswers.redirect(area(user) + "/notifications?done=saved");
    }

    /** A coordinator (any teacher of the course) sets what applies to everyone who chose nothing themselves. */
    @PostMapping("/teacher/notifications/defaults")
    String defaults(CurrentUser user, @RequestParam Map<String, String> form) {
        long coordinator = TeacherView.of(user).teacherId();
        frequencies(form)
                .forEach((topic, frequency) ->
                        preferences.setDefault(user.courseId(), topic, frequency, coordinator, clock.instant()));
        return FormAnswers.redirect("/teacher/notifications?done=defaults");
    }

    private String list(CurrentUser user, String done, Model page) {
        List<Item> items = new ArrayList<>();
        for (Inbox.Entry entry : inbox.latest(user.userId(), user.courseId(), LISTED)) {
            items.add(new Item(entry.id(), text(user, entry), entry.unread(), entry.createdAt()));
        }
        page.addAttribute("items", items);
        page.addAttribute("topics", List.of(Topic.values()));
        page.addAttribute("frequencies", List.of(Frequency.values()));
        page.addAttribute("chosen", preferences.effective(user.userId(), user.courseId()));
        page.addAttribute("area", user.isTeacher() ? "teacher" : "student");
        page.addAttribute(
                "notice",
                switch (done == null ? "" : done) {
                    case "saved" -> Notice.of("notifications.saved", null);
                    case "defaults" -> Notice.of("notifications.defaults.saved", null);
                    case "reminders" -> Notice.of("notifications.silent.saved", null);
                    default -> null;
                });
        return "notifications/list";
    }

    private String text(CurrentUser user, Inbox.Entry entry) {
        String other = entry.otherPartyId() == null ? "" : contacts.nameOf(entry.otherPartyId());
        boolean toTeacher = entry.studentId() != null && entry.studentId() != user.userId();
        String title = notifier.title(entry.kind(), toTeacher, user.courseId(), user.userId(), entry.questionId())
                .map(t -> "\u201c" + t + "\u201d")
                .orElse("");
        return messages.getMessage(
                        "digest." + entry.kind().key(),
                        new Object[] {
                            other.isBlank() ? messages.getMessage("mail.someone", null, user.locale()) : other, title
                        },
                        user.locale())
                .strip();
    }

    /** The topics a form chose a known frequency for; anything else in it is ignored. */
    private static Map<Topic, Frequency> frequencies(Map<String, String> form) {
        Map<Topic, Frequency> chosen = new EnumMap<>(Topic.class);
        for (Topic topic : Topic.values()) {
            String value = form.get(topic.key());
            for (Frequency frequency : Frequency.values()) {
                if (frequency.name().equals(value)) {
                    chosen.put(topic, frequency);
                }
            }
        }
        return chosen;
    }

    private static String area(CurrentUser user) {
        return user.isTeacher() ? "/teacher" : "/student";
    }
}
