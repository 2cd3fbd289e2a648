package nl.leerlog.lti.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import nl.leerlog.lti.failure.LtiError;
import nl.leerlog.lti.failure.LtiLaunchException;
import nl.leerlog.lti.registration.RegistrationKey;
import org.junit.jupiter.api.Test;

/** Core §5.3: the required claims of a resource link launch, and their JSON types. */
class LaunchClaimsReaderTests {

    private static JWTClaimsSet.Builder valid() {
        return new JWTClaimsSet.Builder()
                .issuer("https://canvas.instructure.com")
                .subject("a6d5c443-1f51-4783-ba1a-7686ffe3b54a")
                .claim(LtiClaims.MESSAGE_TYPE, LtiClaims.RESOURCE_LINK_REQUEST)
                .claim(LtiClaims.VERSION, "1.3.0")
                .claim(LtiClaims.DEPLOYMENT_ID, "1:abc")
                .claim(LtiClaims.TARGET_LINK_URI, "https://tool/lti/launch")
                .claim(LtiClaims.RESOURCE_LINK, Map.of("id", "ctx-1"))
                .claim(LtiClaims.ROLES, List.of());
    }

    private static LtiLaunch read(UnaryOperator<JWTClaimsSet.Builder> change) {
        return LaunchClaimsReader.read(
                new RegistrationKey("https://canvas.instructure.com", "client"),
                change.apply(valid()).build());
    }

    private static void assertRefused(UnaryOperator<JWTClaimsSet.Builder> change, LtiError error) {
        assertThatThrownBy(() -> read(change))
                .isInstanceOfSatisfying(
                        LtiLaunchException.class, e -> assertThat(e.error()).isEqualTo(error));
    }

    @Test
    void acceptsTheMinimalLaunchWithNoPersonalDataAndNoRoles() {
        LtiLaunch launch = read(b -> b);
        assertThat(launch.roles()).isEmpty();
        assertThat(launch.context()).isNull();
        assertThat(launch.person().displayName()).isEmpty();
        assertThat(launch.preferredLocale().getLanguage()).isEqualTo("en");
    }

    @Test
    void refusesEachMissingRequiredClaim() {
        assertRefused(b -> b.claim(LtiClaims.MESSAGE_TYPE, null), LtiError.MESSAGE_TYPE_MISSING);
        assertRefused(b -> b.claim(LtiClaims.MESSAGE_TYPE, "LtiDeepLinkingRequest"), LtiError.MESSAGE_TYPE_UNSUPPORTED);
        assertRefused(b -> b.claim(LtiClaims.VERSION, "1.1"), LtiError.VERSION_UNSUPPORTED);
        assertRefused(b -> b.claim(LtiClaims.DEPLOYMENT_ID, null), LtiError.DEPLOYMENT_MISSING);
        assertRefused(b -> b.claim(LtiClaims.TARGET_LINK_URI, null), LtiError.TARGET_LINK_MISSING);
        assertRefused(b -> b.claim(LtiClaims.RESOURCE_LINK, Map.of("title", "no id")), LtiError.RESOURCE_LINK_MISSING);
        assertRefused(b -> b.claim(LtiClaims.ROLES, null), LtiError.ROLES_MISSING);
        assertRefused(b -> b.subject(null), LtiError.SUBJECT_MISSING);
    }

    @Test
    void refusesClaimsOfTheWrongJsonType() {
        assertRefused(b -> b.claim(LtiClaims.ROLES, "Learner"), LtiError.CLAIM_WRONG_TYPE);
        assertRefused(b -> b.claim(LtiClaims.ROLES, List.of(1, 2)), LtiError.CLAIM_WRONG_TYPE);
        assertRefused(b -> b.claim(LtiClaims.RESOURCE_LINK, "ctx-1"), LtiError.CLAIM_WRONG_TYPE);
        assertRefused(b -> b.claim(LtiClaims.DEPLOYMENT_ID, 42), LtiError.CLAIM_WRONG_TYPE);
        assertRefused(b -> b.claim(LtiClaims.CONTEXT, List.of("x")), LtiError.CLAIM_WRONG_TYPE);
    }

    @Test
    void keepsIdsAsStringsAndDropsPlaceholders() {
        LtiLaunch launch = read(b -> b.claim(LtiClaims.CONTEXT, Map.of("id", "$Canvas.course.id"))
                .claim(LtiClaims.CUSTOM, Map.of("user_id", "$Canvas.user.id", "course", "12345"))
                .claim(
                        LtiClaims.NAMES_ROLE_SERVICE,
                        Map.of("context_memberships_url", "https://lms/nrps", "service_versions", List.of("2.0"))));
        assertThat(launch.context()).isNull();
        assertThat(launch.custom()).containsExactly(Map.entry("course", "12345"));
        assertThat(launch.namesRoleService().contextMembershipsUrl()).isEqualTo("https://lms/nrps");
    }
}
