package nl.leerlog.lti.keys;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/** Publishes the tool's public keys, so platforms can check the tool's signed service assertions (Sec §6). */
public class JwksEndpointFilter extends OncePerRequestFilter {

    public static final String PATH = "/.well-known/jwks.json";

    private final RequestMatcher matcher =
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, PATH);
    private final ToolKeys keys;

    public JwksEndpointFilter(ToolKeys keys) {
        this.keys = keys;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!matcher.matches(request)) {
            chain.doFilter(request, response);
            return;
        }
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        // Short enough that a new key is seen well before it signs anything.
        response.setHeader("Cache-Control", "public, max-age=300");
        response.getWriter().write(keys.publicKeys().toString(true));
    }
}
