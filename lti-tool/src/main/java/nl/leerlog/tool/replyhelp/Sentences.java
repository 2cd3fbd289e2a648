package nl.leerlog.tool.replyhelp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a message into sentences: after a full stop, question or exclamation mark followed by a space, and at
 * every line break. Common Dutch and English abbreviations ("bijv.", "e.g.", "o.a.") and initials do not end a
 * sentence, nor does a dot inside a number or an address.
 */
public final class Sentences {

    /** Abbreviations, lower case with their dots, that a dot and a space do not end. */
    private static final Set<String> ABBREVIATIONS = Set.of(
            "bijv.",
            "bv.",
            "bijvoorbeeld.",
            "o.a.",
            "d.w.z.",
            "enz.",
            "etc.",
            "m.b.t.",
            "t.o.v.",
            "i.p.v.",
            "a.u.b.",
            "z.s.m.",
            "ca.",
            "nr.",
            "blz.",
            "dhr.",
            "mevr.",
            "mw.",
            "drs.",
            "ir.",
            "ing.",
            "prof.",
            "dr.",
            "mr.",
            "mrs.",
            "ms.",
            "e.g.",
            "i.e.",
            "vs.",
            "approx.",
            "no.",
            "p.",
            "pp.",
            "cf.",
            "jan.",
            "feb.",
            "aug.",
            "sept.",
            "okt.",
            "oct.",
            "nov.",
            "dec.",
            "incl.",
            "excl.",
            "evt.",
            "resp.",
            "zgn.",
            "m.n.",
            "t.a.v.",
            "n.a.v.");

    private Sentences() {}

    /** The sentences of {@code text}, stripped, without empty ones; none for a blank or missing text. */
    public static List<String> of(String text) {
        List<String> sentences = new ArrayList<>();
        if (text == null) {
            return sentences;
        }
        StringBuilder current = new StringBuilder();
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                add(sentences, current);
                continue;
            }
            current.append(c);
            if (c != '.' && c != '?' && c != '!' && c != '…') {
                continue;
            }
            // "?!", "...", and a closing quote or bracket belong to the sentence they end.
            while (i + 1 < length && ".?!…\"'”’)".indexOf(text.charAt(i + 1)) >= 0) {
                current.append(text.charAt(++i));
            }
            boolean atEnd = i + 1 >= length;
            if (!atEnd && !Character.isWhitespace(text.charAt(i + 1))) {
                continue; // 3.5, leerlog.nl, e.g.the
            }
            if (c == '.' && abbreviated(current)) {
                continue;
            }
            add(sentences, current);
        }
        add(sentences, current);
        return sentences;
    }

    /** Whether the last word of {@code sentence}, which ends in a dot, is an abbreviation or an initial. */
    private static boolean abbreviated(CharSequence sentence) {
        int end = sentence.length();
        int start = end - 1;
        while (start > 0 && !Character.isWhitespace(sentence.charAt(start - 1)) && sentence.charAt(start - 1) != '(') {
            start--;
        }
        String word = sentence.subSequence(start, end).toString();
        if (word.length() == 2 && Character.isUpperCase(word.charAt(0))) {
            return true; // an initial: "J. de Vries"
        }
        return ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT));
    }

    private static void add(List<String> sentences, StringBuilder current) {
        String sentence = current.toString().strip();
        if (!sentence.isEmpty()) {
            sentences.add(sentence);
        }
        current.setLength(0);
    }
}
