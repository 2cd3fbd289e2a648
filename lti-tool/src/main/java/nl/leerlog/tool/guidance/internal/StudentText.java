package nl.leerlog.tool.guidance.internal;

import java.util.List;

/**
 * The text of a thread that the teacher's reply answers: the student's latest message, or the question itself (id 0)
 * when they wrote none after it, and whether the teacher has replied since.
 */
record StudentText(long messageId, String text, boolean answered) {

    static StudentText of(Thread thread) {
        List<Thread.Message> messages = thread.messages();
        int latest = -1;
        for (int i = messages.size() - 1; i >= 0; i--) {
            Thread.Message m = messages.get(i);
            if (m.byStudent() && m.kind() == Thread.MessageKind.MESSAGE) {
                latest = i;
                break;
            }
        }
        boolean answered = false;
        for (int i = latest + 1; i < messages.size(); i++) {
            Thread.Message m = messages.get(i);
            answered |= !m.byStudent() && m.kind() == Thread.MessageKind.MESSAGE;
        }
        return latest < 0
                ? new StudentText(0, thread.question(), answered)
                : new StudentText(
                        messages.get(latest).id(), messages.get(latest).body(), answered);
    }
}
