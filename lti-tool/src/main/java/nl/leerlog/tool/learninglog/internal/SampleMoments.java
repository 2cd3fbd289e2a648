package nl.leerlog.tool.learninglog.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import nl.leerlog.tool.demo.SampleCourseRequested;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.programme.Choice;
import nl.leerlog.tool.programme.ProgrammeCatalog;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The demo course's sample learning moments: a few weeks of an intern's log, in the intern's language. */
@Component
record SampleMoments(LearningMoments moments, MarkdownText markdown, ProgrammeCatalog catalog) {

    private record Sample(String title, String body, int minutes, String person) {}

    private static final List<Sample> DUTCH = List.of(
            new Sample(
                    "Eerste les breuken in groep 5",
                    "Ik startte met pizzapunten op het digibord. De helft van de klas begreep *een half* meteen, "
                            + "maar bij *een derde* haakten er zes leerlingen af. Volgende keer laat ik ze eerst "
                            + "zelf een strook papier vouwen.",
                    45,
                    "Marloes Kuipers"),
            new Sample(
                    "Gesprek met een ouder over huiswerk",
                    "Een vader vroeg waarom zijn zoon geen huiswerk meekrijgt. Ik legde uit hoe de school "
                            + "oefenen in de klas organiseert en beloofde hem de oefensite te mailen.",
                    20,
                    null),
            new Sample(
                    "Orde houden na de pauze",
                    "Na de grote pauze was de klas onrustig. Ik probeerde het stilteteken van mijn begeleider "
                            + "(hand omhoog) en wachtte tot iedereen stil was. Dat duurde lang, maar werkte wel.",
                    30,
                    null),
            new Sample(
                    "Feedback op mijn instructie",
                    "Mijn begeleider zag dat ik te lang aan het woord ben: twaalf minuten instructie. "
                            + "Haar tip: na vijf minuten een korte check met wisbordjes.",
                    15,
                    "Marloes Kuipers"),
            new Sample(
                    "Werken met niveaugroepen",
                    "Ik verdeelde de klas in drie groepen voor de verlengde instructie. De sterke rekenaars "
                            + "waren snel klaar; ik had te weinig verrijkingsstof klaarliggen.",
                    60,
                    null),
            new Sample(
                    "Teamvergadering over de rapporten",
                    "Ik was voor het eerst bij een teamvergadering. Opvallend hoeveel er over één leerling "
                            + "gesproken werd; ik leerde hoe het team afspraken vastlegt.",
                    90,
                    null),
            new Sample(
                    "Wisbordjes uitgeprobeerd",
                    "Na vijf minuten instructie lieten alle leerlingen een antwoord zien. Zo zag ik meteen wie "
                            + "de verlengde instructie nodig had. Dit ga ik vaker doen.",
                    45,
                    null));

    private static final List<Sample> ENGLISH = List.of(
            new Sample(
                    "First reading lesson in year 2",
                    "I modelled *predicting* with the first page of a short story. Most students joined in, "
                            + "but the back row stayed quiet. Next time I will use think-pair-share first.",
                    50,
                    "Peter de Groot"),
            new Sample(
                    "Marking vocabulary tests",
                    "Marked 28 tests. Many students mix up *affect* and *effect*; I made a short warm-up for "
                            + "next week.",
                    40,
                    null),
            new Sample(
                    "A difficult moment with a student",
                    "One student refused to work in a group. I talked to him after class; he said he does not "
                            + "get along with one of the others. I asked my supervisor how to handle this.",
                    15,
                    null),
            new Sample(
                    "Observed my supervisor's lesson",
                    "Peter starts every lesson with a question on the board. Students settle faster that way. "
                            + "I want to try this in my own lessons.",
                    50,
                    "Peter de Groot"),
            new Sample(
                    "Think-pair-share tried",
                    "With think-pair-share even the back row talked. It took longer than planned, so I skipped "
                            + "the last exercise.",
                    50,
                    null),
            new Sample(
                    "Parents' evening",
                    "I joined three conversations with parents. I mostly listened; next time I would like to "
                            + "prepare one point about each student myself.",
                    120,
                    null));

    @EventListener
    @Order(SampleCourseRequested.LEARNING_LOG)
    void write(SampleCourseRequested course) {
        List<Choice> categories = catalog.categories(course.courseId());
        LocalDate today = LocalDate.ofInstant(course.now(), ZoneId.of("Europe/Amsterdam"));
        for (SampleCourseRequested.Intern intern : course.interns()) {
            Owner owner = Owner.of(intern.user(course.courseId()));
            List<Sample> samples = "en".equals(intern.locale().getLanguage()) ? ENGLISH : DUTCH;
            // Each intern logs a little less than the one before: the dashboard has someone to worry about.
            int count = Math.max(2, samples.size() - intern.number() * 2);
            for (int i = 0; i < count; i++) {
                Sample sample = samples.get(i);
                Long category = categories.isEmpty()
                        ? null
                        : categories
                                .get((i + intern.number()) % categories.size())
                                .id();
                moments.create(
                        owner,
                        new MomentContent(
                                today.minusDays(4L * (count - i)),
                                sample.minutes(),
                                sample.title(),
                                markdown.render(sample.body()),
                                category,
                                Set.of(),
                                Set.of(),
                                sample.person() == null
                                        ? List.of()
                                        : List.of(new Person(sample.person(), supervisor(intern))),
                                false),
                        course.now());
            }
        }
    }

    private static String supervisor(SampleCourseRequested.Intern intern) {
        return "en".equals(intern.locale().getLanguage()) ? "Workplace supervisor" : "Werkplekbegeleider";
    }
}
