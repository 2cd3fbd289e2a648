package nl.leerlog.tool.system.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import nl.leerlog.tool.system.DatabaseText;
import org.springframework.boot.servlet.filter.OrderedFormContentFilter;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, with a 400, any request with a control character other than tab and line breaks in a parameter name or
 * value: query string, form or multipart field, on every page, API and LTI endpoint alike. No one types them; a NUL
 * would fail the request on PostgreSQL, which holds no NUL in any text, and the rest only hide in what others read.
 * The one check for all forms, before Spring Security and every controller.
 */
@Component
@Order(OrderedFormContentFilter.DEFAULT_ORDER + 1) // after PUT and DELETE form bodies became parameters
public class ControlCharacterFilter extends OncePerRequestFilter {

    private final UnreadableRequests refusals;

    ControlCharacterFilter(UnreadableRequests refusals) {
        this.refusals = refusals;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (IllegalStateException unreadable) {
            // The container could not read the body (an upload above the limit, a multipart body without boundary).
            // Whoever reads it next meets the same failure and answers it: Spring's multipart resolution gives the
            // "file too large" page or UnreadableRequests' 400.
            chain.doFilter(request, response);
            return;
        }
        boolean clean = parameters.entrySet().stream()
                .allMatch(parameter -> DatabaseText.typeable(parameter.getKey())
                        && Arrays.stream(parameter.getValue()).allMatch(DatabaseText::typeable));
        if (!clean) {
            refusals.refuse(request, response, UnreadableRequests.Reason.CONTROL_CHARACTER);
            return;
        }
        chain.doFilter(request, response);
    }
}
