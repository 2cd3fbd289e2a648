package nl.leerlog.tool.demo.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.leerlog.lti.claims.LaunchClaimsReader;
import nl.leerlog.lti.launch.LtiLaunchListener;
import nl.leerlog.lti.session.LaunchGrant;
import nl.leerlog.tool.demo.SampleCourseRequested;
import nl.leerlog.tool.identity.CurrentUser;
import nl.leerlog.tool.identity.InternshipTeachers;
import nl.leerlog.tool.internship.Internship;
import nl.leerlog.tool.internship.Internships;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Fills the demo course as a newcomer would find a real one a few weeks into the internship: four interns shared
 * over two internship teachers, with internship data, learning moments, reflections and guidance threads. The people
 * are recorded as their launches record them (the tool's own launch listener, with the demo LMS's claims); the rest
 * is written by each feature in answer to {@link SampleCourseRequested}. Runs once: a course that already has
 * internship teachers is left as it is.
 */
@Component
@ConditionalOnProperty(
        name = {"leerlog.demo.enabled", "leerlog.demo.sample-course"},
        havingValue = "true")
record DemoCourse(
        DemoLms lms,
        LtiLaunchListener launches,
        InternshipTeachers links,
        Internships internships,
        ApplicationEventPublisher events,
        Clock clock) {

    private static final Logger log = LoggerFactory.getLogger(DemoCourse.class);

    /** Who supervises whom in the sample course. */
    private static final Map<DemoLms.Person, DemoLms.Person> TEACHER_OF = new EnumMap<>(Map.of(
            DemoLms.Person.STUDENT, DemoLms.Person.TEACHER,
            DemoLms.Person.STUDENT_EN, DemoLms.Person.TEACHER,
            DemoLms.Person.STUDENT_3, DemoLms.Person.TEACHER,
            DemoLms.Person.STUDENT_4, DemoLms.Person.TEACHER_2));

    private static final List<Internship> INTERNSHIPS = List.of(
            new Internship(
                    "Basisschool De Regenboog, Utrecht",
                    "Marloes Kuipers",
                    "m.kuipers@deregenboog.example",
                    null,
                    null,
                    "Lessen rekenen en taal in groep 5; een lessenserie over breuken ontwerpen en uitvoeren."),
            new Internship(
                    "Het Amsterdams Lyceum",
                    "Peter de Groot",
                    "p.degroot@amsterdamslyceum.example",
                    null,
                    null,
                    "English lessons in year 2 and 3; design and test a unit on reading strategies."),
            new Internship(
                    "Kindcentrum Het Baken, Amersfoort",
                    "Femke Smit",
                    "f.smit@hetbaken.example",
                    null,
                    null,
                    "Meedraaien in groep 7/8; het circuitmodel invoeren in de rekenles."),
            new Internship(
                    "Montessorischool Zuid, Den Haag",
                    "Youssef El Amrani",
                    "y.elamrani@montessorizuid.example",
                    null,
                    null,
                    "Kleuterbouw; observeren en begeleiden van taalontwikkeling bij NT2-leerlingen."));

    @EventListener(ApplicationReadyEvent.class)
    void fill() {
        Map<DemoLms.Person, Long> ids = new EnumMap<>(DemoLms.Person.class);
        long courseId = 0;
        for (DemoLms.Person person : DemoLms.Person.values()) {
            if (person == DemoLms.Person.OBSERVER) {
                continue; // an observer's launch is refused: they are no member of the course in Leerlog
            }
            LaunchGrant grant =
                    launches.onLaunch(LaunchClaimsReader.read(lms.registration().id(), lms.claims(person, "sample")));
            ids.put(person, Long.parseLong(grant.attributes().get(CurrentUser.USER_ID)));
            courseId = Long.parseLong(grant.attributes().get(CurrentUser.COURSE_ID));
        }
        if (links.interns(courseId).stream().anyMatch(intern -> intern.teacher().isPresent())) {
            return;
        }
        LocalDate start = LocalDate.now(clock).minusWeeks(5);
        List<SampleCourseRequested.Intern> interns = new ArrayList<>();
        int number = 0;
        for (var entry : TEACHER_OF.entrySet()) {
            DemoLms.Person student = entry.getKey();
            DemoLms.Person teacher = entry.getValue();
            long studentId = ids.get(student);
            links.link(courseId, List.of(studentId), ids.get(teacher), clock.instant());
            Internship internship = INTERNSHIPS.get(number);
            internships.save(
                    courseId,
                    studentId,
                    new Internship(
                            internship.organisation(),
                            internship.supervisorName(),
                            internship.supervisorEmail(),
                            start.plusWeeks(number % 2),
                            start.plusWeeks(20),
                            internship.assignment()),
                    studentId);
            interns.add(new SampleCourseRequested.Intern(
                    number++,
                    studentId,
                    student.displayName(),
                    Locale.forLanguageTag(student.locale),
                    ids.get(teacher),
                    teacher.displayName()));
        }
        events.publishEvent(new SampleCourseRequested(courseId, interns, clock.instant()));
        log.info("Demo course filled with {} sample interns", interns.size());
    }
}
