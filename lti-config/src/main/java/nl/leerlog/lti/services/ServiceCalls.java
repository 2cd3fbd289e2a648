package nl.leerlog.lti.services;

import java.io.IOException;
import java.time.Duration;
import nl.leerlog.lti.http.PlatformHttp;
import nl.leerlog.lti.http.PlatformRequest;
import nl.leerlog.lti.http.PlatformResponse;
import nl.leerlog.lti.http.RefusedAddressException;
import nl.leerlog.lti.http.ResponseTooLargeException;
import nl.leerlog.lti.registration.PlatformRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls to a platform's services, through {@link PlatformHttp}, tried again with a doubling wait when the
 * platform answers 5xx or cannot be reached: such failures are usually brief (a deploy, an overloaded node). A
 * URL the address policy refuses, or an answer too large, is not tried again. Every other answer is returned as
 * it came, for the caller to judge.
 */
public class ServiceCalls {

    private static final Logger log = LoggerFactory.getLogger(ServiceCalls.class);

    private final PlatformHttp http;
    private final ServiceCallSettings settings;

    public ServiceCalls(PlatformHttp http, ServiceCallSettings settings) {
        this.http = http;
        this.settings = settings;
    }

    /**
     * Sends the request, up to {@link ServiceCallSettings#attempts()} times.
     *
     * @param purpose what the call is for, as named in errors ("token request", "membership request")
     * @throws ServiceCallException when the URL is refused, the answer is too large, or the last attempt still
     *     failed with 5xx or an I/O error
     */
    public PlatformResponse send(PlatformRequest request, PlatformRegistration registration, String purpose) {
        PlatformRequest timed = request.withTimeout(settings.requestTimeout());
        Duration delay = settings.firstRetryDelay();
        for (int attempt = 1; ; attempt++) {
            String failure;
            IOException cause = null;
            int status = 0;
            try {
                PlatformResponse response = http.send(timed);
                if (response.status() < 500) {
                    return response;
                }
                status = response.status();
                failure = "HTTP " + status;
            } catch (RefusedAddressException | ResponseTooLargeException e) {
                throw new ServiceCallException(
                        registration.id(),
                        purpose + " to " + request.uri() + " for registration " + registration.id() + " failed: "
                                + e.getMessage(),
                        e);
            } catch (IOException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new ServiceCallException(
                            registration.id(),
                            purpose + " to " + request.uri() + " for registration " + registration.id()
                                    + " was interrupted",
                            e);
                }
                cause = e;
                failure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
            if (attempt >= settings.attempts()) {
                String message = purpose + " to " + request.uri() + " for registration " + registration.id()
                        + " failed " + attempt + " times, last with " + failure;
                throw cause != null
                        ? new ServiceCallException(registration.id(), message, cause)
                        : new ServiceCallException(registration.id(), status, message);
            }
            log.debug(
                    "{} for registration {} failed ({}), attempt {} of {}; trying again in {}",
                    purpose,
                    registration.id(),
                    failure,
                    attempt,
                    settings.attempts(),
                    delay);
            pause(delay, registration, purpose);
            delay = delay.multipliedBy(2);
        }
    }

    private static void pause(Duration delay, PlatformRegistration registration, String purpose) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceCallException(
                    registration.id(),
                    purpose + " for registration " + registration.id() + " was interrupted while waiting to try again",
                    e);
        }
    }
}
