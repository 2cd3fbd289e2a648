package nl.leerlog.tool.guidance.internal;

import nl.leerlog.tool.web.TypeableTextRule;

/** The rule for a message in a thread, the student's or the teacher's: required, typeable, at most 4,000 characters. */
final class MessageText {

    private static final TypeableTextRule RULE = new TypeableTextRule(4000, true);

    private MessageText() {}

    /** The message key of what is wrong, or {@code null}. */
    static String problem(String body) {
        return RULE.problem(body);
    }
}
