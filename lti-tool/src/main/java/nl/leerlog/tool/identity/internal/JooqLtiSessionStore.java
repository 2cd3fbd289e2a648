package nl.leerlog.tool.identity.internal;

import static nl.leerlog.schema.Tables.LTI_SESSION;
import static nl.leerlog.tool.identity.internal.JooqLoginStateStore.utc;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import nl.leerlog.lti.registration.RegistrationKey;
import nl.leerlog.lti.session.LtiSession;
import nl.leerlog.lti.session.LtiSessionStore;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Launched sessions in the shared database, so every instance knows every session. */
@Repository
record JooqLtiSessionStore(DSLContext db, JsonMapper json) implements LtiSessionStore {

    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};

    @Override
    public void save(String tokenHash, LtiSession session) {
        db.insertInto(LTI_SESSION)
                .set(LTI_SESSION.TOKEN_HASH, tokenHash)
                .set(LTI_SESSION.REGISTRATION_ID, session.registration().toString())
                .set(LTI_SESSION.CLIENT_ID, session.registration().clientId())
                .set(LTI_SESSION.CLAIMS, session.claimsJson())
                .set(LTI_SESSION.AUTHORITIES, String.join(" ", session.authorities()))
                .set(LTI_SESSION.ATTRIBUTES, json.writeValueAsString(session.attributes()))
                .set(LTI_SESSION.CSRF_TOKEN, session.csrfToken())
                .set(LTI_SESSION.FRAME_ANCESTORS, session.frameAncestors())
                .set(LTI_SESSION.STARTED_AT, utc(session.startedAt()))
                .set(LTI_SESSION.EXPIRES_AT, utc(session.expiresAt()))
                .execute();
    }

    @Override
    public Optional<LtiSession> find(String tokenHash) {
        return db.selectFrom(LTI_SESSION)
                .where(LTI_SESSION.TOKEN_HASH.eq(tokenHash))
                .fetchOptional()
                .map(row -> new LtiSession(
                        RegistrationKey.parse(row.getRegistrationId()),
                        row.getClaims(),
                        Arrays.stream(row.getAuthorities().split(" "))
                                .filter(a -> !a.isEmpty())
                                .toList(),
                        json.readValue(row.getAttributes(), STRING_MAP),
                        row.getCsrfToken(),
                        row.getFrameAncestors(),
                        row.getStartedAt().toInstant(),
                        row.getExpiresAt().toInstant()));
    }

    @Override
    public void touch(String tokenHash, Instant expiresAt) {
        db.update(LTI_SESSION)
                .set(LTI_SESSION.EXPIRES_AT, utc(expiresAt))
                .where(LTI_SESSION.TOKEN_HASH.eq(tokenHash))
                .execute();
    }

    @Override
    public void delete(String tokenHash) {
        db.deleteFrom(LTI_SESSION).where(LTI_SESSION.TOKEN_HASH.eq(tokenHash)).execute();
    }

    @Override
    public int deleteExpired(Instant now) {
        return db.deleteFrom(LTI_SESSION)
                .where(LTI_SESSION.EXPIRES_AT.le(utc(now)))
                .execute();
    }
}
