package nl.leerlog.tool.registration;

import static nl.leerlog.schema.Tables.LTI_DEPLOYMENT;
import static nl.leerlog.schema.Tables.LTI_REGISTRATION;

import com.nimbusds.jose.JWSAlgorithm;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nl.leerlog.lti.config.LtiProperties;
import nl.leerlog.lti.registration.PlatformRegistration;
import nl.leerlog.lti.registration.PlatformRegistrations;
import nl.leerlog.lti.registration.RegistrationKey;
import nl.leerlog.lti.registration.StaticPlatformRegistrations;
import nl.leerlog.schema.tables.records.LtiRegistrationRecord;
import nl.leerlog.tool.system.DatabaseText;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Result;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Repository;

/**
 * Registrations from {@code lti.platforms[N]} properties first, then the active ones in the database
 * (added by LMS admins through Dynamic Registration or the admin console).
 */
@Repository
@Primary // the demo LMS is a source of registrations too, but this one asks every source
public class DatabasePlatformRegistrations implements PlatformRegistrations {

    private final DSLContext db;
    private final StaticPlatformRegistrations configured;
    private final List<PlatformRegistrations> extra;

    public DatabasePlatformRegistrations(DSLContext db, LtiProperties properties, List<ExtraRegistrations> extra) {
        this.db = db;
        this.configured = new StaticPlatformRegistrations(properties.registrations());
        this.extra = List.copyOf(extra);
    }

    /** Registrations a feature contributes in code, such as the demo LMS. */
    public interface ExtraRegistrations extends PlatformRegistrations {}

    @Override
    public Optional<PlatformRegistration> find(String issuer, String clientId) {
        Optional<PlatformRegistration> found = configured.find(issuer, clientId);
        for (PlatformRegistrations source : extra) {
            found = found.or(() -> source.find(issuer, clientId));
        }
        if (!DatabaseText.storable(issuer) || !DatabaseText.storable(clientId)) {
            return found; // values from the login request that no registration row can hold
        }
        return found.or(
                () -> load(LTI_REGISTRATION.ISSUER.eq(issuer).and(LTI_REGISTRATION.CLIENT_ID.eq(clientId))).stream()
                        .findFirst());
    }

    @Override
    public List<PlatformRegistration> findByIssuer(String issuer) {
        List<PlatformRegistration> found = new ArrayList<>(configured.findByIssuer(issuer));
        extra.forEach(source -> found.addAll(source.findByIssuer(issuer)));
        if (DatabaseText.storable(issuer)) {
            found.addAll(load(LTI_REGISTRATION.ISSUER.eq(issuer)));
        }
        return distinct(found);
    }

    @Override
    public Collection<PlatformRegistration> all() {
        List<PlatformRegistration> all = new ArrayList<>(configured.all());
        extra.forEach(source -> all.addAll(source.all()));
        all.addAll(load(org.jooq.impl.DSL.trueCondition()));
        return distinct(all);
    }

    /** One registration per issuer + client id: the first source that has it wins, as in {@link #find}. */
    private static List<PlatformRegistration> distinct(List<PlatformRegistration> registrations) {
        Map<RegistrationKey, PlatformRegistration> byId = new LinkedHashMap<>();
        registrations.forEach(registration -> byId.putIfAbsent(registration.id(), registration));
        return List.copyOf(byId.values());
    }

    private List<PlatformRegistration> load(org.jooq.Condition condition) {
        Result<Record> rows = db.select(LTI_REGISTRATION.fields())
                .select(LTI_DEPLOYMENT.DEPLOYMENT_ID)
                .from(LTI_REGISTRATION)
                .leftJoin(LTI_DEPLOYMENT)
                .on(LTI_DEPLOYMENT.REGISTRATION_ID.eq(LTI_REGISTRATION.ID))
                .where(condition.and(LTI_REGISTRATION.STATUS.eq(RegistrationStatus.ACTIVE.name())))
                .fetch();
        return rows.intoGroups(LTI_REGISTRATION.ID).values().stream()
                .map(group -> toRegistration(
                        group.get(0).into(LTI_REGISTRATION),
                        group.getValues(LTI_DEPLOYMENT.DEPLOYMENT_ID).stream()
                                .filter(java.util.Objects::nonNull)
                                .collect(Collectors.toSet())))
                .toList();
    }

    private static PlatformRegistration toRegistration(LtiRegistrationRecord row, Set<String> deployments) {
        return new PlatformRegistration(
                row.getIssuer(),
                row.getClientId(),
                deployments,
                URI.create(row.getAuthorizationUri()),
                URI.create(row.getJwkSetUri()),
                row.getTokenUri() == null ? null : URI.create(row.getTokenUri()),
                java.util.Arrays.stream(row.getAlgorithms().split(","))
                        .map(String::trim)
                        .map(JWSAlgorithm::parse)
                        .collect(Collectors.toSet()),
                row.getClockSkewSeconds() == null ? null : java.time.Duration.ofSeconds(row.getClockSkewSeconds()));
    }
}
