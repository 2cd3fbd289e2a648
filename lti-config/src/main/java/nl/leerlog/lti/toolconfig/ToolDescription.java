package nl.leerlog.lti.toolconfig;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.leerlog.lti.keys.JwksEndpointFilter;
import nl.leerlog.lti.login.LoginInitiationFilter;
import nl.leerlog.lti.login.ToolUrls;

/**
 * What the tool tells a platform about itself, from which the Canvas developer key JSON
 * ({@link CanvasDeveloperKey}) and the Dynamic Registration request ({@link ClientRegistrationRequest}) are made.
 *
 * @param toolOrigin the tool's public origin ({@code https://leerlog.example.nl}); its LTI URLs are derived from it
 * @param name the tool's name
 * @param description one or two sentences for the platform's admin screens
 * @param placementLabel the text of the course navigation entry
 * @param iconPath the path of the tool's icon under its origin
 * @param scopes the LTI Advantage scopes the tool asks for
 * @param claims the OpenID claims the tool wants in each launch (DR §3.5.2, {@code claims})
 * @param customParameters custom parameters with their substitution variables
 * @param privacyLevel what Canvas may share about users
 */
public record ToolDescription(
        URI toolOrigin,
        LocalizedText name,
        LocalizedText description,
        LocalizedText placementLabel,
        String iconPath,
        List<String> scopes,
        List<String> claims,
        Map<String, String> customParameters,
        PrivacyLevel privacyLevel) {

    /** Canvas's name of the course menu placement; Dynamic Registration with Canvas accepts it as well. */
    public static final String COURSE_NAVIGATION = "course_navigation";

    public ToolDescription {
        Objects.requireNonNull(toolOrigin, "toolOrigin");
        toolOrigin = URI.create(ToolUrls.origin(toolOrigin));
        scopes = List.copyOf(scopes);
        claims = List.copyOf(claims);
        customParameters = Map.copyOf(customParameters);
        Objects.requireNonNull(privacyLevel, "privacyLevel");
    }

    /** Where the platform starts the OIDC login (Sec §5.1.1). */
    public URI loginUri() {
        return toolOrigin.resolve(LoginInitiationFilter.PATH);
    }

    /** Where launches land: the target link and the only redirect URI. */
    public URI launchUri() {
        return toolOrigin.resolve(LoginInitiationFilter.LAUNCH_PATH);
    }

    /** The tool's public keys. */
    public URI jwksUri() {
        return toolOrigin.resolve(JwksEndpointFilter.PATH);
    }

    public URI iconUri() {
        return toolOrigin.resolve(iconPath);
    }

    /** The tool's host, with its port when that is not the scheme's default. */
    public String domain() {
        return toolOrigin.getAuthority();
    }
}
