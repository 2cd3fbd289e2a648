package nl.leerlog.tool.system.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import nl.leerlog.lti.session.LtiAuthenticationToken;
import nl.leerlog.tool.system.SupportedLocales;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.LocaleResolver;

/** The user's LMS locale from the launch decides the language (principle 7); before a launch, the browser's. */
public class LaunchLocaleResolver implements LocaleResolver {

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof LtiAuthenticationToken lti) {
            return SupportedLocales.closest(lti.launch().preferredLocale());
        }
        return SupportedLocales.fromRequest(request);
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        // Nothing to keep: the language follows the LMS locale of each launch.
    }
}
