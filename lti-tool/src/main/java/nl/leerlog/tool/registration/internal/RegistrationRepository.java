package nl.leerlog.tool.registration.internal;

import static nl.leerlog.schema.Tables.LTI_DEPLOYMENT;
import static nl.leerlog.schema.Tables.LTI_REGISTRATION;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import nl.leerlog.schema.tables.records.LtiRegistrationRecord;
import nl.leerlog.tool.registration.DatabasePlatformRegistrations;
import nl.leerlog.tool.registration.RegistrationDetails;
import nl.leerlog.tool.registration.RegistrationSource;
import nl.leerlog.tool.registration.RegistrationStatus;
import nl.leerlog.tool.registration.StoredRegistration;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Platform registrations as LMS admins manage them: Dynamic Registration and the admin console write here,
 * {@link DatabasePlatformRegistrations} reads the active ones for launches.
 */
@Repository
public class RegistrationRepository {

    private final DSLContext db;
    private final Clock clock;

    public RegistrationRepository(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Transactional
    public long create(
            RegistrationDetails details,
            RegistrationStatus status,
            RegistrationSource source,
            Set<String> deploymentIds) {
        OffsetDateTime now = now();
        long id = db.insertInto(LTI_REGISTRATION)
                .set(LTI_REGISTRATION.ISSUER, details.issuer())
                .set(LTI_REGISTRATION.CLIENT_ID, details.clientId())
                .set(LTI_REGISTRATION.STATUS, status.name())
                .set(LTI_REGISTRATION.SOURCE, source.name())
                .set(LTI_REGISTRATION.CREATED_AT, now)
                .set(LTI_REGISTRATION.UPDATED_AT, now)
                .set(settings(details))
                .returningResult(LTI_REGISTRATION.ID)
                .fetchSingle(LTI_REGISTRATION.ID);
        deploymentIds.forEach(deployment -> addDeployment(id, deployment));
        return id;
    }

    /** Changes a registration's settings; issuer and client id stay (they are its identity). */
    public boolean update(long id, RegistrationDetails details) {
        return db.update(LTI_REGISTRATION)
                        .set(settings(details))
                        .set(LTI_REGISTRATION.UPDATED_AT, now())
                        .where(LTI_REGISTRATION.ID.eq(id))
                        .execute()
                == 1;
    }

    public boolean setStatus(long id, RegistrationStatus status) {
        return db.update(LTI_REGISTRATION)
                        .set(LTI_REGISTRATION.STATUS, status.name())
                        .set(LTI_REGISTRATION.UPDATED_AT, now())
                        .where(LTI_REGISTRATION.ID.eq(id))
                        .execute()
                == 1;
    }

    /** Deletes the registration and its deployments; courses launched through it keep their data. */
    public boolean delete(long id) {
        return db.deleteFrom(LTI_REGISTRATION).where(LTI_REGISTRATION.ID.eq(id)).execute() == 1;
    }

    /** Adds a deployment; adding one that exists changes nothing. */
    public void addDeployment(long registrationId, String deploymentId) {
        db.insertInto(LTI_DEPLOYMENT)
                .set(LTI_DEPLOYMENT.REGISTRATION_ID, registrationId)
                .set(LTI_DEPLOYMENT.DEPLOYMENT_ID, deploymentId)
                .set(LTI_DEPLOYMENT.CREATED_AT, now())
                .onConflictDoNothing()
                .execute();
    }

    public boolean removeDeployment(long registrationId, String deploymentId) {
        return db.deleteFrom(LTI_DEPLOYMENT)
                        .where(
                                LTI_DEPLOYMENT.REGISTRATION_ID.eq(registrationId),
                                LTI_DEPLOYMENT.DEPLOYMENT_ID.eq(deploymentId))
                        .execute()
                == 1;
    }

    public Optional<StoredRegistration> findById(long id) {
        return load(LTI_REGISTRATION.ID.eq(id)).stream().findFirst();
    }

    public Optional<StoredRegistration> find(String issuer, String clientId) {
        return load(LTI_REGISTRATION.ISSUER.eq(issuer).and(LTI_REGISTRATION.CLIENT_ID.eq(clientId))).stream()
                .findFirst();
    }

    /** Every registration, whatever its status, by issuer and client id. */
    public List<StoredRegistration> list() {
        return load(org.jooq.impl.DSL.trueCondition());
    }

    private List<StoredRegistration> load(org.jooq.Condition condition) {
        Map<LtiRegistrationRecord, List<String>> rows = db.select(LTI_REGISTRATION.fields())
                .select(LTI_DEPLOYMENT.DEPLOYMENT_ID)
                .from(LTI_REGISTRATION)
                .leftJoin(LTI_DEPLOYMENT)
                .on(LTI_DEPLOYMENT.REGISTRATION_ID.eq(LTI_REGISTRATION.ID))
                .where(condition)
                .orderBy(LTI_REGISTRATION.ISSUER, LTI_REGISTRATION.CLIENT_ID)
                .fetchGroups(r -> r.into(LTI_REGISTRATION), (Record r) -> r.get(LTI_DEPLOYMENT.DEPLOYMENT_ID));
        return rows.entrySet().stream()
                .map(e -> toStored(
                        e.getKey(),
                        e.getValue().stream()
                                .filter(java.util.Objects::nonNull)
                                .collect(Collectors.toCollection(TreeSet::new))))
                .sorted(java.util.Comparator.comparing(
                                (StoredRegistration r) -> r.details().issuer())
                        .thenComparing(r -> r.details().clientId()))
                .toList();
    }

    private static Map<org.jooq.Field<?>, Object> settings(RegistrationDetails details) {
        Map<org.jooq.Field<?>, Object> values = new java.util.LinkedHashMap<>();
        values.put(
                LTI_REGISTRATION.AUTHORIZATION_URI, details.authorizationUri().toString());
        values.put(LTI_REGISTRATION.JWK_SET_URI, details.jwkSetUri().toString());
        values.put(
                LTI_REGISTRATION.TOKEN_URI,
                details.tokenUri() == null ? null : details.tokenUri().toString());
        values.put(
                LTI_REGISTRATION.ALGORITHMS,
                details.algorithms() == null || details.algorithms().isEmpty()
                        ? "RS256"
                        : String.join(",", new TreeSet<>(details.algorithms())));
        values.put(LTI_REGISTRATION.PLATFORM_NAME, details.platformName());
        values.put(
                LTI_REGISTRATION.CLOCK_SKEW_SECONDS,
                details.clockSkew() == null ? null : (int) details.clockSkew().toSeconds());
        values.put(LTI_REGISTRATION.PRIVACY_LEVEL, details.privacyLevel());
        return values;
    }

    private static StoredRegistration toStored(LtiRegistrationRecord row, Set<String> deployments) {
        RegistrationDetails details = new RegistrationDetails(
                row.getIssuer(),
                row.getClientId(),
                URI.create(row.getAuthorizationUri()),
                URI.create(row.getJwkSetUri()),
                row.getTokenUri() == null ? null : URI.create(row.getTokenUri()),
                java.util.Arrays.stream(row.getAlgorithms().split(","))
                        .map(String::trim)
                        .collect(Collectors.toSet()),
                row.getPlatformName(),
                row.getClockSkewSeconds() == null ? null : Duration.ofSeconds(row.getClockSkewSeconds()),
                row.getPrivacyLevel());
        return new StoredRegistration(
                row.getId(),
                details,
                RegistrationStatus.valueOf(row.getStatus()),
                RegistrationSource.valueOf(row.getSource()),
                deployments,
                row.getCreatedAt().toInstant(),
                row.getUpdatedAt() == null
                        ? row.getCreatedAt().toInstant()
                        : row.getUpdatedAt().toInstant());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
