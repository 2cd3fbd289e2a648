package nl.leerlog.tool.identity.internal;

import static nl.leerlog.schema.Tables.LTI_LOGIN_STATE;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import nl.leerlog.lti.login.LoginState;
import nl.leerlog.lti.login.LoginStateStore;
import nl.leerlog.lti.registration.RegistrationKey;
import nl.leerlog.schema.tables.records.LtiLoginStateRecord;
import nl.leerlog.tool.system.DatabaseText;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Login states in the shared database, so any instance can finish a login and each state is used once. */
@Repository
record JooqLoginStateStore(DSLContext db) implements LoginStateStore {

    @Override
    public void save(LoginState state) {
        db.insertInto(LTI_LOGIN_STATE)
                .set(LTI_LOGIN_STATE.STATE, state.state())
                .set(LTI_LOGIN_STATE.NONCE, state.nonce())
                .set(LTI_LOGIN_STATE.BROWSER_BINDING, state.browserBinding())
                .set(LTI_LOGIN_STATE.REGISTRATION_ID, state.registration().toString())
                .set(LTI_LOGIN_STATE.TARGET_LINK_URI, state.targetLinkUri())
                .set(LTI_LOGIN_STATE.STORAGE_TARGET, state.storageTarget())
                .set(LTI_LOGIN_STATE.STORAGE_ORIGIN, state.storageOrigin())
                .set(LTI_LOGIN_STATE.EXPIRES_AT, utc(state.expiresAt()))
                .execute();
    }

    @Override
    public Optional<LoginState> find(String state) {
        if (!DatabaseText.storable(state)) {
            return Optional.empty(); // the state parameter as sent; no stored state looks like that
        }
        return db.selectFrom(LTI_LOGIN_STATE)
                .where(LTI_LOGIN_STATE.STATE.eq(state))
                .fetchOptional()
                .map(JooqLoginStateStore::toState);
    }

    @Override
    public Optional<LoginState> consume(String state) {
        if (!DatabaseText.storable(state)) {
            return Optional.empty();
        }
        // One statement decides: of two concurrent launches with one state, on any instance, one gets the row.
        return db.deleteFrom(LTI_LOGIN_STATE)
                .where(LTI_LOGIN_STATE.STATE.eq(state))
                .returning()
                .fetchOptional()
                .map(JooqLoginStateStore::toState);
    }

    @Override
    public Optional<LoginState> consumeBound(String state, String browserBinding) {
        if (!DatabaseText.storable(state) || !DatabaseText.storable(browserBinding)) {
            return Optional.empty();
        }
        // The launch's one state statement: found, bound to this browser and used up together.
        return db.deleteFrom(LTI_LOGIN_STATE)
                .where(LTI_LOGIN_STATE.STATE.eq(state), LTI_LOGIN_STATE.BROWSER_BINDING.eq(browserBinding))
                .returning()
                .fetchOptional()
                .map(JooqLoginStateStore::toState);
    }

    @Override
    public int deleteExpired(Instant now) {
        return db.deleteFrom(LTI_LOGIN_STATE)
                .where(LTI_LOGIN_STATE.EXPIRES_AT.le(utc(now)))
                .execute();
    }

    private static LoginState toState(LtiLoginStateRecord row) {
        return new LoginState(
                row.getState(),
                row.getNonce(),
                row.getBrowserBinding(),
                RegistrationKey.parse(row.getRegistrationId()),
                row.getTargetLinkUri(),
                row.getStorageTarget(),
                row.getStorageOrigin(),
                row.getExpiresAt().toInstant());
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
