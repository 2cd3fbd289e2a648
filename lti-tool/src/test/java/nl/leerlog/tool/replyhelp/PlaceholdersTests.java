package nl.leerlog.tool.replyhelp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlaceholdersTests {

    private static final Placeholders.Values VALUES =
            new Placeholders.Values("Sanne", "Mark Jansen", "Mijn leerdoel", "dinsdag 3 maart om 14:00");

    @Test
    void fillsTheEnglishAndDutchSpellings() {
        assertThat(Placeholders.fill(
                        "Dear {first name}, about {question title}: see you {next meeting}. {teacher name}", VALUES))
                .isEqualTo("Dear Sanne, about Mijn leerdoel: see you dinsdag 3 maart om 14:00. Mark Jansen");
        assertThat(Placeholders.fill("Beste {voornaam}, {titel vraag} / {volgende afspraak} / {naam docent}", VALUES))
                .isEqualTo("Beste Sanne, Mijn leerdoel / dinsdag 3 maart om 14:00 / Mark Jansen");
    }

    @Test
    void caseAndSpacesDoNotMatter() {
        assertThat(Placeholders.fill("{First Name} {  VOORNAAM }", VALUES)).isEqualTo("Sanne Sanne");
    }

    @Test
    void leavesUnknownPlaceholdersAndThoseWithoutAValue() {
        Placeholders.Values noName = new Placeholders.Values(null, "Mark", "Title", null);
        assertThat(Placeholders.fill("Hi {first name}, {shoe size} {next meeting} {}", noName))
                .isEqualTo("Hi {first name}, {shoe size} {next meeting} {}");
    }

    @Test
    void aValueWithDollarsOrBracesIsTakenLiterally() {
        Placeholders.Values odd = new Placeholders.Values("$1 {voornaam}", null, null, null);
        assertThat(Placeholders.fill("Hi {first name}", odd)).isEqualTo("Hi $1 {voornaam}");
    }

    @Test
    void theFirstNameIsTheFirstWordOfTheFullName() {
        assertThat(Placeholders.firstNameOf(" Sanne de Vries ")).isEqualTo("Sanne");
        assertThat(Placeholders.firstNameOf(" ")).isNull();
        assertThat(Placeholders.firstNameOf(null)).isNull();
    }
}
