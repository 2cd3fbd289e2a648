package nl.leerlog.lti.toolconfig;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tool's client registration for LTI Dynamic Registration 1.0 (DR §3.5.2): an OpenID Connect Dynamic
 * Client Registration request with the LTI tool configuration claim, plus Canvas's
 * privacy level.
 */
public final class ClientRegistrationRequest {

    public static final String TOOL_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-tool-configuration";
    public static final String CANVAS_PRIVACY_LEVEL = "https://canvas.instructure.com/lti/privacy_level";
    public static final String RESOURCE_LINK_REQUEST = "LtiResourceLinkRequest";

    private ClientRegistrationRequest() {}

    /**
     * The request body. Texts are in the default language; each translation is added as {@code name#lang},
     * as OpenID Connect Registration §2.1 allows for human-readable fields.
     */
    public static Map<String, Object> json(ToolDescription tool, String defaultLanguage) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", RESOURCE_LINK_REQUEST);
        message.put("target_link_uri", tool.launchUri().toString());
        putLocalized(message, "label", tool.placementLabel(), defaultLanguage);
        message.put("icon_uri", tool.iconUri().toString());
        message.put("placements", List.of(ToolDescription.COURSE_NAVIGATION));
        message.put("custom_parameters", tool.customParameters());

        Map<String, Object> configuration = new LinkedHashMap<>();
        configuration.put("domain", tool.domain());
        putLocalized(configuration, "description", tool.description(), defaultLanguage);
        configuration.put("target_link_uri", tool.launchUri().toString());
        configuration.put("custom_parameters", tool.customParameters());
        configuration.put("claims", tool.claims());
        configuration.put("messages", List.of(message));
        configuration.put(CANVAS_PRIVACY_LEVEL, tool.privacyLevel().value());

        Map<String, Object> request = new LinkedHashMap<>();
        request.put("application_type", "web");
        request.put("response_types", List.of("id_token"));
        request.put("grant_types", List.of("implicit", "client_credentials"));
        request.put("initiate_login_uri", tool.loginUri().toString());
        request.put("redirect_uris", List.of(tool.launchUri().toString()));
        putLocalized(request, "client_name", tool.name(), defaultLanguage);
        request.put("jwks_uri", tool.jwksUri().toString());
        request.put("logo_uri", tool.iconUri().toString());
        request.put("token_endpoint_auth_method", "private_key_jwt");
        request.put("scope", String.join(" ", tool.scopes()));
        request.put(TOOL_CONFIGURATION, configuration);
        return request;
    }

    private static void putLocalized(
            Map<String, Object> target, String field, LocalizedText text, String defaultLanguage) {
        target.put(field, text.in(defaultLanguage));
        text.translations().entrySet().stream()
                .filter(translation -> !translation.getKey().equals(defaultLanguage))
                .sorted(Map.Entry.comparingByKey())
                .forEach(translation -> target.put(field + "#" + translation.getKey(), translation.getValue()));
    }
}
