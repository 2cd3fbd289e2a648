package nl.leerlog.tool.guidance.internal;

import static nl.leerlog.schema.Tables.COURSE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import nl.leerlog.tool.TestDatabases;
import nl.leerlog.tool.demo.SampleCourseRequested;
import nl.leerlog.tool.identity.InternshipTeachers;
import nl.leerlog.tool.identity.TeacherView;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The demo course's dashboards show every colour: who to turn to first is plain at a first look. */
@SpringBootTest(properties = {"leerlog.demo.enabled=true", "leerlog.demo.sample-course=true"})
class SampleDashboardTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(TestDatabases.uniqueName()).forEach((name, value) -> registry.add(name, () -> value));
    }

    @Autowired
    DSLContext db;

    @Autowired
    InternshipTeachers links;

    @Autowired
    UrgencyFacts facts;

    @Autowired
    TeacherAvailabilities availabilities;

    @Autowired
    Clock clock;

    @Test
    void theSampleInternsAreRedOrangeGreenAndGrey() {
        long course = db.select(COURSE.ID)
                .from(COURSE)
                .where(COURSE.CONTEXT_ID.eq("demo-course-stage"))
                .fetchSingle(COURSE.ID);
        Map<String, Urgency.Colour> colours = new HashMap<>();
        for (var intern : links.interns(course)) {
            var teacher = intern.teacher().orElseThrow();
            TeacherView view = TeacherView.of(new SampleCourseRequested.Intern(
                            0,
                            intern.student().id(),
                            intern.student().name(),
                            Locale.ENGLISH,
                            teacher.id(),
                            teacher.name())
                    .teacher(course));
            Urgency.Context context = Urgency.Context.of(
                    clock,
                    facts.thresholds(course),
                    availabilities.of(teacher.id()).workingDays());
            facts.of(view).stream()
                    .filter(f -> f.studentId() == intern.student().id())
                    .forEach(f -> colours.put(f.name(), Urgency.of(f, context).colour()));
        }

        assertThat(colours)
                .containsOnly(
                        Map.entry("Sanne de Vries", Urgency.Colour.GREEN),
                        Map.entry("Noah Smith", Urgency.Colour.ORANGE),
                        Map.entry("Daan Bakker", Urgency.Colour.RED),
                        Map.entry("Lotte Mulder", Urgency.Colour.GREY));
    }
}
