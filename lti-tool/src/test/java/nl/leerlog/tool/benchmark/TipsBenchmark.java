package nl.leerlog.tool.benchmark;

import static nl.leerlog.schema.Tables.CATEGORY;
import static nl.leerlog.schema.Tables.COMPETENCY;
import static nl.leerlog.schema.Tables.INTERNSHIP;
import static nl.leerlog.schema.Tables.LEARNING_MOMENT;
import static nl.leerlog.schema.Tables.LEARNING_MOMENT_COMPETENCY;
import static nl.leerlog.tool.benchmark.Percentiles.percentile;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import nl.leerlog.lti.testing.TestPlatform;
import nl.leerlog.tool.CourseUsers.LaunchedUser;
import nl.leerlog.tool.LeerlogApplication;
import nl.leerlog.tool.StatementCounter;
import nl.leerlog.tool.analytics.internal.TipPreview;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A course of 500 students with 100,000 learning moments: evaluating every default tip rule for all of them (the
 * coordinator's preview; issue 14 asks under 2 s on PostgreSQL), and the analytics page of the launched student, who
 * has 2,000 of those moments (p95 under 100 ms), over loopback HTTP. Prints the figures; asserts nothing, as a
 * timed assertion would fail on a busy machine rather than on slow code. Not part of {@code ./mvnw verify} (the class
 * name matches no test pattern); run it on a quiet machine with
 * <pre>
 * ./mvnw -pl lti-tool -am test -Dtest=TipsBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbenchmark.database=postgres [-Dbenchmark.students=500] [-Dbenchmark.moments=100000]
 * </pre>
 */
class TipsBenchmark {

    private static final int OWN_MOMENTS = 2_000;

    @Test
    void fiveHundredStudentsWithAHundredThousandMoments() throws Exception {
        int size = Integer.getInteger("benchmark.students", 500);
        int moments = Integer.getInteger("benchmark.moments", 100_000);
        int requests = Integer.getInteger("benchmark.requests", 200);
        int warmup = Integer.getInteger("benchmark.warmup", 100);
        int evaluations = Integer.getInteger("benchmark.evaluations", 10);

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
                long courseId = seed(db, contextId, teacher.subject(), student.subject(), size, moments);
                if (database.postgres()) {
                    db.execute("analyze");
                }

                TipPreview preview = app.getBean(TipPreview.class);
                List<Long> evaluation = new ArrayList<>();
                TipPreview.Counts counts = null;
                for (int i = 0; i < evaluations + 2; i++) {
                    long before = System.nanoTime();
                    counts = preview.counts(courseId);
                    if (i >= 2) {
                        evaluation.add(System.nanoTime() - before);
                    }
                }
                Collections.sort(evaluation);

                List<Long> page = new ArrayList<>();
                int statements = 0;
                for (int i = 0; i < warmup + requests; i++) {
                    String label = i == warmup ? UUID.randomUUID().toString() : null;
                    var request = student.request("/student/insights");
                    if (label != null) {
                        request.header(StatementCounter.HEADER, label);
                    }
                    long before = System.nanoTime();
                    HttpResponse<String> response = student.browser().send(request.GET());
                    long nanos = System.nanoTime() - before;
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("insights: status " + response.statusCode());
                    }
                    if (i >= warmup) {
                        page.add(nanos);
                    }
                    if (label != null) {
                        statements = StatementCounter.count(label);
                    }
                }
                Collections.sort(page);

                System.out.printf(
                        "%nTips benchmark (%s, %d students, %d moments, %d of them the measured student's)%n",
                        database.name(), counts.students(), moments, OWN_MOMENTS);
                System.out.printf(
                        Locale.ROOT,
                        "  all default rules, whole course  p50 %7.1f ms   max %7.1f ms   (%d runs) holding: %s%n",
                        percentile(evaluation, 50),
                        percentile(evaluation, 100),
                        evaluations,
                        counts.holdingByRule());
                System.out.printf(
                        Locale.ROOT,
                        "  analytics page                   p50 %7.1f ms   p95 %7.1f ms   p99 %7.1f ms   %d SQL statements%n%n",
                        percentile(page, 50),
                        percentile(page, 95),
                        percentile(page, 99),
                        statements);
            }
        }
    }

    /** The course grown to {@code size} students with internships, and {@code moments} moments spread over them. */
    private static long seed(
            DSLContext db, String contextId, String teacherSubject, String studentSubject, int size, int moments) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        BenchmarkCourse grown = BenchmarkCourse.grow(db, contextId, teacherSubject, studentSubject, size, now);
        long course = grown.courseId();
        List<Long> categories = db.select(CATEGORY.ID)
                .from(CATEGORY)
                .where(CATEGORY.COURSE_ID.eq(course))
                .fetch(CATEGORY.ID);
        List<Long> competencies = new ArrayList<>();
        for (int c = 1; c <= 8; c++) {
            competencies.add(db.insertInto(COMPETENCY)
                    .set(COMPETENCY.COURSE_ID, course)
                    .set(COMPETENCY.CODE, "C" + c)
                    .set(COMPETENCY.NAME, "Competency " + c)
                    .returningResult(COMPETENCY.ID)
                    .fetchSingle(COMPETENCY.ID));
        }
        LocalDate start = LocalDate.now(ZoneOffset.UTC).minusWeeks(12);
        List<Query> rows = new ArrayList<>();
        for (long id : grown.students()) {
            rows.add(db.insertInto(INTERNSHIP)
                    .set(INTERNSHIP.COURSE_ID, course)
                    .set(INTERNSHIP.STUDENT_ID, id)
                    .set(INTERNSHIP.ORGANISATION, "Basisschool De Regenboog")
                    .set(INTERNSHIP.STARTS_ON, start)
                    .set(INTERNSHIP.ENDS_ON, start.plusWeeks(20))
                    .set(INTERNSHIP.UPDATED_AT, now));
        }
        db.batch(rows).execute();
        long measured = grown.students().getFirst();
        int others = Math.max(1, grown.students().size() - 1);
        int perOther = (moments - OWN_MOMENTS) / others;
        int n = 0;
        for (long id : grown.students()) {
            int count = id == measured ? OWN_MOMENTS : perOther;
            rows = new ArrayList<>();
            for (int m = 0; m < count; m++, n++) {
                rows.add(db.insertInto(LEARNING_MOMENT)
                        .set(LEARNING_MOMENT.COURSE_ID, course)
                        .set(LEARNING_MOMENT.OWNER_ID, id)
                        .set(LEARNING_MOMENT.OCCURRED_ON, start.plusDays(m % 84))
                        .set(LEARNING_MOMENT.MINUTES_SPENT, 30 + m % 90)
                        .set(LEARNING_MOMENT.CATEGORY_ID, categories.get(m % categories.size()))
                        .set(LEARNING_MOMENT.DRAFT, m % 25 == 0)
                        .set(LEARNING_MOMENT.TITLE, "Learning moment " + m)
                        .set(LEARNING_MOMENT.CREATED_AT, now)
                        .set(LEARNING_MOMENT.UPDATED_AT, now));
            }
            db.batch(rows).execute();
        }
        // Every third moment linked to one competency, in one statement.
        db.insertInto(
                        LEARNING_MOMENT_COMPETENCY,
                        LEARNING_MOMENT_COMPETENCY.MOMENT_ID,
                        LEARNING_MOMENT_COMPETENCY.COMPETENCY_ID)
                .select(db.select(LEARNING_MOMENT.ID, org.jooq.impl.DSL.val(competencies.getFirst()))
                        .from(LEARNING_MOMENT)
                        .where(LEARNING_MOMENT.COURSE_ID.eq(course))
                        .and(LEARNING_MOMENT.ID.mod(3L).eq(0L)))
                .execute();
        return course;
    }
}
