package nl.leerlog.tool.system.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import nl.leerlog.tool.system.PageRenderer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * How Leerlog answers a request it refuses outside a controller (security, filters, advice): RFC 9457 problem
 * details for {@code /api/**}, the error page in the user's language for everything else.
 */
@Component
public record ErrorAnswers(PageRenderer pages, JsonMapper json) {

    /** Whether a path is the JSON API's, which answers problems rather than pages. */
    public static boolean isApi(String path) {
        return path != null && path.startsWith("/api/");
    }

    /** The problem for the API, the page (title and text as message keys) for everything else. */
    public void refuse(
            HttpServletRequest request,
            HttpServletResponse response,
            HttpStatus status,
            String titleKey,
            String textKey,
            String problemTitle,
            String problemDetail)
            throws IOException {
        if (isApi(request.getRequestURI().substring(request.getContextPath().length()))) {
            problem(response, status, problemTitle, problemDetail);
        } else {
            page(request, response, status, titleKey, textKey);
        }
    }

    public void page(
            HttpServletRequest request,
            HttpServletResponse response,
            HttpStatus status,
            String titleKey,
            String textKey) {
        pages.render(
                request,
                response,
                status.value(),
                "error/page",
                Map.of("status", status.value(), "titleKey", titleKey, "textKey", textKey),
                new LaunchLocaleResolver().resolveLocale(request));
    }

    public void problem(HttpServletResponse response, HttpStatus status, String title, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
