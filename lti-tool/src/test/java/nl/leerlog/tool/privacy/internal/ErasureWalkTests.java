package nl.leerlog.tool.privacy.internal;

import static nl.leerlog.schema.Tables.COURSE;
import static nl.leerlog.schema.Tables.EVIDENCE;
import static nl.leerlog.schema.Tables.LEARNING_MOMENT;
import static nl.leerlog.schema.Tables.PRIVACY_ERASURE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import nl.leerlog.schema.DefaultSchema;
import nl.leerlog.tool.LearningLogRows;
import nl.leerlog.tool.TestDatabases;
import nl.leerlog.tool.identity.InternshipTeachers;
import nl.leerlog.tool.identity.Owner;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.ForeignKey;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Erasing a student of the demo course (moments, evidence, reflections, guidance threads, café, analytics as the
 * sample data makes them) leaves no row that names them in that course, in any table the schema has a person's
 * column in (found from the jOOQ catalogue's foreign keys, so a new table is walked without changing this test), and
 * no file; the request itself stays as the proof, and the classmates keep everything.
 */
@SpringBootTest(properties = {"leerlog.demo.enabled=true", "leerlog.demo.sample-course=true"})
class ErasureWalkTests {

    static final Path EVIDENCE_DIRECTORY = temporaryDirectory();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabases.h2(TestDatabases.uniqueName()).forEach((name, value) -> registry.add(name, () -> value));
        registry.add("leerlog.evidence.directory", EVIDENCE_DIRECTORY::toString);
    }

    @Autowired
    DSLContext db;

    @Autowired
    InternshipTeachers links;

    @Autowired
    Erasures erasures;

    @Autowired
    ErasureTask task;

    @Autowired
    Clock clock;

    /** One column of a table that names a person, and the course column beside it if the table has one. */
    record PersonColumn(Table<?> table, Field<Long> person, Field<Long> course) {

        Condition of(long courseId, long userId) {
            Condition condition = person.eq(userId);
            return course == null ? condition : condition.and(course.eq(courseId));
        }

        String name() {
            return table.getName() + "." + person.getName();
        }
    }

    @Test
    void erasingAStudentLeavesNoRowOrFileOfThemInTheCourseAndTheirClassmatesKeepEverything() throws IOException {
        long course = db.select(COURSE.ID)
                .from(COURSE)
                .where(COURSE.CONTEXT_ID.eq("demo-course-stage"))
                .fetchSingle(COURSE.ID);
        List<Long> interns = links.interns(course).stream()
                .map(intern -> intern.student().id())
                .toList();
        long student = interns.getFirst();
        Owner owner = LearningLogRows.owner(student, course);
        String key = fileInTheFileStore(owner, course);
        List<PersonColumn> columns = personColumns();

        Map<String, Integer> before = counts(columns, course, student);
        Map<String, Integer> classmatesBefore = classmates(columns, course, interns);
        assertThat(before.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey))
                .as("the sample data gives the student rows in each feature's tables, so the walk has work to do")
                .contains(
                        "enrolment.user_id",
                        "learning_moment.owner_id",
                        "evidence.owner_id",
                        "reflection.owner_id",
                        "internship.student_id",
                        "guidance_question.owner_id",
                        "cafe_member.user_id");

        erasures.request(
                owner,
                clock.instant().minus(Duration.ofDays(8)),
                clock.instant().plus(Duration.ofHours(1)));
        assertThat(task.run()).as("not due yet: nothing happens").isZero();
        Map<String, Integer> waiting = counts(columns, course, student);
        assertThat(waiting.remove("privacy_erasure.user_id")).isEqualTo(1);
        waiting.put("privacy_erasure.user_id", 0);
        assertThat(waiting).isEqualTo(before);

        db.update(PRIVACY_ERASURE)
                .set(PRIVACY_ERASURE.DUE_AT, OffsetDateTime.now(clock).minusMinutes(1))
                .execute();
        assertThat(task.run()).isEqualTo(1);

        Map<String, Integer> after = counts(columns, course, student);
        after.remove("privacy_erasure.user_id");
        assertThat(after)
                .as("rows naming the erased student in the course, by column")
                .allSatisfy((column, rows) -> assertThat(rows).as(column).isZero());
        assertThat(Files.exists(EVIDENCE_DIRECTORY.resolve(key)))
                .as("the file store's copy")
                .isFalse();
        assertThat(db.fetchCount(
                        PRIVACY_ERASURE,
                        PRIVACY_ERASURE.USER_ID.eq(student).and(PRIVACY_ERASURE.ERASED_AT.isNotNull())))
                .as("the request stays, as the proof that it was done")
                .isEqualTo(1);
        assertThat(classmates(columns, course, interns))
                .as("the classmates' rows")
                .isEqualTo(classmatesBefore);
        assertThat(task.run()).as("done once").isZero();
    }

    /** Every column of the schema with a foreign key to a person (app_user, or an enrolment). */
    private static List<PersonColumn> personColumns() {
        List<PersonColumn> columns = new ArrayList<>();
        for (Table<?> table : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
            Field<Long> course = table.field("course_id") == null
                    ? null
                    : table.field("course_id").coerce(Long.class);
            for (ForeignKey<?, ?> reference : table.getReferences()) {
                String target = reference.getKey().getTable().getName();
                if (!target.equals("app_user") && !target.equals("enrolment")) {
                    continue;
                }
                for (TableField<?, ?> field : reference.getFields()) {
                    if (!field.getName().equals("course_id")) {
                        columns.add(new PersonColumn(table, field.coerce(Long.class), course));
                    }
                }
            }
        }
        assertThat(columns).as("person columns in the catalogue").hasSizeGreaterThan(30);
        return columns;
    }

    private Map<String, Integer> counts(List<PersonColumn> columns, long course, long student) {
        Map<String, Integer> counts = new TreeMap<>();
        for (PersonColumn column : columns) {
            counts.merge(column.name(), db.fetchCount(column.table(), column.of(course, student)), Integer::sum);
        }
        return counts;
    }

    private Map<String, Integer> classmates(List<PersonColumn> columns, long course, List<Long> interns) {
        Map<String, Integer> counts = new TreeMap<>();
        for (long classmate : interns.subList(1, interns.size())) {
            counts.putAll(counts(columns, course, classmate).entrySet().stream()
                    .collect(
                            java.util.stream.Collectors.toMap(e -> classmate + ":" + e.getKey(), Map.Entry::getValue)));
        }
        return counts;
    }

    /** An evidence file of the student's first moment kept in the file store, as a file upload there would be. */
    private String fileInTheFileStore(Owner owner, long course) throws IOException {
        long moment = db.select(DSL.min(LEARNING_MOMENT.ID))
                .from(LEARNING_MOMENT)
                .where(owner.owns(LEARNING_MOMENT))
                .fetchSingle(0, Long.class);
        String key = UUID.randomUUID().toString();
        byte[] content = "Verslag van de kringactiviteit".getBytes(StandardCharsets.UTF_8);
        Files.write(EVIDENCE_DIRECTORY.resolve(key), content);
        db.insertInto(EVIDENCE)
                .set(EVIDENCE.COURSE_ID, course)
                .set(EVIDENCE.OWNER_ID, owner.userId())
                .set(EVIDENCE.MOMENT_ID, moment)
                .set(EVIDENCE.FILE_NAME, "verslag.txt")
                .set(EVIDENCE.CONTENT_TYPE, "text/plain")
                .set(EVIDENCE.SIZE_BYTES, (long) content.length)
                .set(EVIDENCE.SHA256, "0".repeat(64))
                .set(EVIDENCE.STORAGE, "files")
                .set(EVIDENCE.STORAGE_KEY, key)
                .set(EVIDENCE.SCAN_STATUS, "SKIPPED")
                .set(EVIDENCE.CREATED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .execute();
        return key;
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("leerlog-erasure-evidence-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
