package nl.leerlog.tool.replyhelp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentencesTests {

    @Test
    void splitsAtStopsQuestionAndExclamationMarksAndLineBreaks() {
        assertThat(Sentences.of("Hoi! Ik heb een vraag. Kun je helpen?\nGroetjes"))
                .containsExactly("Hoi!", "Ik heb een vraag.", "Kun je helpen?", "Groetjes");
    }

    @Test
    void keepsAbbreviationsInitialsAndNumbersTogether() {
        assertThat(Sentences.of("Ik heb bijv. een plan. Ik doe o.a. observaties."))
                .containsExactly("Ik heb bijv. een plan.", "Ik doe o.a. observaties.");
        assertThat(Sentences.of("I made e.g. a plan, i.e. a draft. Mr. Jansen liked it."))
                .containsExactly("I made e.g. a plan, i.e. a draft.", "Mr. Jansen liked it.");
        assertThat(Sentences.of("J. de Vries gaf een 7.5 voor versie 2.0. Top."))
                .containsExactly("J. de Vries gaf een 7.5 voor versie 2.0.", "Top.");
    }

    @Test
    void keepsRunsOfMarksAndClosingQuotesWithTheirSentence() {
        assertThat(Sentences.of("Echt?! Hij zei \"stop.\" Daarna... niets."))
                .containsExactly("Echt?!", "Hij zei \"stop.\"", "Daarna...", "niets.");
    }

    @Test
    void aBlankOrMissingMessageHasNoSentences() {
        assertThat(Sentences.of(null)).isEmpty();
        assertThat(Sentences.of("  \n\n ")).isEmpty();
    }
}
