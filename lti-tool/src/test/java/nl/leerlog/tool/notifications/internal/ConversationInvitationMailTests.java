package nl.leerlog.tool.notifications.internal;

import static nl.leerlog.schema.Tables.APP_USER;
import static nl.leerlog.schema.Tables.GUIDANCE_CONVERSATION;
import static nl.leerlog.schema.Tables.GUIDANCE_QUESTION;
import static nl.leerlog.schema.Tables.MAIL_OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import nl.leerlog.lti.testing.MovableClock;
import nl.leerlog.tool.LearningLogRows;
import nl.leerlog.tool.TestDatabases;
import nl.leerlog.tool.guidance.GuidanceEvent;
import nl.leerlog.tool.guidance.GuidanceEvent.ConversationChange;
import nl.leerlog.tool.identity.CourseRole;
import nl.leerlog.tool.identity.InternshipTeachers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The calendar invitation in the mails of a conversation agreed, moved and cancelled, as GreenMail receives them and
 * a calendar (iCal4j) reads them: both parties get it, the same UID throughout, SEQUENCE up at every change,
 * METHOD:REQUEST then METHOD:CANCEL, and RFC 5545's CRLF lines folded at 75 octets.
 */
@SpringBootTest
@Import(ConversationInvitationMailTests.FixedClock.class)
class ConversationInvitationMailTests {

    static final Instant MONDAY = Instant.parse("2026-09-07T08:00:00Z");
    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    static final int SMTP_PORT = freePort();

    @TestConfiguration(proxyBeanMethods = false)
    static class FixedClock {
        @Bean
        MovableClock clock() {
            return MovableClock.standingAt(MONDAY);
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
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    OutboxSender sender;

    @Autowired
    MovableClock clock;

    GreenMail smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    long course;
    long sanne;
    long bram;
    long question;
    long conversation;
    String uid = UUID.randomUUID() + "@leerlog.school.example";
    long lines = 1;

    @BeforeEach
    void aProposedConversationAboutSannesQuestion() {
        smtp.start();
        db.deleteFrom(MAIL_OUTBOX).execute();
        LearningLogRows rows = new LearningLogRows(db);
        course = rows.course();
        sanne = person(rows, "Sanne de Vries", CourseRole.STUDENT, "sanne@student.example", "nl");
        bram = person(rows, "Bram Bakker", CourseRole.TEACHER, "bram@school.example", "en");
        links.link(course, List.of(sanne), bram, clock.instant());
        var at = clock.instant().atOffset(ZoneOffset.UTC);
        question = db.insertInto(GUIDANCE_QUESTION)
                .set(GUIDANCE_QUESTION.COURSE_ID, course)
                .set(GUIDANCE_QUESTION.OWNER_ID, sanne)
                .set(GUIDANCE_QUESTION.TEACHER_ID, bram)
                .set(GUIDANCE_QUESTION.TITLE, "Een lastig gesprek met een ouder over het rapport van haar dochter")
                .set(GUIDANCE_QUESTION.QUESTION, "Kunnen we het er even over hebben?")
                .set(GUIDANCE_QUESTION.ANSWER_FORM, "VIDEO_CALL")
                .set(GUIDANCE_QUESTION.STATE, "WAITING")
                .set(GUIDANCE_QUESTION.CREATED_AT, at)
                .set(GUIDANCE_QUESTION.UPDATED_AT, at)
                .returningResult(GUIDANCE_QUESTION.ID)
                .fetchSingle(GUIDANCE_QUESTION.ID);
        conversation = db.insertInto(GUIDANCE_CONVERSATION)
                .set(GUIDANCE_CONVERSATION.QUESTION_ID, question)
                .set(GUIDANCE_CONVERSATION.COURSE_ID, course)
                .set(GUIDANCE_CONVERSATION.OWNER_ID, sanne)
                .set(GUIDANCE_CONVERSATION.TEACHER_ID, bram)
                .set(GUIDANCE_CONVERSATION.STARTS_AT, thursdayAt(14).toOffsetDateTime())
                .set(GUIDANCE_CONVERSATION.MINUTES, 30)
                .set(GUIDANCE_CONVERSATION.ANSWER_FORM, "VIDEO_CALL")
                .set(GUIDANCE_CONVERSATION.PLACE, "https://meet.school.example/bram-bakker-begeleiding")
                .set(GUIDANCE_CONVERSATION.STATE, "PROPOSED")
                .set(GUIDANCE_CONVERSATION.UID, uid)
                .set(GUIDANCE_CONVERSATION.SEQUENCE, 0)
                .set(GUIDANCE_CONVERSATION.CREATED_AT, at)
                .set(GUIDANCE_CONVERSATION.UPDATED_AT, at)
                .returningResult(GUIDANCE_CONVERSATION.ID)
                .fetchSingle(GUIDANCE_CONVERSATION.ID);
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    void aProposalCarriesNoInvitation() throws Exception {
        change(ConversationChange.PROPOSED, "PROPOSED", 0, thursdayAt(14), false);

        List<MimeMessage> mails = sent();
        assertThat(mails).hasSize(1);
        assertThat(calendarPart(mails.getFirst())).isNull();
    }

    @Test
    void agreedMovedAndCancelledEachReachBothPartiesAsOneEventThatTheCalendarUpdates() throws Exception {
        change(ConversationChange.AGREED, "AGREED", 0, thursdayAt(14), true);
        List<MimeMessage> agreed = sent();
        assertThat(recipients(agreed)).containsExactlyInAnyOrder("sanne@student.example", "bram@school.example");
        for (MimeMessage mail : agreed) {
            Part part = calendarPart(mail);
            assertThat(part.getContentType()).contains("text/calendar").contains("method=REQUEST");
            assertThat(part.getFileName()).isEqualTo("invite.ics");
            Calendar calendar = foldedAndParsed(part);
            assertThat(value(calendar, "METHOD")).isEqualTo("REQUEST");
            VEvent event = event(calendar);
            assertThat(value(event, "UID")).isEqualTo(uid);
            assertThat(value(event, "SEQUENCE")).isEqualTo("0");
            assertThat(value(event, "DTSTART")).isEqualTo("20260910T140000");
            assertThat(event.getProperty("DTSTART")
                            .orElseThrow()
                            .getParameter("TZID")
                            .orElseThrow()
                            .getValue())
                    .isEqualTo("Europe/Amsterdam");
            assertThat(value(event, "ORGANIZER")).isEqualTo("mailto:bram@school.example");
            assertThat(value(event, "ATTENDEE")).isEqualTo("mailto:sanne@student.example");
        }
        assertThat(value(event(foldedAndParsed(calendarPart(to(agreed, "sanne@student.example")))), "SUMMARY"))
                .isEqualTo("Begeleidingsgesprek: Een lastig gesprek met een ouder over het rapport van haar dochter");
        assertThat(value(event(foldedAndParsed(calendarPart(to(agreed, "bram@school.example")))), "SUMMARY"))
                .isEqualTo("Guidance conversation: Een lastig gesprek met een ouder over het rapport van haar dochter");

        change(ConversationChange.MOVED, "AGREED", 1, thursdayAt(16), false);
        List<MimeMessage> moved = sent();
        assertThat(recipients(moved)).containsExactlyInAnyOrder("sanne@student.example", "bram@school.example");
        for (MimeMessage mail : moved) {
            VEvent event = event(foldedAndParsed(calendarPart(mail)));
            assertThat(value(event, "UID")).isEqualTo(uid);
            assertThat(value(event, "SEQUENCE")).isEqualTo("1");
            assertThat(value(event, "DTSTART")).isEqualTo("20260910T160000");
        }

        change(ConversationChange.CANCELLED, "CANCELLED", 2, thursdayAt(16), true);
        List<MimeMessage> cancelled = sent();
        assertThat(recipients(cancelled)).containsExactlyInAnyOrder("sanne@student.example", "bram@school.example");
        for (MimeMessage mail : cancelled) {
            Part part = calendarPart(mail);
            assertThat(part.getContentType()).contains("method=CANCEL");
            assertThat(part.getFileName()).isEqualTo("cancel.ics");
            Calendar calendar = foldedAndParsed(part);
            assertThat(value(calendar, "METHOD")).isEqualTo("CANCEL");
            VEvent event = event(calendar);
            assertThat(value(event, "UID")).isEqualTo(uid);
            assertThat(value(event, "SEQUENCE")).isEqualTo("2");
            assertThat(value(event, "STATUS")).isEqualTo("CANCELLED");
        }
    }

    /** Changes the conversation as guidance would and publishes the change in the same transaction. */
    private void change(
            ConversationChange change, String state, int sequence, ZonedDateTime startsAt, boolean byStudent) {
        transaction.executeWithoutResult(status -> {
            db.update(GUIDANCE_CONVERSATION)
                    .set(GUIDANCE_CONVERSATION.STATE, state)
                    .set(GUIDANCE_CONVERSATION.SEQUENCE, sequence)
                    .set(GUIDANCE_CONVERSATION.STARTS_AT, startsAt.toOffsetDateTime())
                    .where(GUIDANCE_CONVERSATION.ID.eq(conversation))
                    .execute();
            events.publishEvent(new GuidanceEvent.ConversationChanged(
                    question,
                    course,
                    sanne,
                    bram,
                    lines++,
                    conversation,
                    change,
                    byStudent,
                    startsAt,
                    clock.instant()));
        });
    }

    /** Sends what waits and returns the mails GreenMail received in that round. */
    private List<MimeMessage> sent() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
        sender.sendAllDue();
        return List.of(smtp.getReceivedMessages());
    }

    private static List<String> recipients(List<MimeMessage> mails) throws Exception {
        List<String> to = new ArrayList<>();
        for (MimeMessage mail : mails) {
            to.add(mail.getAllRecipients()[0].toString());
        }
        return to;
    }

    private static MimeMessage to(List<MimeMessage> mails, String address) throws Exception {
        for (MimeMessage mail : mails) {
            if (mail.getAllRecipients()[0].toString().equals(address)) {
                return mail;
            }
        }
        throw new AssertionError("no mail to " + address);
    }

    /** The text/calendar part of the mail, or null. */
    private static Part calendarPart(Part part) throws Exception {
        if (part.isMimeType("text/calendar")) {
            return part;
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                Part found = calendarPart(multipart.getBodyPart(i));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The part's iCalendar text, checked for CRLF lines of at most 75 octets (RFC 5545 §3.1), then parsed. */
    private static Calendar foldedAndParsed(Part part) throws Exception {
        String ics;
        try (var in = part.getInputStream()) {
            ics = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(ics).endsWith("\r\n").doesNotContain("\n\n");
        assertThat(ics.replace("\r\n", ""))
                .as("no bare line feed or carriage return")
                .doesNotContain("\n", "\r");
        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length)
                    .as("octets of %s", line)
                    .isLessThanOrEqualTo(75);
        }
        assertThat(ics).as("the long summary is folded").contains("\r\n ");
        return new CalendarBuilder().build(new StringReader(ics));
    }

    private static VEvent event(Calendar calendar) {
        return (VEvent) calendar.getComponent("VEVENT").orElseThrow();
    }

    private static String value(net.fortuna.ical4j.model.Component component, String name) {
        return component.getProperty(name).orElseThrow().getValue();
    }

    private static String value(Calendar calendar, String name) {
        return calendar.getProperty(name).orElseThrow().getValue();
    }

    private static ZonedDateTime thursdayAt(int hour) {
        return ZonedDateTime.of(2026, 9, 10, hour, 0, 0, 0, AMSTERDAM);
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
