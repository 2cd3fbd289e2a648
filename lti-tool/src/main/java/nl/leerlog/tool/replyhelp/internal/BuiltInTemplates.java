package nl.leerlog.tool.replyhelp.internal;

import java.util.List;

/**
 * The templates that ship with Leerlog, in Dutch and in English: acknowledge and answer, propose a conversation, ask
 * for more detail, encourage after a silence, close a thread. They follow the reply structure of the guidance
 * manual (greeting, recognition, core message, motivating close, sign-off); the dots mark what the teacher writes.
 */
final class BuiltInTemplates {

    /** One built-in template: its name, shared by its two languages, its language, title and body. */
    record BuiltIn(String name, String language, String title, String body) {

        String ref() {
            return "builtin-" + name + "-" + language;
        }
    }

    static final List<BuiltIn> ALL = List.of(
            new BuiltIn("answer", "nl", "Bevestigen en beantwoorden", """
                    Hoi {voornaam},

                    Dank je voor je vraag "{titel vraag}". …

                    …

                    Laat je weten of je hiermee verder kunt?

                    Groet,
                    {naam docent}"""),
            new BuiltIn("conversation", "nl", "Een gesprek voorstellen", """
                    Hoi {voornaam},

                    Goed dat je "{titel vraag}" aankaart. Dit bespreek ik liever met je dan dat ik erover schrijf: \
                    zullen we het oppakken in {volgende afspraak}?

                    Schrijf alvast op wat je het liefst wilt bespreken, dan gebruiken we de tijd goed.

                    Groet,
                    {naam docent}"""),
            new BuiltIn("detail", "nl", "Om meer uitleg vragen", """
                    Hoi {voornaam},

                    Dank je voor je bericht over "{titel vraag}". Om je goed te helpen wil ik iets meer weten: …

                    Als je dat aanvult, reageer ik zo snel als ik kan.

                    Groet,
                    {naam docent}"""),
            new BuiltIn("encourage", "nl", "Aanmoedigen na een stilte", """
                    Hoi {voornaam},

                    Ik heb een tijdje niets van je gehoord over "{titel vraag}". Hoe gaat het nu? Een kort \
                    berichtje is ook welkom, en anders bespreken we het in {volgende afspraak}.

                    Groet,
                    {naam docent}"""),
            new BuiltIn("close", "nl", "Een draad afsluiten", """
                    Hoi {voornaam},

                    Fijn dat "{titel vraag}" nu helder is. …

                    Speelt er later nog iets, stel dan gerust een nieuwe vraag. Veel succes!

                    Groet,
                    {naam docent}"""),
            new BuiltIn("answer", "en", "Acknowledge and answer", """
                    Hi {first name},

                    Thank you for your question "{question title}". …

                    …

                    Will you let me know whether this helps you on?

                    Best wishes,
                    {teacher name}"""),
            new BuiltIn("conversation", "en", "Propose a conversation", """
                    Hi {first name},

                    Good that you raise "{question title}". I would rather talk this through than write about it: \
                    shall we take it up in {next meeting}?

                    Note down what you most want to discuss, so we use the time well.

                    Best wishes,
                    {teacher name}"""),
            new BuiltIn("detail", "en", "Ask for more detail", """
                    Hi {first name},

                    Thank you for your message about "{question title}". To help you well I would like to know a \
                    little more: …

                    Once you add that, I will answer as soon as I can.

                    Best wishes,
                    {teacher name}"""),
            new BuiltIn("encourage", "en", "Encourage after a silence", """
                    Hi {first name},

                    I have not heard from you for a while about "{question title}". How is it going now? A short \
                    message is welcome too, or else we discuss it in {next meeting}.

                    Best wishes,
                    {teacher name}"""),
            new BuiltIn("close", "en", "Close a thread", """
                    Hi {first name},

                    Good to hear that "{question title}" is clear now. …

                    If anything comes up later, feel free to ask a new question. Good luck!

                    Best wishes,
                    {teacher name}"""));

    private BuiltInTemplates() {}

    /** The built-ins in {@code language}, or in Dutch for a language Leerlog does not speak. */
    static List<BuiltIn> in(String language) {
        String shown = "en".equals(language) ? "en" : "nl";
        return ALL.stream().filter(b -> b.language().equals(shown)).toList();
    }

    static java.util.Optional<BuiltIn> byRef(String ref) {
        return ALL.stream().filter(b -> b.ref().equals(ref)).findFirst();
    }
}
