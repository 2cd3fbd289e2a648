package nl.leerlog.tool.admin.internal;

import static nl.leerlog.schema.Tables.ADMIN_LOGIN_FAILURE;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** Failed admin logins in the database, so every instance counts the same attempts. */
@Component
record JooqFailedLogins(DSLContext db) implements FailedLogins {

    @Override
    public int countSince(String key, Instant since) {
        return db.fetchCount(
                ADMIN_LOGIN_FAILURE,
                ADMIN_LOGIN_FAILURE.THROTTLE_KEY.eq(key).and(ADMIN_LOGIN_FAILURE.FAILED_AT.ge(utc(since))));
    }

    @Override
    public void add(String key, Instant at) {
        db.insertInto(ADMIN_LOGIN_FAILURE)
                .set(ADMIN_LOGIN_FAILURE.THROTTLE_KEY, key)
                .set(ADMIN_LOGIN_FAILURE.FAILED_AT, utc(at))
                .execute();
    }

    @Override
    public void clear(String key) {
        db.deleteFrom(ADMIN_LOGIN_FAILURE)
                .where(ADMIN_LOGIN_FAILURE.THROTTLE_KEY.eq(key))
                .execute();
    }

    @Override
    public void forgetBefore(Instant cutoff) {
        db.deleteFrom(ADMIN_LOGIN_FAILURE)
                .where(ADMIN_LOGIN_FAILURE.FAILED_AT.lt(utc(cutoff)))
                .execute();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
