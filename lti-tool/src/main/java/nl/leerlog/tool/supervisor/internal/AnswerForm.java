package nl.leerlog.tool.supervisor.internal;

import nl.leerlog.tool.web.TypeableText;

/** The supervisor's answer: their name as they confirm it, and what they write back. */
record AnswerForm(
        @TypeableText(max = 200, required = true, singleLine = true)
        String name,

        @TypeableText(max = 4000, required = true) String answer) {

    static AnswerForm of(String name) {
        return new AnswerForm(name, "");
    }
}
