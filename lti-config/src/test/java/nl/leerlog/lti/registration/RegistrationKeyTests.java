package nl.leerlog.lti.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RegistrationKeyTests {

    @Test
    void theStoredFormReadsBackAsTheSameKey() {
        RegistrationKey key = new RegistrationKey("https://canvas.instructure.com", "10000000000042");

        assertThat(key.toString()).isEqualTo("https://canvas.instructure.com#10000000000042");
        assertThat(RegistrationKey.parse(key.toString())).isEqualTo(key);
    }

    @Test
    void aClientIdWithAHashStaysWholeBecauseAnIssuerHasNoFragment() {
        RegistrationKey key = new RegistrationKey("https://lms.example.edu", "tool#1");

        assertThat(RegistrationKey.parse(key.toString())).isEqualTo(key);
    }

    @Test
    void oneIssuerWithTwoClientIdsIsTwoRegistrations() {
        assertThat(new RegistrationKey("https://canvas.instructure.com", "1"))
                .isNotEqualTo(new RegistrationKey("https://canvas.instructure.com", "2"));
    }

    @Test
    void textWithoutTheSeparatorIsNoKey() {
        assertThatThrownBy(() -> RegistrationKey.parse("https://canvas.instructure.com"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
