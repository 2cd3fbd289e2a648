package nl.leerlog.tool.guidance.internal;

/** Where a guidance thread stands: waiting for the teacher, answered, or closed by the student. */
enum QuestionState {
    WAITING,
    ANSWERED,
    CLOSED;

    public String key() {
        return "guidance.state." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
