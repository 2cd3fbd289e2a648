package nl.leerlog.lti.toolconfig;

import java.util.Map;
import java.util.Optional;
import nl.leerlog.lti.toolconfig.PlatformConfigurationException.Problem;

/**
 * The platform's answer to the client registration (DR, client registration response): the client id it gave the tool and, when the
 * platform made one right away (Canvas, Moodle), the deployment id in the tool configuration it echoes.
 */
public record ClientRegistrationResponse(String clientId, Optional<String> deploymentId) {

    public static ClientRegistrationResponse read(Map<String, ?> json) {
        Object clientId = json.get("client_id");
        // Some platforms answer ids as JSON numbers; the tool keeps every LTI id as a string.
        String id =
                clientId instanceof String text ? text : clientId instanceof Number number ? number.toString() : null;
        if (id == null || id.isBlank()) {
            throw new PlatformConfigurationException(Problem.CLIENT_ID_MISSING, "client_id");
        }
        Optional<String> deployment = Optional.empty();
        if (json.get(ClientRegistrationRequest.TOOL_CONFIGURATION) instanceof Map<?, ?> configuration) {
            Object value = configuration.get("deployment_id");
            if (value instanceof String text && !text.isBlank()) {
                deployment = Optional.of(text);
            } else if (value instanceof Number number) {
                deployment = Optional.of(number.toString());
            }
        }
        return new ClientRegistrationResponse(id, deployment);
    }
}
