package nl.leerlog.tool.replyhelp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The suggested speech act of each sentence in the table of Dutch and English sentences, and why. */
class SpeechActsTests {

    record Row(int line, String language, SpeechAct expected, String sentence) {}

    static List<Row> table() throws IOException {
        try (InputStream in =
                Objects.requireNonNull(SpeechActsTests.class.getResourceAsStream("/replyhelp/speech-acts.csv"))) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
            List<Row> rows = new java.util.ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split(",", 3);
                String sentence = cells[2].strip();
                if (sentence.startsWith("\"") && sentence.endsWith("\"")) {
                    sentence = sentence.substring(1, sentence.length() - 1);
                }
                rows.add(new Row(i + 1, cells[0], SpeechAct.valueOf(cells[1]), sentence));
            }
            return rows;
        }
    }

    @Test
    void everySentenceOfTheTableGetsItsExpectedAct() throws IOException {
        List<Row> rows = table();
        List<String> wrong = rows.stream()
                .filter(row -> SpeechActs.suggestFor(row.sentence()).act() != row.expected())
                .map(row -> "line " + row.line() + " (" + row.expected() + ", got "
                        + SpeechActs.suggestFor(row.sentence()).act() + "): " + row.sentence())
                .toList();
        assertThat(wrong).isEmpty();
    }

    @Test
    void theTableHasAtLeastFortySentencesInDutchAndEnglishForEveryAct() throws IOException {
        List<Row> rows = table();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(40);
        for (String language : List.of("nl", "en")) {
            Set<SpeechAct> acts = rows.stream()
                    .filter(row -> row.language().equals(language))
                    .map(Row::expected)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(SpeechAct.class)));
            assertThat(acts).as(language).containsExactlyInAnyOrder(SpeechAct.values());
        }
    }

    @Test
    void aSuggestionNamesTheWordsThatMadeIt() {
        assertThat(SpeechActs.suggestFor("Kun je naar mijn leerdoel kijken").because())
                .isEqualTo("kun je");
        assertThat(SpeechActs.suggestFor("Is dit goed?").because()).isEqualTo("?");
        assertThat(SpeechActs.suggestFor("I will send it tomorrow.").because()).isEqualTo("i will");
        assertThat(SpeechActs.suggestFor("The class was calm.").because()).isNull();
    }

    @Test
    void wordsMatchWholeNotInsideOtherWords() {
        // "trotse" would hold "trots" and "this" would hold "hi": neither is a feeling or a greeting here.
        assertThat(SpeechActs.suggestFor("Thisbe made the plan.").act()).isEqualTo(SpeechAct.ASSERTIVE);
        assertThat(SpeechActs.suggestFor("The kangaroo jumped.").act()).isEqualTo(SpeechAct.ASSERTIVE);
    }

    @Test
    void aMessageIsSuggestedSentenceBySentence() {
        List<SpeechActs.Suggestion> suggestions = SpeechActs.suggest(
                "Hoi Marieke,\nIk heb bijv. een lesplan gemaakt. Kun je ernaar kijken? Ik voel me er onzeker over.");

        assertThat(suggestions)
                .extracting(SpeechActs.Suggestion::act)
                .containsExactly(SpeechAct.EXPRESSIVE, SpeechAct.ASSERTIVE, SpeechAct.DIRECTIVE, SpeechAct.EXPRESSIVE);
    }
}
