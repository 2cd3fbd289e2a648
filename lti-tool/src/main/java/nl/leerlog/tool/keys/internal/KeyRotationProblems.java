package nl.leerlog.tool.keys.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import nl.leerlog.tool.keys.RotationTooSoonException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A rotation asked for too soon answers 409 with RFC 9457 problem details, in the user's language. */
@RestControllerAdvice
record KeyRotationProblems(MessageSource messages, Clock clock) {

    @ExceptionHandler(RotationTooSoonException.class)
    ProblemDetail rotationTooSoon(RotationTooSoonException e, Locale locale) {
        long minutes = Math.max(
                1,
                Duration.between(clock.instant(), e.possibleAt())
                        .plusSeconds(59)
                        .toMinutes());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT,
                messages.getMessage("keys.rotation.too-soon.detail", new Object[] {minutes}, locale));
        problem.setTitle(messages.getMessage("keys.rotation.too-soon.title", null, locale));
        problem.setProperty("possibleAt", e.possibleAt().toString());
        return problem;
    }
}
