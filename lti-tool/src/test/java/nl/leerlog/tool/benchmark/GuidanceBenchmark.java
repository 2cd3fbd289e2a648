package nl.leerlog.tool.benchmark;

import static nl.leerlog.schema.Tables.GUIDANCE_ITEM;
import static nl.leerlog.schema.Tables.GUIDANCE_ITEM_PART;
import static nl.leerlog.schema.Tables.GUIDANCE_MESSAGE;
import static nl.leerlog.schema.Tables.GUIDANCE_QUESTION;
import static nl.leerlog.schema.Tables.INTERNSHIP;
import static nl.leerlog.schema.Tables.INTERNSHIP_TEACHER;
import static nl.leerlog.tool.benchmark.Percentiles.percentile;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import nl.leerlog.lti.testing.TestPlatform;
import nl.leerlog.tool.CourseUsers.LaunchedUser;
import nl.leerlog.tool.LeerlogApplication;
import nl.leerlog.tool.StatementCounter;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A teacher with 500 linked interns, 5,000 threads (ten per intern, up to three shared items each) and 25,000
 * messages: the teacher's student page and thread page (issue 11 asks p95 under 50 ms for both), and for
 * comparison the list of interns and the list of all questions, over loopback HTTP with launched sessions. Reports
 * the SQL statements per request beside the latencies. Not part of {@code ./mvnw verify} (the class name matches no
 * test pattern); run it on a quiet machine with
 * <pre>
 * ./mvnw -pl lti-tool -am test -Dtest=GuidanceBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbenchmark.database=postgres [-Dbenchmark.interns=500] [-Dbenchmark.requests=300] [-Dbenchmark.warmup=200]
 * </pre>
 */
class GuidanceBenchmark {

    private static final int THREADS_PER_INTERN = 10;
    private static final int MESSAGES_PER_THREAD = 5;

    @Test
    void aTeacherWithFiveHundredInterns() throws Exception {
        int interns = Integer.getInteger("benchmark.interns", 500);
        int requests = Integer.getInteger("benchmark.requests", 300);
        int warmup = Integer.getInteger("benchmark.warmup", 200);

        try (TestPlatform platform = TestPlatform.start();
                BenchmarkDatabase database = new BenchmarkDatabase()) {
            List<String> args = new ArrayList<>(List.of("--server.port=0", "--logging.level.root=WARN"));
            platform.properties(0).forEach((name, value) -> args.add("--" + name + "=" + value));
            args.addAll(database.arguments());
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(
                            LeerlogApplication.class, StatementCounter.class)
                    .run(args.toArray(String[]::new))) {
                int port = ((WebServerApplicationContext) app).getWebServer().getPort();
                String tool = "http://localhost:" + port;
                String contextId = "course-" + UUID.randomUUID();
                LaunchedUser teacher = LaunchedUser.launch(platform, tool, contextId, TestPlatform.INSTRUCTOR, "en");
                LaunchedUser student = LaunchedUser.launch(platform, tool, contextId, TestPlatform.LEARNER, "en");
                DSLContext db = app.getBean(DSLContext.class);
                Seeded seeded = seed(db, contextId, teacher.subject(), student.subject(), interns);
                if (database.postgres()) {
                    // What autovacuum does soon after a bulk load: without statistics the planner takes the
                    // fresh tables for empty ones.
                    db.execute("analyze");
                }

                Map<String, Operation> operations = new LinkedHashMap<>();
                operations.put("student page", new Operation(teacher, "/teacher/students/" + seeded.studentId()));
                operations.put("thread page", new Operation(teacher, "/teacher/guidance/" + seeded.threadId()));
                operations.put(
                        "thread poll",
                        new Operation(teacher, "/teacher/guidance/" + seeded.threadId() + "/messages?since=0"));
                operations.put("list of interns", new Operation(teacher, "/teacher/dashboard"));
                operations.put("all questions", new Operation(teacher, "/teacher/guidance"));

                Map<String, List<Long>> latencies = new LinkedHashMap<>();
                Map<String, Integer> statements = new LinkedHashMap<>();
                operations.keySet().forEach(name -> latencies.put(name, new ArrayList<>(requests)));
                // In turns, so a busy moment of the machine is spread over all operations instead of one.
                for (int i = 0; i < warmup + requests; i++) {
                    for (var operation : operations.entrySet()) {
                        String label = i == warmup ? UUID.randomUUID().toString() : null;
                        long nanos = operation.getValue().time(label);
                        if (i >= warmup) {
                            latencies.get(operation.getKey()).add(nanos);
                        }
                        if (label != null) {
                            statements.put(operation.getKey(), StatementCounter.count(label));
                        }
                    }
                }
                latencies.values().forEach(Collections::sort);

                System.out.printf(
                        "%nGuidance benchmark (%s, %d interns, %d threads, %d messages, %d requests per operation)%n",
                        database.name(),
                        interns,
                        interns * THREADS_PER_INTERN,
                        interns * THREADS_PER_INTERN * MESSAGES_PER_THREAD,
                        requests);
                latencies.forEach((name, nanos) -> System.out.printf(
                        Locale.ROOT,
                        "  %-16s p50 %6.1f ms   p95 %6.1f ms   p99 %6.1f ms   %2d SQL statements%n",
                        name,
                        percentile(nanos, 50),
                        percentile(nanos, 95),
                        percentile(nanos, 99),
                        statements.get(name)));
                System.out.println();
                for (String name : List.of("student page", "thread page")) {
                    assertThat(percentile(latencies.get(name), 95))
                            .as(name + " p95 in ms")
                            .isLessThan(50.0);
                }
            }
        }
    }

    private record Operation(LaunchedUser user, String path) {
        long time(String label) {
            var request = user.request(path);
            if (label != null) {
                request.header(StatementCounter.HEADER, label);
            }
            long before = System.nanoTime();
            HttpResponse<String> response;
            try {
                response = user.browser().send(request.GET());
            } catch (IllegalStateException e) {
                throw new IllegalStateException(path + ": " + e.getMessage(), e);
            }
            long nanos = System.nanoTime() - before;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + ": status " + response.statusCode());
            }
            return nanos;
        }
    }

    /** The launched intern, one of their threads with three items and its messages. */
    private record Seeded(long studentId, long threadId) {}

    /**
     * The launched student and {@code interns - 1} more, all linked to the teacher, each with internship data, ten
     * threads of up to three items with two parts each, and five messages per thread.
     */
    private static Seeded seed(
            DSLContext db, String contextId, String teacherSubject, String studentSubject, int interns) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        BenchmarkCourse grown = BenchmarkCourse.grow(db, contextId, teacherSubject, studentSubject, interns, now);
        long course = grown.courseId();
        long teacher = grown.teacherId();
        long student = grown.students().getFirst();
        List<Long> students = grown.students();
        List<Query> rows = new ArrayList<>();
        LocalDate start = LocalDate.now().minusWeeks(6);
        for (long id : students) {
            rows.add(db.insertInto(INTERNSHIP_TEACHER)
                    .set(INTERNSHIP_TEACHER.COURSE_ID, course)
                    .set(INTERNSHIP_TEACHER.STUDENT_ID, id)
                    .set(INTERNSHIP_TEACHER.TEACHER_ID, teacher)
                    .set(INTERNSHIP_TEACHER.LINKED_AT, now));
            rows.add(db.insertInto(INTERNSHIP)
                    .set(INTERNSHIP.COURSE_ID, course)
                    .set(INTERNSHIP.STUDENT_ID, id)
                    .set(INTERNSHIP.ORGANISATION, "Basisschool De Regenboog")
                    .set(INTERNSHIP.SUPERVISOR_NAME, "Marieke Jansen")
                    .set(INTERNSHIP.STARTS_ON, start)
                    .set(INTERNSHIP.ENDS_ON, start.plusWeeks(20))
                    .set(INTERNSHIP.ASSIGNMENT, "Lessons in group 5")
                    .set(INTERNSHIP.UPDATED_AT, now)
                    .set(INTERNSHIP.UPDATED_BY, id));
        }
        db.batch(rows).execute();
        long measuredThread = 0;
        for (long id : students) {
            rows = new ArrayList<>();
            for (int t = 0; t < THREADS_PER_INTERN; t++) {
                OffsetDateTime asked = now.minusDays(THREADS_PER_INTERN - t);
                long question = db.insertInto(GUIDANCE_QUESTION)
                        .set(GUIDANCE_QUESTION.COURSE_ID, course)
                        .set(GUIDANCE_QUESTION.OWNER_ID, id)
                        .set(GUIDANCE_QUESTION.TEACHER_ID, teacher)
                        .set(GUIDANCE_QUESTION.TITLE, "How do I handle situation " + t + "?")
                        .set(GUIDANCE_QUESTION.QUESTION, "I noticed something in class and would like your view.")
                        .set(GUIDANCE_QUESTION.ANSWER_FORM, "WRITTEN")
                        .set(GUIDANCE_QUESTION.STATE, t % 3 == 0 ? "WAITING" : "ANSWERED")
                        .set(GUIDANCE_QUESTION.CREATED_AT, asked)
                        .set(GUIDANCE_QUESTION.UPDATED_AT, asked.plusHours(5))
                        .returningResult(GUIDANCE_QUESTION.ID)
                        .fetchSingle(GUIDANCE_QUESTION.ID);
                if (id == student && t == 0) {
                    measuredThread = question;
                }
                for (int item = 0; item < (t == 0 ? 3 : t % 4); item++) {
                    long itemId = db.insertInto(GUIDANCE_ITEM)
                            .set(GUIDANCE_ITEM.QUESTION_ID, question)
                            .set(GUIDANCE_ITEM.KIND, "moment")
                            .set(GUIDANCE_ITEM.RECORD_ID, 1_000_000L + item)
                            .set(GUIDANCE_ITEM.TITLE, "Learning moment " + item)
                            .set(GUIDANCE_ITEM.OCCURRED_ON, start.plusDays(item))
                            .set(GUIDANCE_ITEM.SHARED_AT, asked)
                            .returningResult(GUIDANCE_ITEM.ID)
                            .fetchSingle(GUIDANCE_ITEM.ID);
                    for (int part = 0; part < 2; part++) {
                        rows.add(db.insertInto(GUIDANCE_ITEM_PART)
                                .set(GUIDANCE_ITEM_PART.ITEM_ID, itemId)
                                .set(GUIDANCE_ITEM_PART.POSITION, part)
                                .set(GUIDANCE_ITEM_PART.HEADING, "Part " + part)
                                .set(
                                        GUIDANCE_ITEM_PART.BODY,
                                        "What happened, what I did and what I learned. ".repeat(8)));
                    }
                }
                for (int m = 0; m < MESSAGES_PER_THREAD; m++) {
                    rows.add(db.insertInto(GUIDANCE_MESSAGE)
                            .set(GUIDANCE_MESSAGE.QUESTION_ID, question)
                            .set(GUIDANCE_MESSAGE.AUTHOR_ID, m % 2 == 0 ? id : teacher)
                            .set(GUIDANCE_MESSAGE.KIND, "MESSAGE")
                            .set(GUIDANCE_MESSAGE.BODY, "Message " + m + ": thank you, that helps. ".repeat(4))
                            .set(GUIDANCE_MESSAGE.CREATED_AT, asked.plusMinutes(m)));
                }
            }
            db.batch(rows).execute();
        }
        return new Seeded(student, measuredThread);
    }
}
