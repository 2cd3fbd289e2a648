package nl.leerlog.tool.guidance.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.time.LocalTime;
import nl.leerlog.tool.web.TypeableText;

/** A moment the teacher proposes for a conversation, as typed in Amsterdam's time, with a place or a video link. */
record ProposalForm(
        @NotNull(message = "conversation.error.date") LocalDate date,
        @NotNull(message = "conversation.error.time") LocalTime time,

        @NotNull(message = "conversation.error.minutes")
        @Min(value = 10, message = "conversation.error.minutes")
        @Max(value = 240, message = "conversation.error.minutes")
        Integer minutes,

        @NotNull(message = "conversation.error.form") AnswerForm answerForm,

        @NotBlank(message = "conversation.error.place") @TypeableText(max = 500)
        String place) {

    static ProposalForm suggested(AnswerForm asked) {
        AnswerForm form =
                asked == AnswerForm.WRITTEN || asked == AnswerForm.NEXT_MEETING ? AnswerForm.VIDEO_CALL : asked;
        return new ProposalForm(null, null, 30, form, null);
    }

    /** The moment and place a conversation has now, to start moving it from. */
    static ProposalForm of(Conversation conversation) {
        return new ProposalForm(
                conversation.startsAt().toLocalDate(),
                conversation.startsAt().toLocalTime(),
                conversation.minutes(),
                conversation.answerForm(),
                conversation.place());
    }
}
