package nl.leerlog.tool.admin.internal.registrations;

import jakarta.servlet.http.HttpServletResponse;
import nl.leerlog.tool.admin.internal.registrations.RegistrationsController.ConfiguredRegistrationNotFound;
import nl.leerlog.tool.registration.RegistrationAdministration.RegistrationNotFound;
import nl.leerlog.tool.registration.RegistrationAdministration.StatusChangeRefused;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** The console's own pages for a request it cannot serve: a registration that is gone, a change that does not apply. */
@ControllerAdvice(basePackages = "nl.leerlog.tool.admin")
class AdminErrorPages {

    @ExceptionHandler({RegistrationNotFound.class, ConfiguredRegistrationNotFound.class})
    String notFound(HttpServletResponse response, Model model) {
        return page(response, model, HttpStatus.NOT_FOUND, "admin.error.not-found.title", "admin.error.not-found.text");
    }

    @ExceptionHandler(StatusChangeRefused.class)
    String statusChangeRefused(HttpServletResponse response, Model model) {
        return page(
                response,
                model,
                HttpStatus.CONFLICT,
                "admin.error.status-change.title",
                "admin.error.status-change.text");
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    String badRequest(HttpServletResponse response, Model model) {
        return page(
                response,
                model,
                HttpStatus.BAD_REQUEST,
                "admin.error.bad-request.title",
                "admin.error.bad-request.text");
    }

    private static String page(
            HttpServletResponse response, Model model, HttpStatus status, String titleKey, String textKey) {
        response.setStatus(status.value());
        model.addAttribute("titleKey", titleKey);
        model.addAttribute("textKey", textKey);
        return "admin/error";
    }
}
