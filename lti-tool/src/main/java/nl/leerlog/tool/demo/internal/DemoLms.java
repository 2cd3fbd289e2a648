package nl.leerlog.tool.demo.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.leerlog.lti.claims.LtiClaims;
import nl.leerlog.lti.registration.PlatformRegistration;
import nl.leerlog.tool.registration.DatabasePlatformRegistrations.ExtraRegistrations;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A tiny LTI 1.3 platform inside the tool, for newcomers: its own RSA key, a course with two students, a
 * teacher and an observer, an OIDC authorization endpoint that answers with a signed id_token, and a
 * registration with the tool. Launches go through the real {@code /lti/login} and {@code /lti/launch}.
 */
@Component
@ConditionalOnProperty(name = "leerlog.demo.enabled", havingValue = "true")
public class DemoLms implements ExtraRegistrations {

    private static final String LIS = "http://purl.imsglobal.org/vocab/lis/v2/";

    private static final List<String> STUDENT_ROLES =
            List.of(LIS + "institution/person#Student", LIS + "membership#Learner");
    private static final List<String> TEACHER_ROLES =
            List.of(LIS + "institution/person#Instructor", LIS + "membership#Instructor");

    /**
     * The people of the demo course; the login hint is their key. The login is theirs at the demo school, as Canvas
     * sends it for {@code $Canvas.user.loginId}.
     */
    public enum Person {
        STUDENT("demo-student-sanne", "Sanne de Vries", "nl", STUDENT_ROLES, "s2104518"),
        STUDENT_EN("demo-student-noah", "Noah Smith", "en", STUDENT_ROLES, "s2098834"),
        TEACHER("demo-teacher-ahmed", "Ahmed Yilmaz", "nl", TEACHER_ROLES, "a.yilmaz"),
        STUDENT_3("demo-student-daan", "Daan Bakker", "nl", STUDENT_ROLES, "s2110267"),
        STUDENT_4("demo-student-lotte", "Lotte Mulder", "nl", STUDENT_ROLES, "s2087451"),
        /** A second teacher of the course, so interns can be shared out over internship teachers. */
        TEACHER_2("demo-teacher-marieke", "Marieke Visser", "nl", TEACHER_ROLES, "m.visser"),
        OBSERVER("demo-observer-els", "Els Jansen", "nl", List.of(LIS + "membership#Mentor"), "e.jansen");

        final String subject;
        final String displayName;
        final String locale;
        final List<String> roles;
        private final String loginId;

        Person(String subject, String displayName, String locale, List<String> roles, String loginId) {
            this.subject = subject;
            this.displayName = displayName;
            this.locale = locale;
            this.roles = roles;
            this.loginId = loginId;
        }

        public String displayName() {
            return displayName;
        }

        public String hint() {
            return name();
        }

        public String loginId() {
            return loginId;
        }
    }

    private final DemoSettings settings;
    private final Clock clock;
    private final RSAKey key;
    private volatile int port = 8080;

    public DemoLms(DemoSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        try {
            this.key = new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint(true)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot make the demo LMS key", e);
        }
    }

    @EventListener
    void onServerStarted(WebServerInitializedEvent event) {
        port = event.getWebServer().getPort();
    }

    public DemoSettings settings() {
        return settings;
    }

    public String lmsUrl() {
        return settings.lmsUrl() != null ? strip(settings.lmsUrl()) : "http://localhost:" + port;
    }

    public String toolUrl() {
        return settings.toolUrl() != null ? strip(settings.toolUrl()) : lmsUrl();
    }

    public String courseUrl() {
        return settings.courseUrl() != null ? strip(settings.courseUrl()) : lmsUrl();
    }

    public String launchUrl() {
        return toolUrl() + "/lti/launch";
    }

    public JWKSet publicKeys() {
        return new JWKSet(key.toPublicJWK());
    }

    public PlatformRegistration registration() {
        // The tool fetches the demo's keys over loopback, whatever host the browser uses.
        return new PlatformRegistration(
                settings.issuer(),
                settings.clientId(),
                Set.of(settings.deploymentId()),
                URI.create(lmsUrl() + "/demo/lms/authorize"),
                URI.create("http://127.0.0.1:" + port + "/demo/lms/jwks"),
                null,
                PlatformRegistration.DEFAULT_ALGORITHMS,
                null);
    }

    /** The id_token the demo platform answers an authorization request with (Core §5.1.2, §5.3). */
    public String idToken(Person person, String nonce) {
        JWTClaimsSet claims = claims(person, nonce);
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .type(JOSEObjectType.JWT)
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign the demo launch", e);
        }
    }

    /** What the demo platform says of a person's launch into its course. */
    JWTClaimsSet claims(Person person, String nonce) {
        Date now = Date.from(clock.instant());
        return new JWTClaimsSet.Builder()
                .issuer(settings.issuer())
                .subject(person.subject)
                .audience(settings.clientId())
                .issueTime(now)
                .expirationTime(Date.from(clock.instant().plus(Duration.ofMinutes(5))))
                .claim("nonce", nonce)
                .claim("name", person.displayName)
                // An address that reaches no one: the mails Leerlog writes show in the demo mailbox.
                .claim("email", person.subject + "@demo-lms.leerlog.invalid")
                .claim("locale", person.locale)
                .claim(LtiClaims.MESSAGE_TYPE, LtiClaims.RESOURCE_LINK_REQUEST)
                .claim(LtiClaims.VERSION, LtiClaims.LTI_VERSION)
                .claim(LtiClaims.DEPLOYMENT_ID, settings.deploymentId())
                .claim(LtiClaims.TARGET_LINK_URI, launchUrl())
                .claim(LtiClaims.RESOURCE_LINK, Map.of("id", "demo-course-stage", "title", "Leerlog"))
                .claim(
                        LtiClaims.CONTEXT,
                        Map.of(
                                "id",
                                "demo-course-stage",
                                "label",
                                "STAGE-DEMO",
                                "title",
                                "Stage Onderwijs 2026",
                                "type",
                                List.of(LIS + "course#CourseOffering")))
                .claim(LtiClaims.ROLES, person.roles)
                .claim(
                        LtiClaims.LAUNCH_PRESENTATION,
                        Map.of("document_target", "iframe", "locale", person.locale, "return_url", courseUrl() + "/"))
                .claim(
                        LtiClaims.TOOL_PLATFORM,
                        Map.of(
                                "guid",
                                "leerlog-demo-lms",
                                "name",
                                "Leerlog demo LMS",
                                "product_family_code",
                                "leerlog-demo"))
                .claim(LtiClaims.CANVAS_PLACEMENT, "course_navigation")
                .claim(LtiClaims.CUSTOM, Map.of("canvas_user_id", "$Canvas.user.id", "login_id", person.loginId()))
                .build();
    }

    @Override
    public Optional<PlatformRegistration> find(String issuer, String clientId) {
        return settings.issuer().equals(issuer) && settings.clientId().equals(clientId)
                ? Optional.of(registration())
                : Optional.empty();
    }

    @Override
    public List<PlatformRegistration> findByIssuer(String issuer) {
        return settings.issuer().equals(issuer) ? List.of(registration()) : List.of();
    }

    @Override
    public Collection<PlatformRegistration> all() {
        return List.of(registration());
    }

    private static String strip(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
