package nl.leerlog.tool.registration.internal;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import nl.leerlog.lti.http.PlatformHttp;
import nl.leerlog.lti.http.PlatformRequest;
import nl.leerlog.lti.http.PlatformResponse;
import nl.leerlog.lti.http.RefusedAddressException;
import nl.leerlog.lti.http.ResponseTooLargeException;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Dynamic Registration's JSON calls to a platform, made by the LTI layer's {@link PlatformHttp} like every other
 * platform call: its address policy (public https hosts only, outside development) keeps an
 * {@code openid_configuration} that anyone can choose from reaching the tool's own network.
 */
@Component
record PlatformClient(PlatformHttp http, JsonMapper json, RegistrationSettings settings) {

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {};

    /** A platform's answer: its status and, when it was a JSON object, its content. */
    record PlatformAnswer(int status, Map<String, Object> body) {

        boolean successful() {
            return status >= 200 && status < 300;
        }
    }

    /** Whether platform URLs may use plain http: only where the address policy allows it (development). */
    boolean allowsPlainHttp() {
        return http.policy().allowsScheme("http");
    }

    PlatformAnswer get(URI uri, String bearerToken) {
        return send(PlatformRequest.get(uri).withPurpose("registration"), bearerToken);
    }

    PlatformAnswer postJson(URI uri, String bearerToken, Map<String, Object> body) {
        return send(
                PlatformRequest.post(uri, "application/json", json.writeValueAsBytes(body))
                        .withPurpose("registration"),
                bearerToken);
    }

    /**
     * @throws RegistrationFailedException {@link RegistrationError#PRIVATE_ADDRESS} when the address policy
     *     refuses the URL (nothing was sent), {@link RegistrationError#PLATFORM_UNREACHABLE} when the host does
     *     not resolve, the connection fails or the platform does not answer in time
     */
    private PlatformAnswer send(PlatformRequest request, String bearerToken) {
        PlatformRequest call = request.withHeader("Accept", "application/json").withTimeout(settings.responseTimeout());
        if (bearerToken != null && !bearerToken.isBlank()) {
            call = call.withHeader("Authorization", "Bearer " + bearerToken);
        }
        try {
            PlatformResponse response = http.send(call);
            return new PlatformAnswer(response.status(), jsonObject(response.body()));
        } catch (RefusedAddressException e) {
            throw new RegistrationFailedException(RegistrationError.PRIVATE_ADDRESS, e.getMessage(), null, e);
        } catch (ResponseTooLargeException e) {
            return new PlatformAnswer(e.status(), null); // as good as no JSON object: the caller says which is wrong
        } catch (IOException e) {
            throw new RegistrationFailedException(RegistrationError.PLATFORM_UNREACHABLE, request + ": " + e, null, e);
        }
    }

    /** The answer as a JSON object, or {@code null} when it is empty or not a JSON object. */
    private Map<String, Object> jsonObject(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            return json.readValue(body, JSON_OBJECT);
        } catch (JacksonException e) {
            return null;
        }
    }
}
