package nl.leerlog.tool.notifications.internal;

import java.net.URI;
import nl.leerlog.lti.config.LtiProperties;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The absolute links in mails. They point at the tool itself ({@code leerlog.mail.link-url}, else
 * {@code lti.tool-url}, else this instance on localhost in development); a page that needs a launch asks the
 * reader to open Leerlog from their course, and takes them to the page once they have.
 */
@Component
class MailLinks {

    private final String base;

    MailLinks(MailSettings settings, LtiProperties lti, Environment environment) {
        URI configured = settings.linkUrl() != null ? settings.linkUrl() : lti.toolUrl();
        String url = configured != null
                ? configured.toString()
                : "http://localhost:"
                        + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The absolute URL of a path of the tool's own. */
    String to(String path) {
        return base + path;
    }

    /** The host mails' Message-IDs are made under (RFC 5322 §3.6.4: the right side names the generating host). */
    String messageDomain() {
        String host = URI.create(base).getHost();
        return host == null || host.isBlank() ? "leerlog.invalid" : host;
    }
}
