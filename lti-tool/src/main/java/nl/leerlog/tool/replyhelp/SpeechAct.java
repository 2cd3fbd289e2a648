package nl.leerlog.tool.replyhelp;

import java.util.Locale;

/**
 * What a sentence of a student's message does, after Ribbers and Waringa (2012): states, asks the teacher to act,
 * tells a feeling, promises, or declares that something has changed.
 */
public enum SpeechAct {
    /** States, explains, concludes or supposes. */
    ASSERTIVE,
    /** Asks the teacher to do something: a question, a request, advice sought. */
    DIRECTIVE,
    /** Tells a feeling: thanks, greetings, apologies, worries. */
    EXPRESSIVE,
    /** Promises or agrees to do something. */
    COMMISSIVE,
    /** Says that something has changed by saying it: "I quit", "from now on". */
    DECLARATIVE;

    /** The message key of the act's name. */
    public String key() {
        return "replyhelp.act." + name().toLowerCase(Locale.ROOT);
    }

    /** The act named by {@code name} in any case, or {@code null} when it names none. */
    public static SpeechAct parse(String name) {
        if (name == null) {
            return null;
        }
        for (SpeechAct act : values()) {
            if (act.name().equalsIgnoreCase(name.strip())) {
                return act;
            }
        }
        return null;
    }
}
