package nl.leerlog.tool.registration.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import nl.leerlog.lti.config.LtiProperties;
import nl.leerlog.lti.login.ToolUrls;
import nl.leerlog.lti.toolconfig.PlatformConfiguration;
import nl.leerlog.tool.registration.RegistrationStatus;
import nl.leerlog.tool.registration.internal.DynamicRegistration.CompletedRegistration;
import nl.leerlog.tool.system.SecurityConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The page an LMS opens in a frame for LTI Dynamic Registration 1.0 (DR §3.3): it registers Leerlog with the
 * platform right away and tells the admin the outcome, in their browser's language. The platform is not
 * registered yet, so the page's own policy lets the platform frame it.
 */
@Controller
record DynamicRegistrationController(
        DynamicRegistration registration, ToolDescriptions descriptions, PlatformClient platforms, LtiProperties lti) {

    static final String PATH = "/lti/registration";

    private static final Logger log = LoggerFactory.getLogger(DynamicRegistrationController.class);
    private static final int MAX_URL_LENGTH = 2000;
    private static final int MAX_TOKEN_LENGTH = 16384;
    /** RFC 6750 §2.1 b64token: what may follow "Bearer " in an Authorization header. */
    private static final Pattern BEARER_TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");
    /** The application's policy (see SecurityConfiguration), with this page's own frame-ancestors appended. */
    private static final String PAGE_POLICY = SecurityConfiguration.CONTENT_SECURITY_POLICY + "; ";

    @GetMapping(PATH)
    String register(
            @RequestParam(name = "openid_configuration", required = false) String openidConfiguration,
            @RequestParam(name = "registration_token", required = false) String registrationToken,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        URI configurationUrl = configurationUrl(openidConfiguration);
        if (registrationToken != null
                && !registrationToken.isEmpty()
                && (registrationToken.length() > MAX_TOKEN_LENGTH
                        || !BEARER_TOKEN.matcher(registrationToken).matches())) {
            throw new RegistrationFailedException(RegistrationError.TOKEN_INVALID, "not a bearer token");
        }
        CompletedRegistration completed =
                registration.register(configurationUrl, registrationToken, descriptions.forRequest(request));
        allowFraming(response, configurationUrl, URI.create(completed.issuer()));
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("registration", completed);
        model.addAttribute("pending", completed.status() == RegistrationStatus.PENDING);
        return "registration/done";
    }

    @ExceptionHandler(RegistrationFailedException.class)
    ModelAndView failed(RegistrationFailedException failure, HttpServletRequest request, HttpServletResponse response) {
        log.warn("Dynamic Registration refused: {}", failure.getMessage());
        allowFraming(response, lenientUrl(request.getParameter("openid_configuration")), null);
        response.setHeader("Cache-Control", "no-store");
        RegistrationError error = failure.error();
        ModelAndView page = new ModelAndView("registration/failed");
        page.setStatus(HttpStatus.valueOf(error.status()));
        page.addObject("messageKey", error.messageKey());
        page.addObject("adviceKey", error.adviceKey());
        page.addObject("errorCode", error.code());
        page.addObject("field", failure.field());
        return page;
    }

    /** The configuration URL as the LMS gave it, or the reason it cannot be used (DR §3.3, §3.4). */
    private URI configurationUrl(String value) {
        if (value == null || value.isBlank()) {
            throw new RegistrationFailedException(
                    RegistrationError.CONFIGURATION_URL_MISSING, "no openid_configuration");
        }
        URI uri = value.length() > MAX_URL_LENGTH ? null : lenientUrl(value);
        if (uri == null || uri.getRawUserInfo() != null) {
            throw new RegistrationFailedException(RegistrationError.CONFIGURATION_URL_INVALID, "not an http(s) URL");
        }
        // https only; plain http for a platform on the developer's own machine (lti.md, Registration).
        if (!PlatformConfiguration.acceptableUrl(uri, platforms.allowsPlainHttp())) {
            throw new RegistrationFailedException(RegistrationError.CONFIGURATION_URL_INSECURE, "plain http");
        }
        return uri;
    }

    /** An absolute http(s) URL with a host, or {@code null}. */
    private static URI lenientUrl(String value) {
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value);
            return PlatformConfiguration.acceptableUrl(uri, true) ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /**
     * Lets the platform that opened this page frame it: the configuration URL's origin and the issuer's, every
     * Instructure-hosted school for Canvas cloud (its admin pages are on the school's own host), and the
     * configured extra origins. The application's header writer keeps a policy that is already set.
     */
    private void allowFraming(HttpServletResponse response, URI configurationUrl, URI issuer) {
        Set<String> origins = new LinkedHashSet<>();
        origins.add("'self'");
        for (URI uri : new URI[] {configurationUrl, issuer}) {
            if (uri != null && PlatformConfiguration.acceptableUrl(uri, true)) {
                origins.add(ToolUrls.origin(uri));
                if (uri.getHost().toLowerCase(Locale.ROOT).endsWith(".instructure.com")) {
                    origins.add("https://*.instructure.com");
                }
            }
        }
        origins.addAll(lti.frameAncestors());
        response.setHeader("Content-Security-Policy", PAGE_POLICY + "frame-ancestors " + String.join(" ", origins));
    }
}
