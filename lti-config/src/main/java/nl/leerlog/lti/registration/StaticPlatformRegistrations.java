package nl.leerlog.lti.registration;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Registrations fixed at start-up, from {@code lti.platforms[N].*} properties or a test. */
public class StaticPlatformRegistrations implements PlatformRegistrations {

    private final List<PlatformRegistration> registrations;

    public StaticPlatformRegistrations(List<PlatformRegistration> registrations) {
        this.registrations = List.copyOf(registrations);
    }

    @Override
    public Optional<PlatformRegistration> find(String issuer, String clientId) {
        return registrations.stream()
                .filter(r -> r.issuer().equals(issuer) && r.clientId().equals(clientId))
                .findFirst();
    }

    @Override
    public List<PlatformRegistration> findByIssuer(String issuer) {
        return registrations.stream().filter(r -> r.issuer().equals(issuer)).toList();
    }

    @Override
    public Collection<PlatformRegistration> all() {
        return registrations;
    }
}
