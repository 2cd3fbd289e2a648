package nl.leerlog.tool.registration.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.leerlog.lti.config.LtiProperties;
import nl.leerlog.lti.login.ToolUrls;
import nl.leerlog.lti.toolconfig.LocalizedText;
import nl.leerlog.lti.toolconfig.LtiScopes;
import nl.leerlog.lti.toolconfig.PrivacyLevel;
import nl.leerlog.lti.toolconfig.ToolDescription;
import nl.leerlog.tool.system.SupportedLocales;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Leerlog as it introduces itself to an LMS: its URLs under {@code lti.tool-url} (or, when that is not set,
 * the origin the request came to), its texts from the message bundles in English and Dutch, the NRPS scope
 * (the course's members for the teacher's overview), and Canvas's numeric ids as custom parameters.
 */
@Component
public class ToolDescriptions {

    /** The language of the texts without a language tag; the others follow as translations. */
    public static final String DEFAULT_LANGUAGE = Locale.ENGLISH.getLanguage();

    public static final List<String> LANGUAGES =
            SupportedLocales.ALL.stream().map(Locale::getLanguage).toList();

    /** OpenID claims for the launch: who the user is, and their language for the pages (lti.md). */
    static final List<String> CLAIMS = List.of("iss", "sub", "name", "given_name", "family_name", "email", "locale");

    /** Canvas's numeric ids; other platforms send the variables back literally, which launches treat as absent. */
    static final Map<String, String> CUSTOM_PARAMETERS = Map.of(
            "canvas_user_id", "$Canvas.user.id",
            "canvas_course_id", "$Canvas.course.id");

    /**
     * The login id as Canvas knows it, for linking students from a CSV file; asked only at the public privacy level,
     * as a school that chose less wants no more shared.
     */
    static final Map<String, String> PUBLIC_CUSTOM_PARAMETERS = Map.of(
            "canvas_user_id", "$Canvas.user.id",
            "canvas_course_id", "$Canvas.course.id",
            "login_id", "$Canvas.user.loginId");

    static final String ICON_PATH = "/images/leerlog-icon.svg";

    private final MessageSource messages;
    private final ToolUrls toolUrls;
    private final CanvasSettings canvas;

    public ToolDescriptions(MessageSource messages, LtiProperties lti, CanvasSettings canvas) {
        this.messages = messages;
        this.toolUrls = new ToolUrls(lti.toolUrl());
        this.canvas = canvas;
    }

    public ToolDescription forRequest(HttpServletRequest request) {
        return new ToolDescription(
                URI.create(toolUrls.origin(request)),
                text("registration.tool.name"),
                text("registration.tool.description"),
                text("registration.tool.placement-label"),
                ICON_PATH,
                List.of(LtiScopes.NRPS_CONTEXT_MEMBERSHIP_READONLY),
                CLAIMS,
                canvas.privacyLevel() == PrivacyLevel.PUBLIC ? PUBLIC_CUSTOM_PARAMETERS : CUSTOM_PARAMETERS,
                canvas.privacyLevel());
    }

    private LocalizedText text(String key) {
        Map<String, String> translations = new java.util.LinkedHashMap<>();
        SupportedLocales.ALL.forEach(
                locale -> translations.put(locale.getLanguage(), messages.getMessage(key, null, locale)));
        return new LocalizedText(translations.get(DEFAULT_LANGUAGE), translations);
    }
}
