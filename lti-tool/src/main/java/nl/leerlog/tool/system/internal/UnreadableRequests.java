package nl.leerlog.tool.system.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MultipartException;

/**
 * The 400 answer to a request Leerlog cannot take as it is: a page in the user's language, or RFC 9457 problem
 * details for {@code /api/**}. Also the answer to a multipart body that cannot be read (no boundary, cut off):
 * Spring meets it before any controller is chosen, so it is answered here for all of them. Ordered last, so the
 * "file too large" page (learninglog.UploadTooLarge) keeps its own multipart failure.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public record UnreadableRequests(ErrorAnswers answers) {

    /**
     * Why a request is refused: the page's messages ({@code <messages>.title} and {@code <messages>.text}) and the
     * problem's English title and detail.
     */
    public record Reason(String messages, String problemTitle, String problemDetail) {

        public static final Reason CONTROL_CHARACTER = new Reason(
                "error.characters",
                "Unusable characters",
                "A parameter contains a control character; of those only tab and line breaks are accepted.");

        public static final Reason UNREADABLE_BODY = new Reason(
                "error.unreadable",
                "Unreadable request body",
                "The multipart body could not be read: it has no boundary or is not complete.");
    }

    @ExceptionHandler(MultipartException.class)
    void unreadableBody(HttpServletRequest request, HttpServletResponse response) throws IOException {
        refuse(request, response, Reason.UNREADABLE_BODY);
    }

    public void refuse(HttpServletRequest request, HttpServletResponse response, Reason reason) throws IOException {
        answers.refuse(
                request,
                response,
                HttpStatus.BAD_REQUEST,
                reason.messages + ".title",
                reason.messages + ".text",
                reason.problemTitle,
                reason.problemDetail);
    }
}
