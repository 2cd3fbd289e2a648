package nl.leerlog.tool.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TypeableTextTests {

    record Note(@TypeableText(max = 10) String text) {}

    record Title(@TypeableText(max = 10, required = true) String text) {}

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void startValidation() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void stopValidation() {
        factory.close();
    }

    @Test
    void nulIsRefused() {
        assertThat(messages(new Note("a\0b"))).containsExactly("programme.error.characters");
    }

    @Test
    void aControlCharacterIsRefused() {
        assertThat(messages(new Note("a\u0007b"))).containsExactly("programme.error.characters");
        assertThat(messages(new Note("a\u0085b"))).containsExactly("programme.error.characters");
    }

    @Test
    void tabAndLineBreaksAreAllowed() {
        assertThat(messages(new Note("a\tb\nc\r\nd"))).isEmpty();
    }

    @Test
    void tooLongIsRefused() {
        assertThat(messages(new Note("12345678901"))).containsExactly("programme.error.too-long");
    }

    @Test
    void theLengthCountsTheStrippedText() {
        assertThat(messages(new Note("  1234567890  "))).isEmpty();
    }

    @Test
    void blankPassesUnlessRequired() {
        assertThat(messages(new Note(null))).isEmpty();
        assertThat(messages(new Note(" \t "))).isEmpty();
        assertThat(messages(new Title(null))).containsExactly("programme.error.required");
        assertThat(messages(new Title("  "))).containsExactly("programme.error.required");
        assertThat(messages(new Title("ok"))).isEmpty();
    }

    private static List<String> messages(Object form) {
        return validator.validate(form).stream()
                .map(ConstraintViolation::getMessage)
                .toList();
    }
}
