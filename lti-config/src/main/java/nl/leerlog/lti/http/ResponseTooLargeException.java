package nl.leerlog.lti.http;

import java.io.IOException;

/** A platform's answer larger than {@link PlatformHttpSettings#maxResponseSize()}; it was not read to the end. */
public class ResponseTooLargeException extends IOException {

    private final int status;

    public ResponseTooLargeException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status of the answer that was too large. */
    public int status() {
        return status;
    }
}
