package nl.leerlog.lti.failure;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.web.util.HtmlUtils;

/** The failure page when the application brings none of its own: the reason in the user's language and the error id. */
public class PlainFailurePage implements LtiFailureHandler {

    private final MessageSource messages;

    public PlainFailurePage(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public void onFailure(
            HttpServletRequest request, HttpServletResponse response, LtiLaunchException failure, String errorId)
            throws IOException {
        Locale locale = request.getLocale();
        String title = messages.getMessage("lti.error.title", null, "The tool could not be opened", locale);
        String reason =
                messages.getMessage(failure.messageKey(), null, failure.error().defaultMessage(), locale);
        String idText = messages.getMessage("lti.error.id", new Object[] {errorId}, "Error id: " + errorId, locale);
        response.setStatus(failure.error().status());
        response.setContentType("text/html");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        response.getWriter()
                .write("<!DOCTYPE html><html lang=\"" + locale.getLanguage()
                        + "\"><head><meta charset=\"utf-8\"><title>"
                        + HtmlUtils.htmlEscape(title) + "</title></head><body><main><h1>" + HtmlUtils.htmlEscape(title)
                        + "</h1><p>" + HtmlUtils.htmlEscape(reason) + "</p><p><code>" + HtmlUtils.htmlEscape(idText)
                        + "</code></p></main></body></html>");
    }
}
