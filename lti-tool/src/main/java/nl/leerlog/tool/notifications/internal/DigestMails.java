package nl.leerlog.tool.notifications.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.leerlog.tool.cafe.CafeActivity;
import nl.leerlog.tool.identity.InternshipTeachers;
import nl.leerlog.tool.identity.MailContacts;
import nl.leerlog.tool.notifications.internal.NotificationKind.Frequency;
import nl.leerlog.tool.system.HousekeepingTask;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily and weekly digests: one mail per person and course with what waited for it, grouped by the student
 * (for a teacher) or the teacher (for a student) it is about. Daily digests cover what came before 07:00 Amsterdam
 * time that day, weekly ones what came before Monday 07:00. What the receiver may no longer see is left out when the
 * digest is written, not when the notice was: a student who is no longer the teacher's intern, a question's title
 * after it was withdrawn. A withdrawal never shows what was withdrawn. A digest also counts the café messages that wait
 * unread in each of the receiver's café groups, without their text.
 */
@Component
@HousekeepingTask.Schedule(name = "mail-digests", every = "${leerlog.mail.digest-check:PT10M}")
class DigestMails implements HousekeepingTask {

    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    static final LocalTime DIGEST_TIME = LocalTime.of(7, 0);
    private static final int BATCH = 5_000;

    private final Inbox inbox;
    private final Preferences preferences;
    private final MailContacts contacts;
    private final InternshipTeachers links;
    private final Notifier notifier;
    private final MailComposer composer;
    private final MailOutbox outbox;
    private final UnsubscribeTokens tokens;
    private final MailLinks mailLinks;
    private final TransactionTemplate transaction;
    private final CafeActivity cafe;
    private final Clock clock;

    DigestMails(
            Inbox inbox,
            Preferences preferences,
            MailContacts contacts,
            InternshipTeachers links,
            Notifier notifier,
            MailComposer composer,
            MailOutbox outbox,
            UnsubscribeTokens tokens,
            MailLinks mailLinks,
            TransactionTemplate transaction,
            CafeActivity cafe,
            Clock clock) {
        this.inbox = inbox;
        this.preferences = preferences;
        this.contacts = contacts;
        this.links = links;
        this.notifier = notifier;
        this.composer = composer;
        this.outbox = outbox;
        this.tokens = tokens;
        this.mailLinks = mailLinks;
        this.transaction = transaction;
        this.cafe = cafe;
        this.clock = clock;
    }

    /** One line of a digest. */
    record Line(String text, String link) {}

    /** The lines about one student (or, in a student's digest, one teacher). */
    record Group(String name, List<Line> lines) {}

    @Override
    public int run() {
        Instant now = clock.instant();
        Instant daily = dailyBoundary(now);
        Instant weekly = weeklyBoundary(now);
        Map<List<Long>, List<Inbox.Entry>> byReceiver = new LinkedHashMap<>();
        for (Inbox.Entry entry : inbox.pendingDigest(BATCH)) {
            byReceiver
                    .computeIfAbsent(List.of(entry.recipientId(), entry.courseId()), key -> new ArrayList<>())
                    .add(entry);
        }
        int mailed = 0;
        for (var receiver : byReceiver.entrySet()) {
            long recipientId = receiver.getKey().get(0);
            long courseId = receiver.getKey().get(1);
            Boolean sent = transaction.execute(
                    status -> digest(recipientId, courseId, receiver.getValue(), daily, weekly, now));
            mailed += Boolean.TRUE.equals(sent) ? 1 : 0;
        }
        return mailed;
    }

    private boolean digest(
            long recipientId, long courseId, List<Inbox.Entry> pending, Instant daily, Instant weekly, Instant now) {
        var frequencies = preferences.effective(recipientId, courseId);
        List<Inbox.Entry> due = new ArrayList<>();
        List<Long> done = new ArrayList<>();
        for (Inbox.Entry entry : pending) {
            Frequency frequency = frequencies.get(entry.kind().topic());
            Instant before = switch (frequency) {
                case DAILY -> daily;
                case WEEKLY -> weekly;
                // Changed back to "at once" while it waited: it goes out in this digest.
                case IMMEDIATELY -> now;
                case NEVER -> null;
            };
            if (before == null) {
                done.add(entry.id());
            } else if (entry.createdAt().toInstant().isBefore(before)) {
                done.add(entry.id());
                if (maySee(entry)) {
                    due.add(entry);
                }
            }
        }
        boolean mailed = !due.isEmpty() && mail(recipientId, courseId, due, now);
        inbox.digested(done);
        return mailed;
    }

    /** A teacher hears only of their interns now, whatever they were when the notice came. */
    private boolean maySee(Inbox.Entry entry) {
        boolean toTeacher = entry.studentId() != null && entry.studentId() != entry.recipientId();
        return !toTeacher || links.isInternshipTeacherOf(entry.courseId(), entry.recipientId(), entry.studentId());
    }

    private boolean mail(long recipientId, long courseId, List<Inbox.Entry> due, Instant now) {
        var receiver = contacts.of(courseId, recipientId).orElse(null);
        if (receiver == null) {
            return false;
        }
        Map<Long, Group> groups = new LinkedHashMap<>();
        for (Inbox.Entry entry : due) {
            long other = entry.otherPartyId() == null ? 0 : entry.otherPartyId();
            String otherName = other == 0 ? "" : contacts.nameOf(other);
            Group group = groups.computeIfAbsent(
                    other, id -> new Group(otherName.isBlank() ? null : otherName, new ArrayList<>()));
            boolean toTeacher = entry.studentId() != null && entry.studentId() != recipientId;
            String title = notifier.title(entry.kind(), toTeacher, courseId, recipientId, entry.questionId())
                    .orElse(null);
            String text = composer.message(
                    "digest." + entry.kind().key(),
                    receiver.locale(),
                    otherName.isBlank() ? composer.message("mail.someone", receiver.locale()) : otherName,
                    title == null ? "" : "\u201c" + title + "\u201d");
            group.lines().add(new Line(text.strip(), mailLinks.to(entry.path())));
        }
        String unsubscribe =
                mailLinks.to("/mail/unsubscribe?t=" + tokens.sign(recipientId, courseId, Optional.empty()));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("receiverName", receiver.name());
        model.put("courseTitle", receiver.courseTitle());
        model.put("groups", List.copyOf(groups.values()));
        model.put("cafe", cafeLines(courseId, recipientId, receiver.locale()));
        model.put("count", due.size());
        model.put("unsubscribeLink", unsubscribe);
        model.put("link", mailLinks.to(toTeacherPath(due)));
        var mail = composer.render("digest", "digest", receiver.locale(), model, due.size(), receiver.courseTitle());
        long first = due.getFirst().id();
        long last = due.getLast().id();
        return outbox.enqueue(
                new OutgoingMail(
                        "digest:" + recipientId + ":" + courseId + ":" + first + "-" + last,
                        recipientId,
                        courseId,
                        "digest",
                        receiver.email(),
                        mail.subject(),
                        mail.text(),
                        mail.html(),
                        unsubscribe,
                        null),
                mailLinks.messageDomain(),
                now);
    }

    /** The café's unread messages per group, counted only: no message's text leaves the café in a mail. */
    private List<Line> cafeLines(long courseId, long recipientId, java.util.Locale locale) {
        return cafe.unread(courseId, recipientId).stream()
                .map(unread -> new Line(
                        composer.message("mail.digest.cafe.line", locale, unread.messages(), unread.groupName()),
                        mailLinks.to(unread.path())))
                .toList();
    }

    private static String toTeacherPath(List<Inbox.Entry> due) {
        return due.getFirst().path().startsWith("/teacher/") ? "/teacher/notifications" : "/student/notifications";
    }

    /** The latest 07:00 in Amsterdam at or before {@code now}. */
    static Instant dailyBoundary(Instant now) {
        ZonedDateTime local = now.atZone(ZONE);
        ZonedDateTime today = local.toLocalDate().atTime(DIGEST_TIME).atZone(ZONE);
        return (local.isBefore(today) ? today.minusDays(1) : today).toInstant();
    }

    /** The latest Monday 07:00 in Amsterdam at or before {@code now}. */
    static Instant weeklyBoundary(Instant now) {
        ZonedDateTime local = now.atZone(ZONE);
        ZonedDateTime monday = local.toLocalDate()
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .atTime(DIGEST_TIME)
                .atZone(ZONE);
        return (local.isBefore(monday) ? monday.minusWeeks(1) : monday).toInstant();
    }
}
