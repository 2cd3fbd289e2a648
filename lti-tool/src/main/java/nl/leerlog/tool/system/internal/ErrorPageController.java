package nl.leerlog.tool.system.internal;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import nl.leerlog.lti.failure.LtiFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error that reaches the servlet container: an RFC 9457 problem for {@code /api/**}, a friendly page in
 * the user's language for everything else. Never a stack trace. A failure of Leerlog's own gets an error id, on the
 * page and in the log line with the exception, so a user's report leads to the log; an unreachable database is a
 * 503 that asks to try again shortly, not a 500.
 */
@Controller
record ErrorPageController(JsonMapper json) implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorPageController.class);

    /** How long a client should wait before trying again while the database is away: a restart takes seconds. */
    static final String RETRY_AFTER_SECONDS = "10";

    @RequestMapping("/error")
    ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        HttpStatus status = databaseUnavailable(failure) ? HttpStatus.SERVICE_UNAVAILABLE : status(request);
        String errorId = null;
        if (status.is5xxServerError()) {
            errorId = LtiFailures.errorId();
            log.error("Request failed with {} (error id {})", status.value(), errorId, failure);
        }
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        response.setStatus(status.value());
        if (uri instanceof String path && ErrorAnswers.isApi(path)) {
            ProblemDetail problem = ProblemDetail.forStatus(status);
            problem.setInstance(java.net.URI.create(path));
            if (errorId != null) {
                problem.setProperty("errorId", errorId);
            }
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem);
            return null;
        }
        ModelAndView page = new ModelAndView("error");
        page.addObject("status", status.value());
        page.addObject("errorId", errorId);
        page.setStatus(status);
        return page;
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status != null ? status : HttpStatus.NOT_FOUND;
    }

    /** Whether the failure is the database being out of reach (restarting, failing over), anywhere in its causes. */
    static boolean databaseUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessResourceException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }
}
