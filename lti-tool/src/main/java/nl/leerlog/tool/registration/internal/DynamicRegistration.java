package nl.leerlog.tool.registration.internal;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.leerlog.lti.registration.PlatformRegistrations;
import nl.leerlog.lti.toolconfig.ClientRegistrationRequest;
import nl.leerlog.lti.toolconfig.ClientRegistrationResponse;
import nl.leerlog.lti.toolconfig.PlatformConfiguration;
import nl.leerlog.lti.toolconfig.PlatformConfigurationException;
import nl.leerlog.lti.toolconfig.ToolDescription;
import nl.leerlog.tool.registration.RegistrationDetails;
import nl.leerlog.tool.registration.RegistrationSource;
import nl.leerlog.tool.registration.RegistrationStatus;
import nl.leerlog.tool.registration.internal.PlatformClient.PlatformAnswer;
import nl.leerlog.tool.system.DatabaseText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

/**
 * LTI Dynamic Registration 1.0 from the tool's side: read the platform's OpenID configuration, register the
 * tool with the platform, and keep the registration, pending an admin's approval unless configured otherwise.
 */
@Service
public record DynamicRegistration(
        PlatformClient platforms,
        RegistrationRepository repository,
        PlatformRegistrations knownRegistrations,
        RegistrationSettings settings) {

    private static final Logger log = LoggerFactory.getLogger(DynamicRegistration.class);
    private static final int MAX_ID_LENGTH = 255;
    private static final int MAX_URL_LENGTH = 2000;
    private static final String CANVAS = "canvas";

    /** A registration made and stored. */
    public record CompletedRegistration(
            long id,
            String issuer,
            String clientId,
            Optional<String> deploymentId,
            RegistrationStatus status,
            String platformName) {}

    /**
     * Registers the tool with the platform whose configuration is at {@code configurationUrl}.
     *
     * @throws RegistrationFailedException for every reason the registration cannot complete
     */
    public CompletedRegistration register(URI configurationUrl, String registrationToken, ToolDescription tool) {
        PlatformConfiguration configuration = configuration(configurationUrl, registrationToken);

        // DR §3.5.2: the client registration goes to the registration endpoint, as JSON, with the token as bearer.
        PlatformAnswer answer = platforms.postJson(
                configuration.registrationEndpoint(),
                registrationToken,
                ClientRegistrationRequest.json(tool, ToolDescriptions.DEFAULT_LANGUAGE));
        refuseUnsuccessful(answer, RegistrationError.REGISTRATION_REFUSED, "registration endpoint");
        if (answer.body() == null) {
            throw new RegistrationFailedException(RegistrationError.REGISTRATION_ANSWER_INVALID, "not a JSON object");
        }
        ClientRegistrationResponse response;
        try {
            response = ClientRegistrationResponse.read(answer.body());
        } catch (PlatformConfigurationException e) {
            throw new RegistrationFailedException(
                    RegistrationError.REGISTRATION_ANSWER_INVALID, e.getMessage(), e.field(), e);
        }
        requireStorable(response.clientId(), MAX_ID_LENGTH, "client_id", RegistrationError.REGISTRATION_ANSWER_INVALID);
        response.deploymentId()
                .ifPresent(deployment -> requireStorable(
                        deployment, MAX_ID_LENGTH, "deployment_id", RegistrationError.REGISTRATION_ANSWER_INVALID));
        return store(configuration, response, tool);
    }

    private PlatformConfiguration configuration(URI configurationUrl, String registrationToken) {
        // DR §3.4: fetch the OpenID configuration; Canvas wants the registration token for it as well.
        PlatformAnswer answer = platforms.get(configurationUrl, registrationToken);
        refuseUnsuccessful(answer, RegistrationError.CONFIGURATION_INVALID, "openid configuration");
        if (answer.body() == null) {
            throw new RegistrationFailedException(RegistrationError.CONFIGURATION_INVALID, "not a JSON object");
        }
        try {
            PlatformConfiguration configuration =
                    PlatformConfiguration.read(answer.body(), configurationUrl, platforms.allowsPlainHttp());
            requireStorable(configuration.issuer(), MAX_ID_LENGTH, "issuer", RegistrationError.CONFIGURATION_INVALID);
            for (Map.Entry<String, URI> endpoint : Map.of(
                            "authorization_endpoint", configuration.authorizationEndpoint(),
                            "jwks_uri", configuration.jwksUri(),
                            "token_endpoint", configuration.tokenEndpoint())
                    .entrySet()) {
                requireStorable(
                        endpoint.getValue().toString(),
                        MAX_URL_LENGTH,
                        endpoint.getKey(),
                        RegistrationError.CONFIGURATION_INVALID);
            }
            return configuration;
        } catch (PlatformConfigurationException e) {
            throw new RegistrationFailedException(
                    RegistrationError.CONFIGURATION_INVALID, e.getMessage(), e.field(), e);
        }
    }

    private CompletedRegistration store(
            PlatformConfiguration configuration, ClientRegistrationResponse response, ToolDescription tool) {
        String issuer = configuration.issuer();
        String clientId = response.clientId();
        if (repository.find(issuer, clientId).isPresent()
                || knownRegistrations.find(issuer, clientId).isPresent()) {
            throw new RegistrationFailedException(RegistrationError.DUPLICATE, issuer + " " + clientId);
        }
        String platformName = DatabaseText.fit(configuration.productFamilyCode(), 255);
        boolean canvas = CANVAS.equals(platformName == null ? null : platformName.toLowerCase(Locale.ROOT));
        RegistrationDetails details = new RegistrationDetails(
                issuer,
                clientId,
                configuration.authorizationEndpoint(),
                configuration.jwksUri(),
                configuration.tokenEndpoint(),
                Set.of("RS256"),
                platformName,
                null,
                canvas ? tool.privacyLevel().value() : null);
        long id;
        try {
            id = repository.create(
                    details,
                    settings.initialStatus(),
                    RegistrationSource.DYNAMIC,
                    response.deploymentId().map(Set::of).orElse(Set.of()));
        } catch (DataIntegrityViolationException e) {
            // Another registration with this issuer and client id was stored at the same moment.
            throw new RegistrationFailedException(RegistrationError.DUPLICATE, issuer + " " + clientId, null, e);
        }
        log.info(
                "Dynamic Registration stored: issuer {}, client id {}, deployment {}, status {}",
                issuer,
                clientId,
                response.deploymentId().orElse("(none)"),
                settings.initialStatus());
        return new CompletedRegistration(
                id, issuer, clientId, response.deploymentId(), settings.initialStatus(), platformName);
    }

    private static void refuseUnsuccessful(PlatformAnswer answer, RegistrationError otherClientError, String what) {
        if (answer.successful()) {
            return;
        }
        int status = answer.status();
        if (status == 401 || status == 403) {
            throw new RegistrationFailedException(RegistrationError.TOKEN_REFUSED, what + " answered " + status);
        }
        throw new RegistrationFailedException(
                status >= 400 && status < 500 ? otherClientError : RegistrationError.PLATFORM_UNREACHABLE,
                what + " answered " + status);
    }

    private static void requireStorable(String value, int maxLength, String field, RegistrationError error) {
        if (value.length() > maxLength || !DatabaseText.storable(value)) {
            throw new RegistrationFailedException(error, field + " cannot be stored", field, null);
        }
    }
}
