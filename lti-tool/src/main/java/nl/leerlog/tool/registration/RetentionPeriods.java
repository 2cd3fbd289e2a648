package nl.leerlog.tool.registration;

import static nl.leerlog.schema.Tables.LTI_REGISTRATION;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import nl.leerlog.lti.registration.RegistrationKey;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * How long each registration's courses are kept after their last activity, for the registrations that set their own
 * period ({@code course_retention_days}); the others follow {@code leerlog.privacy.course-retention}.
 */
@Repository
public class RetentionPeriods {

    private final DSLContext db;

    RetentionPeriods(DSLContext db) {
        this.db = db;
    }

    public Map<RegistrationKey, Duration> own() {
        return db
                .select(LTI_REGISTRATION.ISSUER, LTI_REGISTRATION.CLIENT_ID, LTI_REGISTRATION.COURSE_RETENTION_DAYS)
                .from(LTI_REGISTRATION)
                .where(LTI_REGISTRATION.COURSE_RETENTION_DAYS.isNotNull())
                .fetch()
                .stream()
                .collect(Collectors.toMap(
                        r -> new RegistrationKey(r.value1(), r.value2()),
                        r -> Duration.ofDays(r.value3()),
                        (a, b) -> a));
    }
}
