package nl.leerlog.lti.services;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import nl.leerlog.lti.registration.PlatformRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP to a platform's services, tried again with a doubling wait when the platform answers 5xx or cannot be
 * reached: such failures are usually brief (a deploy, an overloaded node). Every other answer is returned as it
 * came, for the caller to judge.
 */
public class PlatformHttp {

    private static final Logger log = LoggerFactory.getLogger(PlatformHttp.class);

    private final HttpClient client;
    private final ServiceCallSettings settings;

    public PlatformHttp(ServiceCallSettings settings) {
        this(HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build(), settings);
    }

    public PlatformHttp(HttpClient client, ServiceCallSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    /**
     * Sends the request, up to {@link ServiceCallSettings#attempts()} times.
     *
     * @param purpose what the call is for, as named in errors ("token request", "membership page")
     * @throws ServiceCallException when the last attempt still failed with 5xx or an I/O error
     */
    public HttpResponse<String> send(HttpRequest.Builder request, PlatformRegistration registration, String purpose) {
        HttpRequest built = request.timeout(settings.requestTimeout()).build();
        Duration delay = settings.firstRetryDelay();
        for (int attempt = 1; ; attempt++) {
            String failure;
            IOException cause = null;
            int status = 0;
            try {
                HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() < 500) {
                    return response;
                }
                status = response.statusCode();
                failure = "HTTP " + status;
            } catch (IOException e) {
                cause = e;
                failure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServiceCallException(registration.id(), purpose + " to " + built.uri()
                        + " for registration " + registration.id() + " was interrupted", e);
            }
            if (attempt >= settings.attempts()) {
                String message = purpose + " to " + built.uri() + " for registration " + registration.id()
                        + " failed " + attempt + " times, last with " + failure;
                throw cause != null ? new ServiceCallException(registration.id(), message, cause)
                        : new ServiceCallException(registration.id(), status, message);
            }
            log.debug("{} for registration {} failed ({}), attempt {} of {}; trying again in {}", purpose,
                    registration.id(), failure, attempt, settings.attempts(), delay);
            pause(delay, registration, purpose);
            delay = delay.multipliedBy(2);
        }
    }

    private static void pause(Duration delay, PlatformRegistration registration, String purpose) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceCallException(registration.id(), purpose + " for registration " + registration.id()
                    + " was interrupted while waiting to try again", e);
        }
    }
}
