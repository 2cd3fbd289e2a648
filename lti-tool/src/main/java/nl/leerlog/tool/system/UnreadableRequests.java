package nl.leerlog.tool.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MultipartException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The 400 answer to a request Leerlog cannot take as it is: a page in the user's language, or RFC 9457 problem
 * details for {@code /api/**}. Also the answer to a multipart body that cannot be read (no boundary, cut off):
 * Spring meets it before any controller is chosen, so it is answered here for all of them. Ordered last, so the
 * "file too large" page (learninglog.UploadTooLarge) keeps its own multipart failure.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class UnreadableRequests {

    /** Why a request is refused: the page's texts and the problem's English title and detail. */
    public enum Reason {
        CONTROL_CHARACTER("error.characters.title", "error.characters.text", "Unusable characters",
                "A parameter contains a control character; of those only tab and line breaks are accepted."),
        UNREADABLE_BODY("error.unreadable.title", "error.unreadable.text", "Unreadable request body",
                "The multipart body could not be read: it has no boundary or is not complete.");

        private final String titleKey;
        private final String textKey;
        private final String problemTitle;
        private final String problemDetail;

        Reason(String titleKey, String textKey, String problemTitle, String problemDetail) {
            this.titleKey = titleKey;
            this.textKey = textKey;
            this.problemTitle = problemTitle;
            this.problemDetail = problemDetail;
        }
    }

    private final PageRenderer pages;
    private final JsonMapper json;

    UnreadableRequests(PageRenderer pages, JsonMapper json) {
        this.pages = pages;
        this.json = json;
    }

    @ExceptionHandler(MultipartException.class)
    void unreadableBody(HttpServletRequest request, HttpServletResponse response) throws IOException {
        refuse(request, response, Reason.UNREADABLE_BODY);
    }

    public void refuse(HttpServletRequest request, HttpServletResponse response, Reason reason) throws IOException {
        HttpStatus status = HttpStatus.BAD_REQUEST;
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, reason.problemDetail);
            problem.setTitle(reason.problemTitle);
            response.setStatus(status.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem);
            return;
        }
        pages.render(request, response, status.value(), "error/page",
                Map.of("status", status.value(), "titleKey", reason.titleKey, "textKey", reason.textKey),
                new LaunchLocaleResolver().resolveLocale(request));
    }
}
