package nl.leerlog.tool.notifications.internal;

import static nl.leerlog.schema.Tables.APP_USER;
import static nl.leerlog.schema.Tables.GUIDANCE_QUESTION;
import static nl.leerlog.schema.Tables.MAIL_OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.leerlog.lti.testing.MovableClock;
import nl.leerlog.tool.LearningLogRows;
import nl.leerlog.tool.guidance.GuidanceEvent;
import nl.leerlog.tool.identity.CourseRole;
import nl.leerlog.tool.identity.InternshipTeachers;
import nl.leerlog.tool.identity.internal.TestClockConfiguration;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The notification outbox against a real SMTP server (GreenMail), proven on each database Leerlog runs on: the
 * subclasses only choose the datasource. Guidance's events are published as guidance publishes them, inside a
 * transaction of the change.
 */
@SpringBootTest
@Import(TestClockConfiguration.class)
abstract class MailOutboxContractTests {

    static final int SMTP_PORT = freePort();
    static final int MAX_ATTEMPTS = 3;

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> "2000");
        registry.add("spring.mail.properties.mail.smtp.timeout", () -> "5000");
        // The tests send themselves; the schedule's first round would come after they are done.
        registry.add("leerlog.mail.send-every", () -> "PT1H");
        registry.add("leerlog.mail.max-attempts", () -> MAX_ATTEMPTS);
        registry.add("leerlog.mail.batch-size", () -> 10);
        registry.add("leerlog.mail.link-url", () -> "https://leerlog.school.example");
    }

    @Autowired
    DSLContext db;

    @Autowired
    InternshipTeachers links;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    OutboxSender sender;

    @Autowired
    MailOutbox outbox;

    @Autowired
    JavaMailSender javaMail;

    @Autowired
    MovableClock clock;

    @Autowired
    OutboxHousekeeping housekeeping;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry metrics;

    GreenMail smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    long course;
    long sanne;
    long bram;
    long ilse;
    long questions = 1;

    @BeforeEach
    void aStudentLinkedToTheirTeacherAndASecondTeacher() {
        db.deleteFrom(MAIL_OUTBOX).execute();
        LearningLogRows rows = new LearningLogRows(db);
        course = rows.course();
        sanne = person(rows, "Sanne de Vries", CourseRole.STUDENT, "sanne@student.example", "nl");
        bram = person(rows, "Bram Bakker", CourseRole.TEACHER, "bram@school.example", "en");
        ilse = person(rows, "Ilse de Wit", CourseRole.TEACHER, "ilse@school.example", "nl");
        links.link(course, List.of(sanne), bram, clock.instant());
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    void aQuestionQueuesOneMailForTheLinkedTeacherInTheirLanguageWithALinkToTheThread() throws Exception {
        smtp.start();
        long question = askBram("Planning my week");

        assertThat(sender.sendAllDue()).isEqualTo(1);

        MimeMessage mail = onlyMail();
        assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("bram@school.example");
        assertThat(mail.getSubject()).isEqualTo("Sanne de Vries asked you a question");
        String body = GreenMailUtil.getBody(mail);
        assertThat(body)
                .contains("https://leerlog.school.example/teacher/guidance/" + question)
                .contains("Planning my week")
                .doesNotContain("<img");
        assertThat(mail.getHeader("Message-ID")[0]).isEqualTo(storedMessageId());
        assertThat(mail.getHeader("List-Unsubscribe")[0])
                .startsWith("<https://leerlog.school.example/mail/unsubscribe?t=")
                .endsWith(">");
        assertThat(mail.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
    }

    @Test
    void aStudentHearsOfTheTeachersAnswerInDutch() throws Exception {
        smtp.start();
        long question = questions++;
        inTransaction(() -> events.publishEvent(
                new GuidanceEvent.ReplyWritten(question, course, sanne, bram, 77, false, clock.instant())));

        sender.sendAllDue();

        MimeMessage mail = onlyMail();
        assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("sanne@student.example");
        assertThat(mail.getSubject()).isEqualTo("Bram Bakker heeft je vraag beantwoord");
        assertThat(GreenMailUtil.getBody(mail))
                .contains("https://leerlog.school.example/student/guidance/" + question)
                .contains("Hallo Sanne de Vries");
    }

    @Test
    void theMailIsNotWrittenWhenTheChangeThatCausedItRollsBack() {
        transaction.executeWithoutResult(status -> {
            events.publishEvent(
                    new GuidanceEvent.QuestionSent(questions++, course, sanne, bram, "Rolled back", clock.instant()));
            status.setRollbackOnly();
        });

        assertThat(db.fetchCount(MAIL_OUTBOX)).isZero();
    }

    @Test
    void theSameChangeQueuesOneMailHoweverOftenItIsHeard() {
        var sent = new GuidanceEvent.QuestionSent(questions++, course, sanne, bram, "Once", clock.instant());

        inTransaction(() -> events.publishEvent(sent));
        inTransaction(() -> events.publishEvent(sent));

        assertThat(db.fetchCount(MAIL_OUTBOX)).isEqualTo(1);
    }

    @Test
    void aTeacherGetsNoMailAboutAStudentNotLinkedToThem() {
        inTransaction(() -> events.publishEvent(
                new GuidanceEvent.QuestionSent(questions++, course, sanne, ilse, "Not yours", clock.instant())));
        inTransaction(() -> events.publishEvent(
                new GuidanceEvent.ItemWithdrawn(questions++, course, sanne, ilse, 5, false, clock.instant())));

        assertThat(db.fetchCount(MAIL_OUTBOX)).isZero();
    }

    @Test
    void whileSmtpIsDownMailsWaitAndWhenItIsBackEachArrivesExactlyOnce() throws Exception {
        for (int i = 0; i < 3; i++) {
            askBram("Question " + i);
        }

        assertThat(sender.sendAllDue()).isZero();
        assertThat(db.fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.STATUS.eq("QUEUED"))).isEqualTo(3);
        assertThat(sender.sendAllDue()).as("not due again before the backoff").isZero();

        smtp.start();
        clock.advance(Duration.ofMinutes(2));
        assertThat(sender.sendAllDue()).isEqualTo(3);
        clock.advance(Duration.ofHours(1));
        assertThat(sender.sendAllDue()).isZero();

        assertThat(messageIds(smtp.getReceivedMessages())).hasSize(3).doesNotHaveDuplicates();
        assertThat(db.fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.STATUS.eq("SENT"))).isEqualTo(3);
    }

    @Test
    void aMailIsFailedAfterItsLastTryAndAnOperatorCanSendItAgain() throws Exception {
        askBram("Nobody listens");
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            sender.sendAllDue();
            clock.advance(Duration.ofHours(7));
        }
        var failed = outbox.latest(MailOutbox.Status.FAILED, 10);
        assertThat(failed).singleElement().satisfies(entry -> {
            assertThat(entry.attempts()).isEqualTo(MAX_ATTEMPTS);
            assertThat(entry.lastError()).isNotBlank();
        });
        assertThat(sender.sendAllDue())
                .as("a failed mail is not tried by itself")
                .isZero();

        smtp.start();
        assertThat(outbox.retry(failed.getFirst().id(), clock.instant())).isTrue();
        assertThat(sender.sendAllDue()).isEqualTo(1);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void twoSendersAtTheSameTimeSendEachMailOnce() throws Exception {
        smtp.start();
        for (int i = 0; i < 40; i++) {
            askBram("Question " + i);
        }

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> round = sender::sendAllDue;
            List<Future<Integer>> rounds = pool.invokeAll(List.of(round, round));
            int sent = 0;
            for (Future<Integer> done : rounds) {
                sent += done.get();
            }
            assertThat(sent).isEqualTo(40);
        } finally {
            pool.shutdown();
        }

        assertThat(messageIds(smtp.getReceivedMessages())).hasSize(40).doesNotHaveDuplicates();
        assertThat(db.fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.STATUS.eq("SENT"))).isEqualTo(40);
    }

    @Test
    void aMailSentAgainAfterACrashBeforeItWasMarkedIsTheSameMessage() throws Exception {
        smtp.start();
        askBram("Crash");
        // A sender claims the mail and sends it, then dies before it can mark the mail sent.
        MailOutbox.Claimed claimed = outbox.claim(10, clock.instant().minus(Duration.ofMinutes(10)), clock.instant())
                .getFirst();
        javaMail.send(sender.message(javaMail, claimed));

        assertThat(sender.sendAllDue())
                .as("still claimed by the sender that died")
                .isZero();
        clock.advance(Duration.ofMinutes(11));
        assertThat(sender.sendAllDue()).isEqualTo(1);

        List<String> ids = messageIds(smtp.getReceivedMessages());
        assertThat(ids).hasSize(2).containsOnly(storedMessageId());
        assertThat(db.fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.STATUS.eq("SENT"))).isEqualTo(1);
    }

    @Test
    void sentMailsArePurgedAfterTheirKeepingTimeAndTheGaugeCountsWhatWaits() throws Exception {
        smtp.start();
        askBram("Sent long ago");
        sender.sendAllDue();
        smtp.stop();
        askBram("Still waiting");
        sender.sendAllDue();

        clock.advance(Duration.ofDays(29));
        assertThat(housekeeping.run()).isZero();
        assertThat(metrics.get("leerlog.mail.outbox")
                        .tag("status", "queued")
                        .gauge()
                        .value())
                .isEqualTo(1);
        clock.advance(Duration.ofDays(2));
        assertThat(housekeeping.run()).isEqualTo(1);
        assertThat(db.fetchCount(MAIL_OUTBOX)).as("the queued mail stays").isEqualTo(1);
    }

    private long askBram(String title) {
        long question = question(title);
        inTransaction(() -> events.publishEvent(
                new GuidanceEvent.QuestionSent(question, course, sanne, bram, title, clock.instant())));
        return question;
    }

    /** A question as guidance stores it, for the title the teacher's mail shows. */
    private long question(String title) {
        var at = clock.instant().atOffset(ZoneOffset.UTC);
        return db.insertInto(GUIDANCE_QUESTION)
                .set(GUIDANCE_QUESTION.COURSE_ID, course)
                .set(GUIDANCE_QUESTION.OWNER_ID, sanne)
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

    private void inTransaction(Runnable change) {
        transaction.executeWithoutResult(status -> change.run());
    }

    private MimeMessage onlyMail() {
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        return received[0];
    }

    private String storedMessageId() {
        return db.select(MAIL_OUTBOX.MESSAGE_ID).from(MAIL_OUTBOX).fetchSingle(MAIL_OUTBOX.MESSAGE_ID);
    }

    private static List<String> messageIds(MimeMessage[] messages) throws Exception {
        List<String> ids = new ArrayList<>();
        for (MimeMessage message : messages) {
            ids.addAll(Arrays.asList(message.getHeader("Message-ID")));
        }
        return ids;
    }

    private long person(LearningLogRows rows, String name, CourseRole role, String email, String locale) {
        long id = rows.member(course, name, role);
        db.update(APP_USER)
                .set(APP_USER.EMAIL, email)
                .set(APP_USER.LOCALE, locale)
                .where(APP_USER.ID.eq(id))
                .execute();
        return id;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
