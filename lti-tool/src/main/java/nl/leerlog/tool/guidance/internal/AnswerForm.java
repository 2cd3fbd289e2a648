package nl.leerlog.tool.guidance.internal;

/** How the student would like the answer (seed 001, "Begeleiding"). */
enum AnswerForm {
    WRITTEN,
    VIDEO_CALL,
    PHONE,
    FACE_TO_FACE,
    NEXT_MEETING;

    /** The message key of its name, e.g. {@code guidance.answer-form.video_call}. */
    public String key() {
        return "guidance.answer-form." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
