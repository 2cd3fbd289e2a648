package nl.leerlog.lti.failure;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import nl.leerlog.lti.registration.RegistrationKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

/** Logs a refused login or launch under a fresh error id, tells listeners, and shows the failure page. */
public class LtiFailures {

    private static final String ERROR_ID_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private static final Logger log = LoggerFactory.getLogger(LtiFailures.class);

    private final LtiFailureHandler handler;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public LtiFailures(LtiFailureHandler handler, ApplicationEventPublisher events, Clock clock) {
        this.handler = handler;
        this.events = events;
        this.clock = clock;
    }

    public void report(
            HttpServletRequest request,
            HttpServletResponse response,
            LtiLaunchException failure,
            RegistrationKey registration,
            String unverifiedClaims)
            throws IOException, ServletException {
        String errorId = errorId();
        log.warn(
                "LTI {} refused, error id {}: {} ({}), registration {}",
                request.getRequestURI(),
                errorId,
                failure.error(),
                failure.getMessage(),
                registration);
        events.publishEvent(new LtiLaunchFailedEvent(
                errorId, failure.error(), failure.getMessage(), registration, unverifiedClaims, clock.instant()));
        if (!response.isCommitted()) {
            response.resetBuffer();
            handler.onFailure(request, response, failure, errorId);
        }
    }

    /** A short id for error pages and logs, easy to read out over the phone. */
    public static String errorId() {
        StringBuilder id = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            id.append(ERROR_ID_ALPHABET.charAt(RANDOM.nextInt(ERROR_ID_ALPHABET.length())));
        }
        return id.toString();
    }
}
