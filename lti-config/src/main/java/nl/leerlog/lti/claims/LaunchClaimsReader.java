package nl.leerlog.lti.claims;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.leerlog.lti.failure.LtiError;
import nl.leerlog.lti.failure.LtiLaunchException;
import nl.leerlog.lti.registration.RegistrationKey;

/**
 * Reads the LTI claims of a signature-checked id_token into an {@link LtiLaunch}, refusing the launch
 * when a required claim is missing or any claim has the wrong JSON type (Core §5.3, §5.4).
 */
public final class LaunchClaimsReader {

    private LaunchClaimsReader() {}

    public static LtiLaunch read(RegistrationKey registration, JWTClaimsSet claims) {
        Map<String, Object> all = claims.getClaims();

        // Core §5.3.1: message type; only resource link launches are handled here.
        String messageType = string(all, LtiClaims.MESSAGE_TYPE);
        if (messageType == null) {
            throw new LtiLaunchException(LtiError.MESSAGE_TYPE_MISSING, "no message_type claim");
        }
        if (!LtiClaims.RESOURCE_LINK_REQUEST.equals(messageType)) {
            throw new LtiLaunchException(LtiError.MESSAGE_TYPE_UNSUPPORTED, "message_type " + messageType);
        }
        // Core §5.3.2: version must be 1.3.0.
        String version = string(all, LtiClaims.VERSION);
        if (!LtiClaims.LTI_VERSION.equals(version)) {
            throw new LtiLaunchException(LtiError.VERSION_UNSUPPORTED, "version " + version);
        }
        // Core §5.3.3: deployment id (its registration check follows in the validator).
        String deploymentId = id(all, LtiClaims.DEPLOYMENT_ID);
        if (deploymentId == null) {
            throw new LtiLaunchException(LtiError.DEPLOYMENT_MISSING, "no deployment_id claim");
        }
        // Core §5.3.4: target link URI.
        String targetLinkUri = string(all, LtiClaims.TARGET_LINK_URI);
        if (targetLinkUri == null) {
            throw new LtiLaunchException(LtiError.TARGET_LINK_MISSING, "no target_link_uri claim");
        }
        // Core §5.3.5: resource link with an id.
        Map<String, Object> link = object(all, LtiClaims.RESOURCE_LINK);
        String linkId = link == null ? null : id(link, "id");
        if (linkId == null) {
            throw new LtiLaunchException(LtiError.RESOURCE_LINK_MISSING, "no resource_link.id");
        }
        // Core §5.3.7: roles is required but may be an empty array.
        if (all.get(LtiClaims.ROLES) == null) {
            throw new LtiLaunchException(LtiError.ROLES_MISSING, "no roles claim");
        }
        List<String> roles = stringList(all, LtiClaims.ROLES);
        // Core §5.3.6: sub is required for a user launch; ids are strings (anonymous launches are not handled).
        String subject = id(all, "sub");
        if (subject == null) {
            throw new LtiLaunchException(LtiError.SUBJECT_MISSING, "no sub claim");
        }

        Map<String, Object> context = object(all, LtiClaims.CONTEXT);
        Map<String, Object> presentation = object(all, LtiClaims.LAUNCH_PRESENTATION);
        Map<String, Object> nrps = object(all, LtiClaims.NAMES_ROLE_SERVICE);
        Map<String, Object> platform = object(all, LtiClaims.TOOL_PLATFORM);

        return new LtiLaunch(
                registration,
                deploymentId,
                subject,
                messageType,
                targetLinkUri,
                new LtiLaunch.ResourceLink(linkId, string(link, "title")),
                context == null || id(context, "id") == null
                        ? null
                        : new LtiLaunch.Context(
                                id(context, "id"),
                                string(context, "label"),
                                string(context, "title"),
                                stringList(context, "type")),
                roles,
                new LtiLaunch.Person(
                        string(all, "name"),
                        string(all, "given_name"),
                        string(all, "family_name"),
                        string(all, "email")),
                string(all, "locale"),
                presentation == null
                        ? null
                        : new LtiLaunch.Presentation(
                                string(presentation, "document_target"),
                                string(presentation, "return_url"),
                                string(presentation, "locale")),
                customClaims(all),
                nrps == null || string(nrps, "context_memberships_url") == null
                        ? null
                        : new LtiLaunch.NamesRoleService(
                                string(nrps, "context_memberships_url"), stringList(nrps, "service_versions")),
                platform == null
                        ? null
                        : new LtiLaunch.PlatformInstance(
                                string(platform, "guid"),
                                string(platform, "name"),
                                string(platform, "product_family_code")),
                string(all, LtiClaims.CANVAS_PLACEMENT),
                claims.toString());
    }

    /**
     * A string claim, or {@code null} when absent, blank, or an unresolved substitution variable:
     * Canvas sends {@code $Canvas.user.id} literally when it has no value.
     */
    static String string(Map<String, Object> claims, String name) {
        Object value = claims.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw wrongType(name, "a string");
        }
        return absentIfPlaceholder(text);
    }

    /**
     * An identifier claim: a string of at most 255 characters without control characters (Core §5.3.3,
     * §5.3.5, §5.3.6, §5.4.1; OIDC Core §2 for {@code sub}).
     */
    static String id(Map<String, Object> claims, String name) {
        String value = string(claims, name);
        if (value != null && (value.length() > 255 || value.chars().anyMatch(Character::isISOControl))) {
            throw new LtiLaunchException(LtiError.CLAIM_WRONG_TYPE, "claim " + name + " is not a valid id");
        }
        return value;
    }

    private static String absentIfPlaceholder(String text) {
        return text.isBlank() || text.startsWith("$") ? null : text;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<String, Object> claims, String name) {
        Object value = claims.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw wrongType(name, "an object");
        }
        return (Map<String, Object>) map;
    }

    private static List<String> stringList(Map<String, Object> claims, String name) {
        Object value = claims.get(name);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw wrongType(name, "an array");
        }
        List<String> strings = new ArrayList<>(list.size());
        for (Object item : list) {
            if (!(item instanceof String text)) {
                throw wrongType(name, "an array of strings");
            }
            strings.add(text);
        }
        return Collections.unmodifiableList(strings);
    }

    private static Map<String, String> customClaims(Map<String, Object> claims) {
        Map<String, Object> custom = object(claims, LtiClaims.CUSTOM);
        if (custom == null) {
            return Map.of();
        }
        Map<String, String> values = new LinkedHashMap<>();
        custom.forEach((key, value) -> {
            // Custom values are strings by Core §5.4.6; other JSON types are kept as their JSON text.
            String text = value instanceof String s ? absentIfPlaceholder(s) : value == null ? null : value.toString();
            if (text != null) {
                values.put(key, text);
            }
        });
        return Collections.unmodifiableMap(values);
    }

    private static LtiLaunchException wrongType(String name, String expected) {
        return new LtiLaunchException(LtiError.CLAIM_WRONG_TYPE, "claim " + name + " is not " + expected);
    }
}
