package nl.leerlog.lti.services;

import nl.leerlog.lti.registration.RegistrationKey;

/**
 * A call to a platform's service that did not succeed: refused (4xx), broken (5xx or unreachable after every
 * attempt) or answered with something the tool cannot read. The message names the registration, so an LMS
 * admin can tell which school's set-up needs attention.
 */
public class ServiceCallException extends RuntimeException {

    private final RegistrationKey registration;
    private final int status;

    public ServiceCallException(RegistrationKey registration, int status, String message) {
        super(message);
        this.registration = registration;
        this.status = status;
    }

    public ServiceCallException(RegistrationKey registration, String message, Throwable cause) {
        super(message, cause);
        this.registration = registration;
        this.status = 0;
    }

    /** The registration (issuer + client id) the call was made for. */
    public RegistrationKey registration() {
        return registration;
    }

    /** The platform's HTTP status, or 0 when no usable answer came. */
    public int status() {
        return status;
    }
}
