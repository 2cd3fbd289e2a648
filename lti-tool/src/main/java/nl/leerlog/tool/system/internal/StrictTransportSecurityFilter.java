package nl.leerlog.tool.system.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In production every answer tells the browser to reach the tool over HTTPS only, for a year (RFC 6797 §6.1), so no
 * session token or student text ever crosses a network in the clear. Sent on every answer, also when TLS ends at a
 * proxy in front: a browser ignores the header on a plain-HTTP answer (RFC 6797 §8.1), so it never locks out a
 * development set-up, which does not run the prod profile anyway.
 */
@Component
@Profile("prod")
@Order(Ordered.HIGHEST_PRECEDENCE)
class StrictTransportSecurityFilter extends OncePerRequestFilter {

    static final String HEADER = "Strict-Transport-Security";
    static final String VALUE = "max-age=31536000; includeSubDomains";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader(HEADER, VALUE);
        chain.doFilter(request, response);
    }
}
