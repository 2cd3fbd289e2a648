package nl.leerlog.tool.registration;

import java.time.Instant;
import java.util.Set;

/** A stored registration with its deployments. */
public record StoredRegistration(
        long id,
        RegistrationDetails details,
        RegistrationStatus status,
        RegistrationSource source,
        Set<String> deploymentIds,
        Instant createdAt,
        Instant updatedAt) {}
