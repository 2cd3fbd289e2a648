package nl.leerlog.tool.registration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import nl.leerlog.lti.config.LtiProperties;
import nl.leerlog.lti.toolconfig.PrivacyLevel;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;

/** What the tool asks the platform for depends on the privacy level the school chose. */
class ToolDescriptionsTests {

    @Test
    void theLoginIdIsAskedForOnlyAtThePublicPrivacyLevel() {
        for (PrivacyLevel level : PrivacyLevel.values()) {
            var custom =
                    descriptions(level).forRequest(new MockHttpServletRequest()).customParameters();

            assertThat(custom).as(level.name()).containsEntry("canvas_user_id", "$Canvas.user.id");
            if (level == PrivacyLevel.PUBLIC) {
                assertThat(custom).containsEntry("login_id", "$Canvas.user.loginId");
            } else {
                assertThat(custom).as(level.name()).doesNotContainKey("login_id");
            }
        }
    }

    private static ToolDescriptions descriptions(PrivacyLevel level) {
        StaticMessageSource messages = new StaticMessageSource();
        messages.setUseCodeAsDefaultMessage(true);
        LtiProperties lti = new LtiProperties(
                List.of(),
                Duration.ofSeconds(60),
                Duration.ofMinutes(10),
                Duration.ofHours(8),
                Duration.ofHours(12),
                Duration.ofSeconds(5),
                65_536,
                URI.create("https://leerlog.example.nl"),
                List.of(),
                Duration.ofSeconds(10));
        return new ToolDescriptions(messages, lti, new CanvasSettings(level));
    }
}
