package nl.leerlog.tool.replyhelp;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * Suggests the speech act of each sentence of a student's message with a few transparent rules for Dutch and
 * English, in order: a request ("kun je", "could you", "please") or else a question mark, a declaration
 * ("vanaf nu", "I quit"), a feeling ("ik voel", "thank you", "nervous"), a promise ("ik zal", "I will"); anything else states.
 * Each suggestion names the rule that made it, so the teacher sees why and can change it. No external service.
 */
public final class SpeechActs {

    /**
     * A rule: the act it suggests and the words that make it, matched as whole words in the lower-case sentence.
     * A phrase that begins with {@code ^} must open the sentence (an imperative, a greeting).
     */
    record Rule(SpeechAct act, String phrase) {}

    /** The act suggested for one sentence, and the words that made it ({@code null}: no rule, so it states). */
    public record Suggestion(String sentence, SpeechAct act, String because) {}

    private static final List<Rule> RULES = rules();

    private SpeechActs() {}

    /** A suggestion for every sentence of {@code message}, in order. */
    public static List<Suggestion> suggest(String message) {
        return Sentences.of(message).stream().map(SpeechActs::suggestFor).toList();
    }

    /** The suggestion for one sentence: the first rule that matches, else assertive. */
    public static Suggestion suggestFor(String sentence) {
        String words = words(sentence);
        for (Rule rule : RULES) {
            if (rule.act() == SpeechAct.DIRECTIVE && rule.phrase().equals("?")) {
                if (sentence.strip().replaceAll("[\"'”’)!]+$", "").endsWith("?")) {
                    return new Suggestion(sentence, SpeechAct.DIRECTIVE, "?");
                }
                continue;
            }
            boolean atStart = rule.phrase().startsWith("^");
            String phrase = atStart ? rule.phrase().substring(1) : rule.phrase();
            if (atStart ? words.startsWith(" " + phrase + " ") : words.contains(" " + phrase + " ")) {
                return new Suggestion(sentence, rule.act(), phrase);
            }
        }
        return new Suggestion(sentence, SpeechAct.ASSERTIVE, null);
    }

    /** The sentence in lower case, its punctuation as spaces, padded with a space on each side. */
    static String words(String sentence) {
        String text = Normalizer.normalize(sentence, Normalizer.Form.NFC)
                .toLowerCase(Locale.ROOT)
                .replace('’', '\'')
                .replace('‘', '\'')
                .replaceAll("[^\\p{L}\\p{N}']+", " ")
                .strip();
        return " " + text + " ";
    }

    private static List<Rule> rules() {
        return List.of(
                // Directives: a question or a request to the teacher.
                directive("kun je"),
                directive("kun jij"),
                directive("kunt u"),
                directive("kan je"),
                directive("kan jij"),
                directive("zou je"),
                directive("zou jij"),
                directive("zou u"),
                directive("wil je"),
                directive("wilt u"),
                directive("mag ik"),
                directive("ik vraag me af"),
                directive("ik vroeg me af"),
                directive("ik zou graag"),
                directive("ik hoor graag"),
                directive("hoor ik graag"),
                directive("laat me weten"),
                directive("laat even weten"),
                directive("laat het me weten"),
                directive("help me"),
                directive("help mij"),
                directive("graag advies"),
                directive("graag feedback"),
                directive("a u b"),
                directive("alsjeblieft"),
                directive("alstublieft"),
                directive("^kijk"),
                directive("^stuur"),
                directive("^geef"),
                directive("^lees"),
                directive("could you"),
                directive("can you"),
                directive("would you"),
                directive("will you"),
                directive("please"),
                directive("let me know"),
                directive("i was wondering"),
                directive("i wonder"),
                directive("i would like you"),
                directive("i'd like you"),
                directive("i would appreciate"),
                directive("i'd appreciate"),
                directive("i need your"),
                directive("may i"),
                directive("^look"),
                directive("^send"),
                directive("^tell me"),
                directive("^give me"),
                directive("^check"),
                directive("?"),
                // Declaratives: saying it makes the change.
                declarative("vanaf nu"),
                declarative("from now on"),
                declarative("ik stop ermee"),
                declarative("ik stop met"),
                declarative("ik ben gestopt"),
                declarative("ik heb besloten"),
                declarative("ik besluit"),
                declarative("bij deze"),
                declarative("hierbij"),
                declarative("i quit"),
                declarative("i'm quitting"),
                declarative("i am quitting"),
                declarative("i have decided"),
                declarative("i've decided"),
                declarative("i hereby"),
                declarative("i stop"),
                declarative("i'm stopping"),
                declarative("i am stopping"),
                declarative("i resign"),
                declarative("ik zeg op"),
                // Expressives: a feeling, thanks, a greeting, an apology.
                expressive("ik voel"),
                expressive("voel ik"),
                expressive("ik vind het spannend"),
                expressive("vind het spannend"),
                expressive("vind het leuk"),
                expressive("vind het fijn"),
                expressive("vind het moeilijk"),
                expressive("vind het lastig"),
                expressive("vind het vervelend"),
                expressive("blij"),
                expressive("bang"),
                expressive("ik maak me zorgen"),
                expressive("ik baal"),
                expressive("het valt me zwaar"),
                expressive("zenuwachtig"),
                expressive("nerveus"),
                expressive("onzeker"),
                expressive("gefrustreerd"),
                expressive("verdrietig"),
                expressive("trots"),
                expressive("bedankt"),
                expressive("dank je"),
                expressive("dank u"),
                expressive("dankjewel"),
                expressive("sorry"),
                expressive("excuses"),
                expressive("gefeliciteerd"),
                expressive("^hoi"),
                expressive("^hallo"),
                expressive("^beste"),
                expressive("^groetjes"),
                expressive("^groet"),
                expressive("^met vriendelijke groet"),
                expressive("i feel"),
                expressive("i'm feeling"),
                expressive("i am feeling"),
                expressive("i'm worried"),
                expressive("i am worried"),
                expressive("i'm afraid"),
                expressive("i am afraid"),
                expressive("i'm happy"),
                expressive("i am happy"),
                expressive("i'm glad"),
                expressive("i am glad"),
                expressive("nervous"),
                expressive("anxious"),
                expressive("frustrated"),
                expressive("stressed"),
                expressive("overwhelmed"),
                expressive("proud"),
                expressive("thank you"),
                expressive("thanks"),
                expressive("apologies"),
                expressive("congratulations"),
                expressive("^hi"),
                expressive("^hello"),
                expressive("^dear"),
                expressive("^kind regards"),
                expressive("^best wishes"),
                expressive("^cheers"),
                // Commissives: a promise, a plan, an agreement.
                commissive("ik zal"),
                commissive("zal ik"),
                commissive("ik beloof"),
                commissive("ik ga"),
                commissive("ga ik"),
                commissive("ik zorg"),
                commissive("ik ben van plan"),
                commissive("we spreken af"),
                commissive("ik spreek af"),
                commissive("afgesproken"),
                commissive("ik neem"),
                commissive("i will"),
                commissive("i'll"),
                commissive("i promise"),
                commissive("i'm going to"),
                commissive("i am going to"),
                commissive("i plan to"),
                commissive("i intend to"),
                commissive("we agreed"),
                commissive("i agree to"));
    }

    private static Rule declarative(String phrase) {
        return new Rule(SpeechAct.DECLARATIVE, phrase);
    }

    private static Rule directive(String phrase) {
        return new Rule(SpeechAct.DIRECTIVE, phrase);
    }

    private static Rule expressive(String phrase) {
        return new Rule(SpeechAct.EXPRESSIVE, phrase);
    }

    private static Rule commissive(String phrase) {
        return new Rule(SpeechAct.COMMISSIVE, phrase);
    }
}
