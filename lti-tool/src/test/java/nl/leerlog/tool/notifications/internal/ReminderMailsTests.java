package nl.leerlog.tool.notifications.internal;

import static nl.leerlog.schema.Tables.APP_USER;
import static nl.leerlog.schema.Tables.GUIDANCE_MESSAGE;
import static nl.leerlog.schema.Tables.GUIDANCE_QUESTION;
import static nl.leerlog.schema.Tables.INTERNSHIP;
import static nl.leerlog.schema.Tables.LEARNING_MOMENT;
import static nl.leerlog.schema.Tables.MAIL_OUTBOX;
import static nl.leerlog.schema.Tables.NOTIFICATION;
import static nl.leerlog.schema.Tables.NOTIFICATION_COURSE_SETTING;
import static nl.leerlog.schema.Tables.TEACHER_AVAILABILITY;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import nl.leerlog.lti.testing.MovableClock;
import nl.leerlog.tool.LearningLogRows;
import nl.leerlog.tool.TestDatabases;
import nl.leerlog.tool.identity.CourseRole;
import nl.leerlog.tool.identity.InternshipTeachers;
import nl.leerlog.tool.notifications.internal.NotificationKind.Frequency;
import nl.leerlog.tool.notifications.internal.NotificationKind.Topic;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The two reminders on a fixed clock, sent through a real SMTP server (GreenMail): a question that waits past its
 * teacher's response time, and a student who has been silent in a course that turned the reminder on. Each reminds
 * once, and each follows the receiver's frequency for reminders.
 */
@SpringBootTest
@Import(ReminderMailsTests.FixedClock.class)
class ReminderMailsTests {

    /** Tuesday 8 September 2026, 10:00 in Amsterdam. */
    static final Instant TUESDAY_MORNING = Instant.parse("2026-09-08T08:00:00Z");

    static final int SMTP_PORT = freePort();

    @TestConfiguration(proxyBeanMethods = false)
    static class FixedClock {
        @Bean
        MovableClock clock() {
            return MovableClock.standingAt(TUESDAY_MORNING);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabases.h2(TestDatabases.uniqueName()).forEach((name, value) -> registry.add(name, () -> value));
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("leerlog.mail.send-every", () -> "PT1H");
        registry.add("leerlog.mail.link-url", () -> "https://leerlog.school.example");
    }

    @Autowired
    DSLContext db;

    @Autowired
    InternshipTeachers links;

    @Autowired
    Preferences preferences;

    @Autowired
    ReminderSettings settings;

    @Autowired
    WaitingQuestionReminders waiting;

    @Autowired
    SilentStudentReminders silent;

    @Autowired
    DigestMails digests;

    @Autowired
    OutboxSender sender;

    @Autowired
    MovableClock clock;

    GreenMail smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    long course;
    long sanne;
    long daan;
    long bram;

    @BeforeEach
    void twoInternsOfBramOneInDutch() {
        clock.reset();
        smtp.start();
        db.deleteFrom(MAIL_OUTBOX).execute();
        db.deleteFrom(NOTIFICATION).execute();
        db.deleteFrom(GUIDANCE_QUESTION).execute();
        db.deleteFrom(NOTIFICATION_COURSE_SETTING).execute();
        LearningLogRows rows = new LearningLogRows(db);
        course = rows.course();
        sanne = person(rows, "Sanne de Vries", CourseRole.STUDENT, "nl");
        daan = person(rows, "Daan Jansen", CourseRole.STUDENT, "en");
        bram = person(rows, "Bram Bakker", CourseRole.TEACHER, "en");
        links.link(course, List.of(sanne, daan), bram, clock.instant());
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    @Nested
    class AQuestionWaiting {

        @Test
        void remindsTheTeacherOnceWhenTheirResponseTimeHasPassed() throws Exception {
            long question = question(sanne, "Planning my week");

            clock.advance(Duration.ofDays(3)); // Friday: the third working day, still in time
            assertThat(waiting.run()).isZero();

            clock.advance(Duration.ofDays(1)); // Saturday: overdue
            assertThat(waiting.run()).isEqualTo(1);
            assertThat(waiting.run()).as("not again on the next run").isZero();
            clock.advance(Duration.ofDays(2));
            assertThat(waiting.run()).as("nor days later").isZero();

            assertThat(sender.sendAllDue()).isEqualTo(1);
            MimeMessage[] received = smtp.getReceivedMessages();
            assertThat(received).hasSize(1);
            MimeMessage mail = received[0];
            assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("bram@school.example");
            assertThat(mail.getSubject()).isEqualTo("A question of Sanne de Vries is waiting for your answer");
            assertThat(plainText(mail))
                    .contains("Planning my week")
                    .contains("https://leerlog.school.example/teacher/guidance/" + question);
            assertThat(mail.getHeader("List-Unsubscribe")[0]).contains(".reminders.");
        }

        @Test
        void measuresAgainstTheTeachersOwnResponseTime() {
            db.insertInto(TEACHER_AVAILABILITY)
                    .set(TEACHER_AVAILABILITY.USER_ID, bram)
                    .set(TEACHER_AVAILABILITY.READING_DAYS, "1,2,3,4,5")
                    .set(TEACHER_AVAILABILITY.WORKING_DAYS, 1)
                    .set(TEACHER_AVAILABILITY.UPDATED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                    .execute();
            question(sanne, "Quick one");

            clock.advance(Duration.ofDays(1)); // Wednesday: the one working day
            assertThat(waiting.run()).isZero();
            clock.advance(Duration.ofDays(1)); // Thursday
            assertThat(waiting.run()).isEqualTo(1);
        }

        @Test
        void aNewWaitAfterTheTeacherAnsweredRemindsAgain() {
            long question = question(sanne, "Follow-up");
            clock.advance(Duration.ofDays(6)); // Monday
            assertThat(waiting.run()).isEqualTo(1);

            line(question, bram, "MESSAGE");
            clock.advance(Duration.ofHours(1));
            line(question, sanne, "MESSAGE");
            assertThat(waiting.run()).as("the new wait is not overdue yet").isZero();
            clock.advance(Duration.ofDays(7));
            assertThat(waiting.run()).isEqualTo(1);
            assertThat(db.fetchCount(NOTIFICATION, NOTIFICATION.KIND.eq("question-waiting")))
                    .isEqualTo(2);
        }

        @Test
        void noReminderOfAnAnsweredQuestionOrOfAStudentNoLongerTheTeachersIntern() {
            long answered = question(sanne, "Answered");
            line(answered, bram, "MESSAGE");
            db.update(GUIDANCE_QUESTION)
                    .set(GUIDANCE_QUESTION.STATE, "ANSWERED")
                    .where(GUIDANCE_QUESTION.ID.eq(answered))
                    .execute();
            question(daan, "From someone else's intern");
            links.unlink(course, List.of(daan));

            clock.advance(Duration.ofDays(10));
            assertThat(waiting.run()).isZero();
            assertThat(db.fetchCount(MAIL_OUTBOX)).isZero();
        }

        @Test
        void aTeacherWhoWantsNoRemindersGetsNoMailButSeesItInTheList() {
            preferences.choose(bram, course, Topic.REMINDERS, Frequency.NEVER, clock.instant());
            question(sanne, "Never mind");

            clock.advance(Duration.ofDays(6));
            assertThat(waiting.run()).isEqualTo(1);
            assertThat(sender.sendAllDue()).isZero();
            assertThat(smtp.getReceivedMessages()).isEmpty();
            assertThat(db.fetchCount(NOTIFICATION, NOTIFICATION.RECIPIENT_ID.eq(bram)))
                    .isEqualTo(1);
        }

        @Test
        void aTeacherWithADailyDigestHearsOfItTheNextMorning() throws Exception {
            preferences.choose(bram, course, Topic.REMINDERS, Frequency.DAILY, clock.instant());
            question(sanne, "In the digest");

            clock.advance(Duration.ofDays(6)); // Monday 10:00
            assertThat(waiting.run()).isEqualTo(1);
            assertThat(digests.run()).as("not before the next morning").isZero();
            clock.advance(Duration.ofHours(22)); // Tuesday 08:00
            assertThat(digests.run()).isEqualTo(1);

            assertThat(sender.sendAllDue()).isEqualTo(1);
            MimeMessage mail = smtp.getReceivedMessages()[0];
            assertThat(mail.getSubject()).isEqualTo("1 notification in Stage");
            assertThat(plainText(mail))
                    .contains("A question of Sanne de Vries waits for your answer \u201cIn the digest\u201d");
        }
    }

    @Nested
    class AStudentSilent {

        @Test
        void remindsTheStudentOnceInTheirLanguageNamingTheirTeacher() throws Exception {
            settings.save(course, true, 2, bram, clock.instant());
            wroteDaysAgo(sanne, 20);
            wroteDaysAgo(daan, 3);

            assertThat(silent.run()).as("Sanne only: Daan wrote three days ago").isEqualTo(1);
            assertThat(silent.run()).as("not again on the next run").isZero();
            clock.advance(Duration.ofDays(7));
            assertThat(silent.run()).as("nor a week later").isZero();

            assertThat(sender.sendAllDue()).isEqualTo(1);
            MimeMessage[] received = smtp.getReceivedMessages();
            assertThat(received).hasSize(1);
            MimeMessage mail = received[0];
            assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("sanne@school.example");
            assertThat(mail.getSubject()).isEqualTo("Hoe gaat je stage?");
            assertThat(plainText(mail))
                    .contains("Bram Bakker, je stagebegeleider")
                    .contains("https://leerlog.school.example/student/log");
        }

        @Test
        void writingAgainEndsTheSilenceAndALaterOneRemindsAgain() {
            settings.save(course, true, 2, bram, clock.instant());
            wroteDaysAgo(sanne, 15);
            wroteDaysAgo(daan, 1);
            assertThat(silent.run()).isEqualTo(1);

            wroteDaysAgo(sanne, 0);
            clock.advance(Duration.ofDays(12));
            assertThat(silent.run()).isZero();
            clock.advance(Duration.ofDays(2));
            assertThat(silent.run()).as("Sanne silent again, and Daan now too").isEqualTo(2);
        }

        @Test
        void nothingWhenTheCourseDidNotTurnItOnOrTurnedItOff() {
            wroteDaysAgo(sanne, 60);
            assertThat(silent.run()).isZero();

            settings.save(course, true, 2, bram, clock.instant());
            settings.save(course, false, 2, bram, clock.instant());
            assertThat(silent.run()).isZero();
            assertThat(db.fetchCount(NOTIFICATION)).isZero();
        }

        @Test
        void aStudentWhoNeverWroteIsSilentFromWhenTheCourseTurnedItOn() {
            settings.save(course, true, 3, bram, clock.instant());
            wroteDaysAgo(daan, 0);

            clock.advance(Duration.ofDays(20));
            assertThat(silent.run()).as("not yet three weeks").isZero();
            clock.advance(Duration.ofDays(1));
            assertThat(silent.run()).isEqualTo(2);
        }

        @Test
        void noReminderWithoutAnInternshipTeacherOrOutsideTheInternship() {
            settings.save(course, true, 2, bram, clock.instant());
            wroteDaysAgo(sanne, 30);
            wroteDaysAgo(daan, 30);
            links.unlink(course, List.of(sanne));
            LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
            db.insertInto(INTERNSHIP)
                    .set(INTERNSHIP.COURSE_ID, course)
                    .set(INTERNSHIP.STUDENT_ID, daan)
                    .set(INTERNSHIP.STARTS_ON, today.minusWeeks(12))
                    .set(INTERNSHIP.ENDS_ON, today.minusWeeks(1))
                    .set(INTERNSHIP.UPDATED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                    .execute();

            assertThat(silent.run()).isZero();
        }

        @Test
        void aStudentWhoWantsNoRemindersGetsNoMail() {
            settings.save(course, true, 2, bram, clock.instant());
            preferences.choose(sanne, course, Topic.REMINDERS, Frequency.NEVER, clock.instant());
            wroteDaysAgo(sanne, 30);
            wroteDaysAgo(daan, 1);

            assertThat(silent.run()).isEqualTo(1);
            assertThat(sender.sendAllDue()).isZero();
            assertThat(smtp.getReceivedMessages()).isEmpty();
        }
    }

    private long question(long student, String title) {
        var at = clock.instant().atOffset(ZoneOffset.UTC);
        return db.insertInto(GUIDANCE_QUESTION)
                .set(GUIDANCE_QUESTION.COURSE_ID, course)
                .set(GUIDANCE_QUESTION.OWNER_ID, student)
                .set(GUIDANCE_QUESTION.TEACHER_ID, bram)
                .set(GUIDANCE_QUESTION.TITLE, title)
                .set(GUIDANCE_QUESTION.QUESTION, "Could you help?")
                .set(GUIDANCE_QUESTION.ANSWER_FORM, "WRITTEN")
                .set(GUIDANCE_QUESTION.STATE, "WAITING")
                .set(GUIDANCE_QUESTION.CREATED_AT, at)
                .set(GUIDANCE_QUESTION.UPDATED_AT, at)
                .returningResult(GUIDANCE_QUESTION.ID)
                .fetchSingle(GUIDANCE_QUESTION.ID);
    }

    private void line(long question, long author, String kind) {
        db.insertInto(GUIDANCE_MESSAGE)
                .set(GUIDANCE_MESSAGE.QUESTION_ID, question)
                .set(GUIDANCE_MESSAGE.AUTHOR_ID, author)
                .set(GUIDANCE_MESSAGE.KIND, kind)
                .set(GUIDANCE_MESSAGE.BODY, "A line")
                .set(GUIDANCE_MESSAGE.CREATED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                .execute();
    }

    private void wroteDaysAgo(long student, int days) {
        long moment = new LearningLogRows(db).moment(LearningLogRows.owner(student, course), "A moment");
        db.update(LEARNING_MOMENT)
                .set(
                        LEARNING_MOMENT.CREATED_AT,
                        clock.instant().minus(Duration.ofDays(days)).atOffset(ZoneOffset.UTC))
                .where(LEARNING_MOMENT.ID.eq(moment))
                .execute();
    }

    private long person(LearningLogRows rows, String name, CourseRole role, String locale) {
        long id = rows.member(course, name, role);
        db.update(APP_USER)
                .set(APP_USER.EMAIL, name.split(" ")[0].toLowerCase() + "@school.example")
                .set(APP_USER.LOCALE, locale)
                .where(APP_USER.ID.eq(id))
                .execute();
        return id;
    }

    /** The mail's plain-text part, decoded. */
    static String plainText(jakarta.mail.Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = plainText(multipart.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
