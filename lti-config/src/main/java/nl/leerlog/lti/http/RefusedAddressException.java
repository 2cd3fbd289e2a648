package nl.leerlog.lti.http;

import java.io.IOException;

/**
 * A platform URL the {@link AddressPolicy} refuses: plain http, or a host on a non-public address. Nothing was
 * sent, so trying again cannot help: the registration (or the configuration) must change.
 */
public class RefusedAddressException extends IOException {

    public RefusedAddressException(String message) {
        super(message);
    }
}
