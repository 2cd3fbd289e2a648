package nl.leerlog.tool.replyhelp.internal;

import static nl.leerlog.schema.Tables.GUIDANCE_QUESTION;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import nl.leerlog.tool.LearningLogRows;
import nl.leerlog.tool.identity.CourseRole;
import nl.leerlog.tool.replyhelp.ReplyHelp;
import nl.leerlog.tool.replyhelp.SpeechAct;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Reply templates, their uses and the teachers' marks as stored, proven on each database Leerlog runs on: the
 * subclasses only choose the datasource. Each test works in a course of its own.
 */
@SpringBootTest
abstract class ReplyTemplatesContractTests {

    static final Instant NOW = Instant.parse("2026-09-07T08:00:00Z");

    @Autowired
    DSLContext db;

    @Autowired
    ReplyTemplates templates;

    @Autowired
    ReplyHelp help;

    long course;
    long bram;
    long ilse;
    long sanne;

    @BeforeEach
    void twoTeachersOfOneCourse() {
        LearningLogRows rows = new LearningLogRows(db);
        course = rows.course();
        bram = rows.member(course, "Bram Bakker", CourseRole.TEACHER);
        ilse = rows.member(course, "Ilse de Wit", CourseRole.TEACHER);
        sanne = rows.member(course, "Sanne de Vries", CourseRole.STUDENT);
    }

    @Test
    void colleaguesUsesAreCountedAndOnlyUsableTemplatesAreUsed() {
        long shared = templates.create(course, ilse, new ReplyTemplates.Content("Shared", "Hi", "en", true), NOW);
        long own = templates.create(course, ilse, new ReplyTemplates.Content("Own", "Mine", "nl", false), NOW);

        templates.recordUse(course, bram, shared, NOW);
        templates.recordUse(course, bram, shared, NOW);
        templates.recordUse(course, ilse, shared, NOW);
        templates.recordUse(course, bram, own, NOW); // not Bram's to use: nothing recorded
        templates.recordUse(course + 1, bram, shared, NOW); // another course: nothing recorded

        List<ReplyHelp.Template> forBram = templates.usableBy(course, bram, 10);
        assertThat(forBram).extracting(ReplyHelp.Template::title).containsExactly("Shared");
        assertThat(forBram.getFirst().colleagueUses()).isEqualTo(2);
        assertThat(templates.usableBy(course, ilse, 10))
                .extracting(t -> t.title() + ":" + t.own() + ":" + t.colleagueUses())
                .containsExactly("Own:true:0", "Shared:true:2");
    }

    @Test
    void onlyTheAuthorChangesOrDeletesATemplate() {
        long id = templates.create(course, ilse, new ReplyTemplates.Content("Shared", "Hi", "en", true), NOW);

        assertThat(templates.update(course, bram, id, new ReplyTemplates.Content("X", "Y", "en", true), NOW))
                .isFalse();
        assertThat(templates.delete(course, bram, id)).isFalse();
        assertThat(templates.update(course, ilse, id, new ReplyTemplates.Content("New", "Text", "nl", false), NOW))
                .isTrue();
        assertThat(templates.usable(course, bram, id)).isEmpty();
        assertThat(templates.usable(course, ilse, id).orElseThrow().body()).isEqualTo("Text");
        assertThat(templates.delete(course, ilse, id)).isTrue();
        assertThat(templates.ownedCount(course, ilse)).isZero();
    }

    @Test
    void aMarkReplacesTheSuggestionUntilTheSuggestionIsChosenAgain() {
        long question = db.insertInto(GUIDANCE_QUESTION)
                .set(GUIDANCE_QUESTION.COURSE_ID, course)
                .set(GUIDANCE_QUESTION.OWNER_ID, sanne)
                .set(GUIDANCE_QUESTION.TEACHER_ID, bram)
                .set(GUIDANCE_QUESTION.TITLE, "Goal")
                .set(GUIDANCE_QUESTION.QUESTION, "Kun je kijken? Ik voel me onzeker.")
                .set(GUIDANCE_QUESTION.ANSWER_FORM, "WRITTEN")
                .set(GUIDANCE_QUESTION.STATE, "WAITING")
                .set(GUIDANCE_QUESTION.CREATED_AT, NOW.atOffset(ZoneOffset.UTC))
                .set(GUIDANCE_QUESTION.UPDATED_AT, NOW.atOffset(ZoneOffset.UTC))
                .returning(GUIDANCE_QUESTION.ID)
                .fetchSingle()
                .getId();
        String text = "Kun je kijken? Ik voel me onzeker.";

        assertThat(help.mark(question, 0, text, 1, SpeechAct.ASSERTIVE, bram, NOW))
                .isTrue();
        assertThat(help.mark(question, 0, text, 1, SpeechAct.COMMISSIVE, bram, NOW))
                .isTrue();
        assertThat(help.mark(question, 0, text, 2, SpeechAct.ASSERTIVE, bram, NOW))
                .isFalse();
        assertThat(help.reading(question, 0, text))
                .extracting(s -> s.act() + ":" + s.changed())
                .containsExactly("DIRECTIVE:false", "COMMISSIVE:true");

        help.mark(question, 0, text, 1, SpeechAct.EXPRESSIVE, bram, NOW);
        assertThat(templates.marks(question, 0)).isEmpty();
    }
}
