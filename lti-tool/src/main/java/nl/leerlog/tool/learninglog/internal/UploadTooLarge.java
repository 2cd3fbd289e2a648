package nl.leerlog.tool.learninglog.internal;

import nl.leerlog.tool.learninglog.internal.evidence.EvidenceSettings;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A file above the upload limit is refused before any controller runs (Spring's multipart limits follow
 * {@code leerlog.evidence.max-file-size}); the student gets a page that says what the limit is, not an error 500.
 * Not limited to this package: no controller is chosen yet when the upload is read.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE) // before system.UnreadableRequests, which answers every other multipart failure
record UploadTooLarge(EvidenceSettings settings) {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge() {
        ModelAndView page = new ModelAndView("learninglog/too-large");
        page.addObject("status", HttpStatus.CONTENT_TOO_LARGE.value());
        page.addObject("maxFileSize", settings.maxFileSizeLabel());
        page.addObject("maxRequestSize", settings.maxRequestSizeLabel());
        page.setStatus(HttpStatus.CONTENT_TOO_LARGE);
        return page;
    }
}
