package nl.leerlog.lti.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.leerlog.lti.claims.LtiLaunch;
import nl.leerlog.lti.registration.PlatformRegistration;
import nl.leerlog.lti.registration.RegistrationKey;
import org.junit.jupiter.api.Test;

class FrameAncestorsTests {

    private final FrameAncestors frameAncestors = new FrameAncestors(List.of("https://extra.example.edu"));

    @Test
    void canvasCloudCoursePageOnACustomDomainMayFrameTheSessionItLaunched() {
        PlatformRegistration canvas =
                registration("https://canvas.instructure.com", "https://sso.canvaslms.com/api/lti/authorize_redirect");

        String directive = frameAncestors.forLaunch(canvas, launch("https://canvas.hu.nl/courses/12/external_tools/7"));

        assertThat(directive)
                .isEqualTo(
                        "frame-ancestors 'self' https://canvas.instructure.com "
                                + "https://sso.canvaslms.com https://*.instructure.com https://canvas.hu.nl https://extra.example.edu");
    }

    @Test
    void issuerThatIsNoUrlAndReturnUrlsThatAreNoPagesAddNothing() {
        PlatformRegistration named = registration("platform-without-url", "https://lms.example.edu/auth");

        for (String returnUrl : new String[] {
            null,
            "javascript:alert(1)",
            "data:text/html,x",
            "/relative/page",
            "https://host with space.example/",
            "https://evil.example'; script-src *"
        }) {
            assertThat(frameAncestors.forLaunch(named, launch(returnUrl)))
                    .as(String.valueOf(returnUrl))
                    .isEqualTo("frame-ancestors 'self' https://lms.example.edu https://extra.example.edu");
        }
    }

    @Test
    void defaultPortsAreLeftOutAndHostsLowerCased() {
        assertThat(FrameAncestors.origin("HTTPS://Canvas.Example.EDU:443/courses/1"))
                .hasValue("https://canvas.example.edu");
        assertThat(FrameAncestors.origin("http://localhost:8080/x")).hasValue("http://localhost:8080");
    }

    private static PlatformRegistration registration(String issuer, String authorization) {
        return new PlatformRegistration(
                issuer,
                "client-1",
                Set.of("d-1"),
                URI.create(authorization),
                URI.create("https://lms.example.edu/jwks"),
                null,
                PlatformRegistration.DEFAULT_ALGORITHMS,
                null);
    }

    private static LtiLaunch launch(String returnUrl) {
        return new LtiLaunch(
                new RegistrationKey("i", "c"),
                "d-1",
                "sub",
                "LtiResourceLinkRequest",
                "https://tool.example/lti/launch",
                new LtiLaunch.ResourceLink("link", null),
                null,
                List.of(),
                new LtiLaunch.Person(null, null, null, null),
                null,
                new LtiLaunch.Presentation("iframe", returnUrl, null),
                Map.of(),
                null,
                null,
                null,
                "{}");
    }
}
