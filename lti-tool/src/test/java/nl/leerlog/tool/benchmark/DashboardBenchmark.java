package nl.leerlog.tool.benchmark;

import static nl.leerlog.schema.Tables.GUIDANCE_CONVERSATION;
import static nl.leerlog.schema.Tables.GUIDANCE_MESSAGE;
import static nl.leerlog.schema.Tables.GUIDANCE_QUESTION;
import static nl.leerlog.schema.Tables.INTERNSHIP;
import static nl.leerlog.schema.Tables.INTERNSHIP_TEACHER;
import static nl.leerlog.schema.Tables.LEARNING_MOMENT;
import static nl.leerlog.schema.Tables.URGENCY_SNOOZE;
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
 * The teacher's dashboard by urgency (issue 12) for a teacher with 500 linked interns in a course with 100,000
 * learning moments and 5,000 threads (ten per intern, waiting, answered, asking for a conversation or with a
 * proposal open), some interns snoozed, some without internship data: p95 under 100 ms over loopback HTTP with a
 * launched session, and the SQL statements per request beside the latencies. Not part of {@code ./mvnw verify} (the
 * class name matches no test pattern); run it on a quiet machine with
 * <pre>
 * ./mvnw -pl lti-tool -am test -Dtest=DashboardBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbenchmark.database=postgres [-Dbenchmark.interns=500] [-Dbenchmark.moments=100000] [-Dbenchmark.requests=300]
 * </pre>
 */
class DashboardBenchmark {

    private static final int THREADS_PER_INTERN = 10;
    private static final int MESSAGES_PER_THREAD = 3;

    @Test
    void aTeacherWithFiveHundredInterns() throws Exception {
        int interns = Integer.getInteger("benchmark.interns", 500);
        int moments = Integer.getInteger("benchmark.moments", 100_000);
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
                long seeding = System.nanoTime();
                seed(db, contextId, teacher.subject(), student.subject(), interns, moments);
                if (database.postgres()) {
                    // What autovacuum does soon after a bulk load: without statistics the planner takes the
                    // fresh tables for empty ones.
                    db.execute("analyze");
                }
                System.out.printf(Locale.ROOT, "%nSeeded in %.1f s%n", (System.nanoTime() - seeding) / 1e9);

                Map<String, String> operations = new LinkedHashMap<>();
                operations.put("dashboard", "/teacher/dashboard");
                operations.put("filtered", "/teacher/dashboard?colour=red&reason=overdue-answer&q=intern");
                operations.put("results only", "/teacher/dashboard?week=7");

                Map<String, List<Long>> latencies = new LinkedHashMap<>();
                Map<String, Integer> statements = new LinkedHashMap<>();
                operations.keySet().forEach(name -> latencies.put(name, new ArrayList<>(requests)));
                for (int i = 0; i < warmup + requests; i++) {
                    for (var operation : operations.entrySet()) {
                        String label = i == warmup ? UUID.randomUUID().toString() : null;
                        long nanos =
                                time(teacher, operation.getValue(), "results only".equals(operation.getKey()), label);
                        if (i >= warmup) {
                            latencies.get(operation.getKey()).add(nanos);
                        }
                        if (label != null) {
                            statements.put(operation.getKey(), StatementCounter.count(label));
                        }
                    }
                }
                latencies.values().forEach(Collections::sort);
                String page = teacher.get("/teacher/dashboard").body();
                assertThat(page).contains("Showing " + interns + " of " + interns + " interns");

                System.out.printf(
                        "%nDashboard benchmark (%s, %d interns, %d learning moments, %d threads, %d messages,"
                                + " %d requests per operation)%n",
                        database.name(),
                        interns,
                        moments,
                        interns * THREADS_PER_INTERN,
                        interns * THREADS_PER_INTERN * MESSAGES_PER_THREAD,
                        requests);
                latencies.forEach((name, nanos) -> System.out.printf(
                        Locale.ROOT,
                        "  %-14s p50 %6.1f ms   p95 %6.1f ms   p99 %6.1f ms   %2d SQL statements%n",
                        name,
                        percentile(nanos, 50),
                        percentile(nanos, 95),
                        percentile(nanos, 99),
                        statements.get(name)));
                System.out.println();
                assertThat(percentile(latencies.get("dashboard"), 95))
                        .as("dashboard p95 in ms")
                        .isLessThan(100.0);
            }
        }
    }

    private static long time(LaunchedUser user, String path, boolean resultsOnly, String label) {
        var request = user.request(path);
        if (label != null) {
            request.header(StatementCounter.HEADER, label);
        }
        if (resultsOnly) {
            request.header("HX-Request", "true").header("HX-Target", "urgency-results");
        }
        long before = System.nanoTime();
        HttpResponse<String> response = user.browser().send(request.GET());
        long nanos = System.nanoTime() - before;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + ": status " + response.statusCode());
        }
        return nanos;
    }

    /**
     * The launched student and {@code interns - 1} more, all linked to the teacher: nine in ten with internship data
     * (started two to nine weeks ago), one in ten snoozed, each with ten threads in every state and three messages
     * each, and {@code moments} learning moments spread over them that the dashboard must not read.
     */
    private static void seed(
            DSLContext db, String contextId, String teacherSubject, String studentSubject, int interns, int moments) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        BenchmarkCourse grown = BenchmarkCourse.grow(db, contextId, teacherSubject, studentSubject, interns, now);
        long course = grown.courseId();
        long teacher = grown.teacherId();
        List<Long> students = grown.students();
        List<Query> rows = new ArrayList<>();
        for (int i = 0; i < students.size(); i++) {
            long id = students.get(i);
            rows.add(db.insertInto(INTERNSHIP_TEACHER)
                    .set(INTERNSHIP_TEACHER.COURSE_ID, course)
                    .set(INTERNSHIP_TEACHER.STUDENT_ID, id)
                    .set(INTERNSHIP_TEACHER.TEACHER_ID, teacher)
                    .set(INTERNSHIP_TEACHER.LINKED_AT, now));
            if (i % 10 != 9) {
                LocalDate start = LocalDate.now().minusWeeks(2 + i % 8);
                rows.add(db.insertInto(INTERNSHIP)
                        .set(INTERNSHIP.COURSE_ID, course)
                        .set(INTERNSHIP.STUDENT_ID, id)
                        .set(INTERNSHIP.ORGANISATION, "Basisschool De Regenboog")
                        .set(INTERNSHIP.STARTS_ON, start)
                        .set(INTERNSHIP.ENDS_ON, start.plusWeeks(20))
                        .set(INTERNSHIP.UPDATED_AT, now)
                        .set(INTERNSHIP.UPDATED_BY, id));
            }
            if (i % 10 == 4) {
                rows.add(db.insertInto(URGENCY_SNOOZE)
                        .set(URGENCY_SNOOZE.COURSE_ID, course)
                        .set(URGENCY_SNOOZE.TEACHER_ID, teacher)
                        .set(URGENCY_SNOOZE.STUDENT_ID, id)
                        .set(URGENCY_SNOOZE.UNTIL, LocalDate.now().plusWeeks(2))
                        .set(URGENCY_SNOOZE.NOTE, "On leave")
                        .set(URGENCY_SNOOZE.CREATED_AT, now));
            }
        }
        db.batch(rows).execute();
        String[] states = {"WAITING", "ANSWERED", "ANSWERED", "PLANNED", "CLOSED"};
        String[] forms = {"WRITTEN", "VIDEO_CALL", "WRITTEN", "PHONE", "NEXT_MEETING"};
        for (int s = 0; s < students.size(); s++) {
            long id = students.get(s);
            rows = new ArrayList<>();
            for (int t = 0; t < THREADS_PER_INTERN; t++) {
                OffsetDateTime asked = now.minusDays(3L * (THREADS_PER_INTERN - t) + s % 5);
                String state = states[(s + t) % states.length];
                long question = db.insertInto(GUIDANCE_QUESTION)
                        .set(GUIDANCE_QUESTION.COURSE_ID, course)
                        .set(GUIDANCE_QUESTION.OWNER_ID, id)
                        .set(GUIDANCE_QUESTION.TEACHER_ID, teacher)
                        .set(GUIDANCE_QUESTION.TITLE, "How do I handle situation " + t + "?")
                        .set(GUIDANCE_QUESTION.QUESTION, "I noticed something in class and would like your view.")
                        .set(GUIDANCE_QUESTION.ANSWER_FORM, forms[(s + 2 * t) % forms.length])
                        .set(GUIDANCE_QUESTION.STATE, state)
                        .set(GUIDANCE_QUESTION.CREATED_AT, asked)
                        .set(GUIDANCE_QUESTION.UPDATED_AT, asked.plusHours(5))
                        .returningResult(GUIDANCE_QUESTION.ID)
                        .fetchSingle(GUIDANCE_QUESTION.ID);
                for (int m = 0; m < MESSAGES_PER_THREAD; m++) {
                    rows.add(db.insertInto(GUIDANCE_MESSAGE)
                            .set(GUIDANCE_MESSAGE.QUESTION_ID, question)
                            .set(GUIDANCE_MESSAGE.AUTHOR_ID, m % 2 == 0 ? id : teacher)
                            .set(GUIDANCE_MESSAGE.KIND, "MESSAGE")
                            .set(GUIDANCE_MESSAGE.BODY, "Message " + m + ": thank you, that helps.")
                            .set(GUIDANCE_MESSAGE.CREATED_AT, asked.plusHours(m)));
                }
                if ("ANSWERED".equals(state) && t % 4 == 1 || "PLANNED".equals(state)) {
                    rows.add(db.insertInto(GUIDANCE_CONVERSATION)
                            .set(GUIDANCE_CONVERSATION.QUESTION_ID, question)
                            .set(GUIDANCE_CONVERSATION.COURSE_ID, course)
                            .set(GUIDANCE_CONVERSATION.OWNER_ID, id)
                            .set(GUIDANCE_CONVERSATION.TEACHER_ID, teacher)
                            .set(GUIDANCE_CONVERSATION.STARTS_AT, now.plusDays(3))
                            .set(GUIDANCE_CONVERSATION.MINUTES, 30)
                            .set(GUIDANCE_CONVERSATION.ANSWER_FORM, "VIDEO_CALL")
                            .set(GUIDANCE_CONVERSATION.PLACE, "https://meet.example.org/intern")
                            .set(GUIDANCE_CONVERSATION.STATE, "PLANNED".equals(state) ? "AGREED" : "PROPOSED")
                            .set(GUIDANCE_CONVERSATION.UID, UUID.randomUUID() + "@leerlog")
                            .set(GUIDANCE_CONVERSATION.CREATED_AT, asked.plusHours(4))
                            .set(GUIDANCE_CONVERSATION.UPDATED_AT, asked.plusHours(4)));
                }
            }
            db.batch(rows).execute();
        }
        // The learning log beside it, in multi-row inserts of a thousand: private, never read by the dashboard.
        for (int from = 0; from < moments; from += 1000) {
            var insert = db.insertInto(
                    LEARNING_MOMENT,
                    LEARNING_MOMENT.COURSE_ID,
                    LEARNING_MOMENT.OWNER_ID,
                    LEARNING_MOMENT.OCCURRED_ON,
                    LEARNING_MOMENT.TITLE,
                    LEARNING_MOMENT.BODY_SOURCE,
                    LEARNING_MOMENT.CREATED_AT,
                    LEARNING_MOMENT.UPDATED_AT);
            for (int m = from; m < Math.min(moments, from + 1000); m++) {
                insert = insert.values(
                        course,
                        students.get(m % students.size()),
                        LocalDate.now().minusDays(m % 60),
                        "Moment " + m,
                        "What happened, what I did and what I learned.",
                        now.minusDays(m % 60),
                        now.minusDays(m % 60));
            }
            insert.execute();
        }
    }
}
