package nl.leerlog.lti.registration;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Where the tool's platform registrations live; the application provides a database-backed one. */
public interface PlatformRegistrations {

    Optional<PlatformRegistration> find(String issuer, String clientId);

    /** All active registrations of one issuer, for login requests that carry no client id. */
    List<PlatformRegistration> findByIssuer(String issuer);

    /** All active registrations, e.g. to build the {@code frame-ancestors} policy. */
    Collection<PlatformRegistration> all();
}
