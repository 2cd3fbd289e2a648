package nl.leerlog.tool.notifications.internal;

import static nl.leerlog.schema.Tables.APP_USER;
import static nl.leerlog.schema.Tables.CAFE_CHANNEL;
import static nl.leerlog.schema.Tables.CAFE_GROUP;
import static nl.leerlog.schema.Tables.CAFE_MEMBER;
import static nl.leerlog.schema.Tables.CAFE_MESSAGE;
import static nl.leerlog.schema.Tables.CAFE_READ;
import static nl.leerlog.schema.Tables.GUIDANCE_QUESTION;
import static nl.leerlog.schema.Tables.MAIL_OUTBOX;
import static nl.leerlog.schema.Tables.NOTIFICATION;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import nl.leerlog.lti.testing.MovableClock;
import nl.leerlog.tool.LearningLogRows;
import nl.leerlog.tool.TestDatabases;
import nl.leerlog.tool.guidance.GuidanceEvent;
import nl.leerlog.tool.identity.CourseRole;
import nl.leerlog.tool.identity.InternshipTeachers;
import nl.leerlog.tool.notifications.internal.NotificationKind.Frequency;
import nl.leerlog.tool.notifications.internal.NotificationKind.Topic;
import org.jooq.DSLContext;
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
 * Daily and weekly digests on a fixed clock: what waited goes out in one mail per person and course, grouped by
 * student, with only what the receiver may still see.
 */
@SpringBootTest
@Import(DigestMailsTests.FixedClock.class)
class DigestMailsTests {

    /** Tuesday 8 September 2026, 10:00 in Amsterdam. */
    static final Instant TUESDAY_MORNING = Instant.parse("2026-09-08T08:00:00Z");

    @TestConfiguration(proxyBeanMethods = false)
    static class FixedClock {
        @Bean
        MovableClock clock() {
            return MovableClock.standingAt(TUESDAY_MORNING);
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(TestDatabases.uniqueName()).forEach((name, value) -> registry.add(name, () -> value));
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
    DigestMails digests;

    @Autowired
    Preferences preferences;

    @Autowired
    UnsubscribeTokens tokens;

    @Autowired
    MovableClock clock;

    long course;
    long sanne;
    long daan;
    long bram;
    long lines = 1;

    @BeforeEach
    void twoInternsOfATeacherWhoReadsADailyDigest() {
        clock.reset();
        db.deleteFrom(MAIL_OUTBOX).execute();
        db.deleteFrom(NOTIFICATION).execute();
        LearningLogRows rows = new LearningLogRows(db);
        course = rows.course();
        sanne = person(rows, "Sanne de Vries", CourseRole.STUDENT, "en");
        daan = person(rows, "Daan Jansen", CourseRole.STUDENT, "en");
        bram = person(rows, "Bram Bakker", CourseRole.TEACHER, "en");
        links.link(course, List.of(sanne, daan), bram, clock.instant());
        preferences.choose(bram, course, Topic.MESSAGES, Frequency.DAILY, clock.instant());
        preferences.choose(bram, course, Topic.WITHDRAWALS, Frequency.DAILY, clock.instant());
    }

    @Test
    void aDailyDigestComesTheNextMorningGroupedByStudentAndOnlyOnce() {
        long sanneQuestion = question(sanne, "Planning my week");
        long daanQuestion = question(daan, "A difficult client");
        asked(sanne, sanneQuestion, "Planning my week");
        reply(sanne, sanneQuestion);
        asked(daan, daanQuestion, "A difficult client");

        assertThat(db.fetchCount(MAIL_OUTBOX)).as("nothing at once").isZero();
        clock.advance(Duration.ofHours(2));
        assertThat(digests.run()).as("not before the next morning").isZero();

        clock.advance(Duration.ofHours(19).plusMinutes(30)); // Wednesday 07:30 in Amsterdam
        assertThat(digests.run()).isEqualTo(1);
        assertThat(digests.run()).as("each notice in one digest").isZero();

        var digest = db.selectFrom(MAIL_OUTBOX).fetchSingle();
        assertThat(digest.getRecipientId()).isEqualTo(bram);
        assertThat(digest.getSubject()).isEqualTo("3 notifications in Stage");
        String text = digest.getTextBody();
        assertThat(text)
                .contains("Sanne de Vries\n- Sanne de Vries asked a question \u201cPlanning my week\u201d")
                .contains("- Sanne de Vries replied \u201cPlanning my week\u201d")
                .contains("Daan Jansen\n- Daan Jansen asked a question \u201cA difficult client\u201d")
                .contains("https://leerlog.school.example/teacher/guidance/" + sanneQuestion);
        assertThat(text.indexOf("Daan Jansen")).isGreaterThan(text.indexOf("replied"));
        assertThat(digest.getHtmlBody())
                .doesNotContain("<img")
                .contains("<title>3 notifications in Stage</title>")
                .contains("<h2 style=\"font-size: 1.1em;\">Sanne de Vries</h2>")
                .contains("href=\"https://leerlog.school.example/teacher/guidance/" + sanneQuestion)
                .contains("href=\"" + digest.getUnsubscribeUrl().replace("&", "&amp;") + "\"");
        assertThat(digest.getUnsubscribeUrl()).startsWith("https://leerlog.school.example/mail/unsubscribe?t=");
    }

    @Test
    void aWeeklyDigestWaitsForMonday() {
        preferences.choose(bram, course, Topic.MESSAGES, Frequency.WEEKLY, clock.instant());
        long question = question(sanne, "Weekly");
        asked(sanne, question, "Weekly");

        clock.advance(Duration.ofDays(1));
        assertThat(digests.run()).isZero();
        clock.advance(Duration.ofDays(5)); // Monday 14 September, 10:00
        assertThat(digests.run()).isEqualTo(1);
    }

    @Test
    void aDigestLeavesOutWhatTheTeacherMayNoLongerSeeAndNeverWhatWasWithdrawn() {
        long kept = question(sanne, "Still shared");
        long withdrawn = question(sanne, "Secret plans");
        long unlinked = question(daan, "About my other teacher");
        asked(sanne, kept, "Still shared");
        asked(sanne, withdrawn, "Secret plans");
        asked(daan, unlinked, "About my other teacher");
        db.update(GUIDANCE_QUESTION)
                .set(GUIDANCE_QUESTION.STATE, "WITHDRAWN")
                .where(GUIDANCE_QUESTION.ID.eq(withdrawn))
                .execute();
        inTransaction(() -> events.publishEvent(
                new GuidanceEvent.ItemWithdrawn(withdrawn, course, sanne, bram, lines++, true, clock.instant())));
        links.unlink(course, List.of(daan));

        clock.advance(Duration.ofDays(1));
        assertThat(digests.run()).isEqualTo(1);

        String text = db.select(MAIL_OUTBOX.TEXT_BODY).from(MAIL_OUTBOX).fetchSingle(MAIL_OUTBOX.TEXT_BODY);
        assertThat(text)
                .contains("\u201cStill shared\u201d")
                .contains("Sanne de Vries withdrew a question")
                .doesNotContain("Secret plans")
                .doesNotContain("Daan Jansen")
                .doesNotContain("About my other teacher");
    }

    @Test
    void unsubscribedFromADigestNothingMoreIsMailed() {
        long question = question(sanne, "Unsubscribed");
        asked(sanne, question, "Unsubscribed");
        var target = tokens.verify(tokens.sign(bram, course, Optional.empty())).orElseThrow();
        for (Topic topic : Topic.values()) {
            preferences.choose(target.userId(), target.courseId(), topic, Frequency.NEVER, clock.instant());
        }

        clock.advance(Duration.ofDays(1));
        assertThat(digests.run()).isZero();
        assertThat(db.fetchCount(NOTIFICATION, NOTIFICATION.DIGEST_PENDING.isTrue()))
                .isZero();
        assertThat(db.fetchCount(NOTIFICATION)).as("the in-app list keeps it").isEqualTo(1);
    }

    @Test
    void aTokenIsRefusedWhenAnythingInItChanged() {
        String token = tokens.sign(bram, course, Optional.of(Topic.MESSAGES));

        assertThat(tokens.verify(token))
                .contains(new UnsubscribeTokens.Target(bram, course, Optional.of(Topic.MESSAGES)));
        assertThat(tokens.verify(token.replaceFirst("^" + bram, String.valueOf(sanne))))
                .isEmpty();
        assertThat(tokens.verify(token.replace(".messages.", ".reminders."))).isEmpty();
        assertThat(tokens.verify("nonsense")).isEmpty();
        assertThat(tokens.verify(null)).isEmpty();
    }

    @Test
    void aDigestCountsTheUnreadCafeMessagesOfTheReceiversGroupsWithoutTheirText() {
        long coached = cafeGroup("Café Noord", bram, sanne, daan);
        cafeMessage(coached, sanne, "Wie weet een goede oefening?");
        cafeMessage(coached, daan, "Ik heb er een, bel me");
        cafeMessage(coached, sanne, "Dank je!");
        cafeMessage(coached, bram, "Mooi dat jullie elkaar helpen");
        db.insertInto(CAFE_READ)
                .set(CAFE_READ.CHANNEL_ID, coached)
                .set(CAFE_READ.USER_ID, bram)
                .set(CAFE_READ.READ_CHANGE, 1L)
                .execute();
        long other = cafeGroup("Café Zuid", null, daan);
        cafeMessage(other, daan, "Niet voor Bram");
        long question = question(sanne, "Planning my week");
        asked(sanne, question, "Planning my week");

        clock.advance(Duration.ofHours(21).plusMinutes(30)); // Wednesday 07:30 in Amsterdam
        assertThat(digests.run()).isEqualTo(1);

        var digest = db.selectFrom(MAIL_OUTBOX).fetchSingle();
        assertThat(digest.getTextBody())
                .as("what others wrote after what the coach read; not the coach's own, not another group's")
                .contains("In the internship café\n- 2 unread messages in Café Noord")
                .contains("https://leerlog.school.example/teacher/cafe")
                .doesNotContain("Café Zuid", "oefening", "bel me", "Dank je");
        assertThat(digest.getHtmlBody()).contains("2 unread messages in Café Noord");
    }

    @Test
    void aDigestWithoutUnreadCafeMessagesSaysNothingOfTheCafe() {
        long question = question(sanne, "Planning my week");
        asked(sanne, question, "Planning my week");
        clock.advance(Duration.ofHours(21).plusMinutes(30));
        assertThat(digests.run()).isEqualTo(1);
        assertThat(db.selectFrom(MAIL_OUTBOX).fetchSingle().getTextBody()).doesNotContain("café");
    }

    /** A café group with its group channel (the returned id) and its members, written as the café writes them. */
    private long cafeGroup(String name, Long coach, long... members) {
        var at = clock.instant().atOffset(ZoneOffset.UTC);
        long group = db.insertInto(CAFE_GROUP)
                .set(CAFE_GROUP.COURSE_ID, course)
                .set(CAFE_GROUP.NAME, name)
                .set(CAFE_GROUP.COACH_ID, coach)
                .set(CAFE_GROUP.CREATED_AT, at)
                .returning(CAFE_GROUP.ID)
                .fetchOne(CAFE_GROUP.ID);
        for (long member : members) {
            db.insertInto(CAFE_MEMBER)
                    .set(CAFE_MEMBER.GROUP_ID, group)
                    .set(CAFE_MEMBER.USER_ID, member)
                    .set(CAFE_MEMBER.JOINED_AT, at)
                    .execute();
        }
        return db.insertInto(CAFE_CHANNEL)
                .set(CAFE_CHANNEL.GROUP_ID, group)
                .set(CAFE_CHANNEL.KIND, "GROUP")
                .returning(CAFE_CHANNEL.ID)
                .fetchOne(CAFE_CHANNEL.ID);
    }

    private void cafeMessage(long channel, long author, String body) {
        long change = db.select(CAFE_CHANNEL.LAST_CHANGE)
                        .from(CAFE_CHANNEL)
                        .where(CAFE_CHANNEL.ID.eq(channel))
                        .fetchSingle(CAFE_CHANNEL.LAST_CHANGE)
                + 1;
        db.update(CAFE_CHANNEL)
                .set(CAFE_CHANNEL.LAST_CHANGE, change)
                .where(CAFE_CHANNEL.ID.eq(channel))
                .execute();
        db.insertInto(CAFE_MESSAGE)
                .set(CAFE_MESSAGE.CHANNEL_ID, channel)
                .set(CAFE_MESSAGE.AUTHOR_ID, author)
                .set(CAFE_MESSAGE.BODY, body)
                .set(CAFE_MESSAGE.POSTED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                .set(CAFE_MESSAGE.POSTED_NO, change)
                .set(CAFE_MESSAGE.CHANGE_NO, change)
                .execute();
    }

    private void asked(long student, long question, String title) {
        inTransaction(() -> events.publishEvent(
                new GuidanceEvent.QuestionSent(question, course, student, bram, title, clock.instant())));
    }

    private void reply(long student, long question) {
        inTransaction(() -> events.publishEvent(
                new GuidanceEvent.ReplyWritten(question, course, student, bram, lines++, true, clock.instant())));
    }

    private void inTransaction(Runnable change) {
        transaction.executeWithoutResult(status -> change.run());
    }

    /** A question as guidance stores it, for the title a digest may show. */
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

    private long person(LearningLogRows rows, String name, CourseRole role, String locale) {
        long id = rows.member(course, name, role);
        db.update(APP_USER)
                .set(APP_USER.EMAIL, name.toLowerCase().replace(' ', '.') + "@school.example")
                .set(APP_USER.LOCALE, locale)
                .where(APP_USER.ID.eq(id))
                .execute();
        return id;
    }
}
