package nl.leerlog.tool.guidance.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import nl.leerlog.tool.demo.SampleCourseRequested;
import nl.leerlog.tool.guidance.ShareableItem;
import nl.leerlog.tool.guidance.ShareableRecords;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.identity.TeacherView;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo course's sample guidance: each intern asked their internship teacher something, with items from their
 * own log, and the threads stand where real ones would — a conversation agreed, an answer, a question waiting.
 */
@Component
record SampleThreads(
        GuidanceQuestions questions,
        GuidanceConversations conversations,
        List<ShareableRecords> shareable,
        UrgencyFacts urgency) {

    @EventListener
    @Order(SampleCourseRequested.GUIDANCE)
    void write(SampleCourseRequested course) {
        for (SampleCourseRequested.Intern intern : course.interns()) {
            boolean english = "en".equals(intern.locale().getLanguage());
            Owner owner = Owner.of(intern.user(course.courseId()));
            TeacherView teacher = TeacherView.of(intern.teacher(course.courseId()));
            Instant asked = course.now().minus(Duration.ofDays(3L + intern.number()));
            switch (intern.number()) {
                case 0 -> {
                    long id = ask(
                            owner,
                            intern,
                            3,
                            "Hoe krijg ik de hele klas mee bij de instructie?",
                            "Bij mijn lessen breuken haakt steeds een groepje af. Ik heb drie momenten uit mijn "
                                    + "logboek gekozen. Kunnen we hier even over bellen?",
                            AnswerForm.VIDEO_CALL,
                            "Dinsdag- of donderdagmiddag na 15:00",
                            asked);
                    questions.reply(
                            teacher,
                            id,
                            "Goed dat je dit vraagt, Sanne. Ik zie in je logboek al een mooie stap met de "
                                    + "wisbordjes. Laten we het er donderdag over hebben.",
                            asked.plus(Duration.ofHours(20)));
                    LocalDate thursday = LocalDate.ofInstant(course.now(), ZoneId.of("Europe/Amsterdam"))
                            .plusDays(7);
                    conversations.propose(
                            teacher,
                            id,
                            new ProposalForm(
                                    thursday,
                                    LocalTime.of(15, 30),
                                    30,
                                    AnswerForm.VIDEO_CALL,
                                    "https://meet.example.org/stage-sanne"),
                            asked.plus(Duration.ofHours(21)));
                    conversations.of(id).stream()
                            .findFirst()
                            .ifPresent(conversation -> conversations.accept(
                                    owner, id, conversation.id(), asked.plus(Duration.ofHours(26))));
                }
                case 1 -> {
                    long id = askAndAnswer(
                            owner,
                            intern,
                            2,
                            english
                                    ? "How do I deal with a student who refuses group work?"
                                    : "Hoe ga ik om met een leerling die niet wil samenwerken?",
                            english
                                    ? "One student will not work with his group. I added my notes on it. "
                                            + "What would you do?"
                                    : "Een leerling weigert in zijn groep te werken. Wat zou jij doen?",
                            asked,
                            teacher,
                            english
                                    ? "Talking to him after class was a good first step. Ask him what would "
                                            + "help, and agree on one small thing for the next lesson."
                                    : "Een gesprek na de les was een goede eerste stap. Vraag wat hem zou helpen.",
                            Duration.ofHours(30));
                    // Asked again this morning: on the dashboard a question waiting within the response time.
                    questions.reply(
                            owner,
                            id,
                            english
                                    ? "Thank you! He wants to choose his own partner. Is that a good idea?"
                                    : "Dank je! Hij wil zelf een partner kiezen. Is dat verstandig?",
                            course.now().minus(Duration.ofHours(2)));
                }
                case 2 ->
                    // Eight days without an answer: past any response time, red on the dashboard.
                    ask(
                            owner,
                            intern,
                            1,
                            "Mag ik zelf een les over het circuitmodel geven?",
                            "Mijn werkplekbegeleider vindt het goed, maar ik weet niet of het past bij mijn "
                                    + "opdracht voor de opleiding.",
                            AnswerForm.NEXT_MEETING,
                            null,
                            course.now().minus(Duration.ofDays(8)));
                default -> {
                    long id = askAndAnswer(
                            owner,
                            intern,
                            1,
                            "Welke observatielijst gebruik ik voor taalontwikkeling?",
                            "Ik wil twee NT2-leerlingen een paar weken volgen. Heeft de opleiding een lijst?",
                            asked,
                            teacher,
                            "Ja: in de studiehandleiding, bijlage 3, staat de observatielijst taal. Begin met "
                                    + "de onderdelen woordenschat en spreken.",
                            Duration.ofHours(6));
                    questions.markAnswered(owner, id, asked.plus(Duration.ofHours(8)));
                    // Their teacher put them aside for a while: grey on the dashboard, with the note.
                    LocalDate today = LocalDate.ofInstant(course.now(), Urgency.ZONE);
                    urgency.snooze(
                            teacher,
                            intern.userId(),
                            today.plusDays(10),
                            "Stage twee weken stil: schoolkamp en toetsweek",
                            course.now());
                }
            }
        }
    }

    /** A question for a written answer, and the teacher's answer {@code after} it. */
    private long askAndAnswer(
            Owner owner,
            SampleCourseRequested.Intern intern,
            int items,
            String title,
            String question,
            Instant asked,
            TeacherView teacher,
            String answer,
            Duration after) {
        long id = ask(owner, intern, items, title, question, AnswerForm.WRITTEN, null, asked);
        questions.reply(teacher, id, answer, asked.plus(after));
        return id;
    }

    /** The intern asks with their {@code items} newest shareable records (fewer when the log holds fewer). */
    private long ask(
            Owner owner,
            SampleCourseRequested.Intern intern,
            int items,
            String title,
            String question,
            AnswerForm form,
            String preferredMoments,
            Instant at) {
        List<GuidanceQuestions.NewItem> chosen = new ArrayList<>();
        for (ShareableRecords records : shareable) {
            for (ShareableItem item : records.shareable(owner)) {
                if (chosen.size() < items) {
                    records.snapshot(owner, item.id(), intern.locale())
                            .ifPresent(snapshot ->
                                    chosen.add(new GuidanceQuestions.NewItem(records.kind(), item.id(), snapshot)));
                }
            }
        }
        return questions.ask(
                owner,
                intern.teacherId(),
                new GuidanceQuestions.NewQuestion(title, question, form, preferredMoments),
                chosen,
                at);
    }
}
