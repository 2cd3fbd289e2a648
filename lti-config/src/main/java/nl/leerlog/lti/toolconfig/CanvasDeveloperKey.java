package nl.leerlog.lti.toolconfig;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON an LMS admin pastes (or gives by URL) in Canvas: Admin, Developer Keys, LTI key, "Paste JSON" or
 * "Enter URL". One course navigation placement, launched in the course's frame; Canvas's numeric user and
 * course ids come along as custom fields (canvas.md).
 */
public final class CanvasDeveloperKey {

    /** The platform name Canvas looks for in {@code extensions}. */
    public static final String CANVAS_PLATFORM = "canvas.instructure.com";

    private CanvasDeveloperKey() {}

    /** The developer key configuration as JSON-ready maps and lists, in Canvas's field order. */
    public static Map<String, Object> json(ToolDescription tool, String defaultLanguage, List<String> labelLanguages) {
        Map<String, Object> labels = new LinkedHashMap<>();
        labelLanguages.forEach(
                language -> labels.put(language, tool.placementLabel().in(language)));

        Map<String, Object> placement = new LinkedHashMap<>();
        placement.put("placement", ToolDescription.COURSE_NAVIGATION);
        placement.put("message_type", ClientRegistrationRequest.RESOURCE_LINK_REQUEST);
        placement.put("target_link_uri", tool.launchUri().toString());
        placement.put("text", tool.placementLabel().in(defaultLanguage));
        placement.put("labels", labels);
        placement.put("default", "enabled");
        // Members of the course only: students and teachers; admins not enrolled have nothing to see.
        placement.put("visibility", "members");
        placement.put("custom_fields", tool.customParameters());
        placement.put("icon_url", tool.iconUri().toString());

        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("text", tool.name().in(defaultLanguage));
        settings.put("icon_url", tool.iconUri().toString());
        settings.put("placements", List.of(placement));

        Map<String, Object> extension = new LinkedHashMap<>();
        extension.put("platform", CANVAS_PLATFORM);
        extension.put("domain", tool.domain());
        extension.put("privacy_level", tool.privacyLevel().value());
        extension.put("settings", settings);

        Map<String, Object> key = new LinkedHashMap<>();
        key.put("title", tool.name().in(defaultLanguage));
        key.put("description", tool.description().in(defaultLanguage));
        key.put("oidc_initiation_url", tool.loginUri().toString());
        key.put("target_link_uri", tool.launchUri().toString());
        key.put("redirect_uris", List.of(tool.launchUri().toString()));
        key.put("public_jwk_url", tool.jwksUri().toString());
        key.put("scopes", tool.scopes());
        key.put("extensions", List.of(extension));
        key.put("custom_fields", tool.customParameters());
        return key;
    }
}
