package nl.leerlog.tool.reflection.internal;

import java.util.Map;
import nl.leerlog.tool.demo.SampleCourseRequested;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.programme.ReflectionModel;
import nl.leerlog.tool.programme.ReflectionModels;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The demo course's sample reflections: one on the reflection cycle per intern, in the intern's language. */
@Component
record SampleReflections(Reflections reflections, ReflectionModels models) {

    private static final Map<String, String> DUTCH = Map.of(
            "action", "Ik gaf mijn eerste les breuken aan de hele groep, met pizzapunten op het digibord.",
            "looking-back", "Zes leerlingen haakten af bij een derde. Ik merkte het pas aan het eind van de les.",
            "awareness", "Ik controleer te laat of iedereen het begrijpt; ik ga door op de leerlingen die reageren.",
            "alternatives", "Na elke stap een korte check met wisbordjes, of leerlingen eerst zelf laten vouwen.",
            "trial", "Volgende week in de tweede les breuken: na vijf minuten de eerste check.");

    private static final Map<String, String> ENGLISH = Map.of(
            "action", "I taught my first reading lesson on predicting, with the opening of a short story.",
            "looking-back", "The front rows joined in, the back row stayed silent the whole lesson.",
            "awareness", "I only ask questions to the whole class, and the same students always answer.",
            "alternatives", "Think-pair-share, or names on sticks so everyone can be asked.",
            "trial", "In Thursday's lesson I start with think-pair-share before any class discussion.");

    @EventListener
    @Order(SampleCourseRequested.REFLECTIONS)
    void write(SampleCourseRequested course) {
        for (SampleCourseRequested.Intern intern : course.interns()) {
            boolean english = "en".equals(intern.locale().getLanguage());
            models.offeredTo(course.courseId(), intern.locale()).stream()
                    .filter(model -> "korthagen".equals(model.key()))
                    .findFirst()
                    .ifPresent(model -> reflections.create(
                            Owner.of(intern.user(course.courseId())),
                            model.id(),
                            null,
                            new ReflectionContent(
                                    english ? "My first lesson, looked back on" : "Mijn eerste les, teruggeblikt",
                                    false,
                                    answers(model, english ? ENGLISH : DUTCH)),
                            course.now()));
        }
    }

    private static Map<String, String> answers(ReflectionModel model, Map<String, String> texts) {
        return model.steps().stream()
                .filter(step -> texts.containsKey(step.key()))
                .collect(java.util.stream.Collectors.toMap(ReflectionModel.Step::key, step -> texts.get(step.key())));
    }
}
