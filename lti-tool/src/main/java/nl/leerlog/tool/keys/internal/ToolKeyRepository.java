package nl.leerlog.tool.keys.internal;

import static nl.leerlog.schema.Tables.TOOL_KEY;

import com.nimbusds.jose.jwk.RSAKey;
import java.text.ParseException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import nl.leerlog.schema.tables.records.ToolKeyRecord;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * The {@code tool_key} table. Each change is one transaction guarded by the row's expected state and by the
 * unique {@code slot} column, so instances that start or rotate at the same moment cannot both succeed.
 */
@Repository
public record ToolKeyRepository(DSLContext db) {

    /** Every key, newest first. */
    public List<StoredToolKey> findAll() {
        return db.selectFrom(TOOL_KEY)
                .orderBy(TOOL_KEY.CREATED_AT.desc(), TOOL_KEY.KID)
                .fetch(ToolKeyRepository::toKey);
    }

    /**
     * Stores a key in the empty CURRENT or NEXT place. Fails with a
     * {@link org.springframework.dao.DataIntegrityViolationException} when another instance filled it first.
     */
    void insert(NewToolKey key, ToolKeyState slot, Instant now) {
        insert(db, key, slot, now);
    }

    private static void insert(DSLContext db, NewToolKey key, ToolKeyState slot, Instant now) {
        if (slot == ToolKeyState.RETIRED) {
            throw new IllegalArgumentException("a new key is NEXT or CURRENT");
        }
        db.insertInto(TOOL_KEY)
                .set(TOOL_KEY.KID, key.kid())
                .set(TOOL_KEY.PUBLIC_JWK, key.publicKey().toJSONString())
                .set(TOOL_KEY.PRIVATE_KEY_IV, key.privateKey().iv())
                .set(TOOL_KEY.PRIVATE_KEY_CIPHERTEXT, key.privateKey().ciphertext())
                .set(TOOL_KEY.STATE, slot.name())
                .set(TOOL_KEY.SLOT, slot.name())
                .set(TOOL_KEY.CREATED_AT, utc(now))
                .set(TOOL_KEY.ACTIVATED_AT, slot == ToolKeyState.CURRENT ? utc(now) : null)
                .execute();
    }

    /**
     * One rotation, all or nothing: {@code currentKid} retires, {@code nextKid} starts signing, {@code newNext} is
     * published. Returns false, changing nothing, when {@code currentKid} is no longer CURRENT or {@code nextKid}
     * no longer NEXT: another request or instance rotated first. The first update takes the row lock, so of
     * concurrent rotations from the same keys exactly one finds the rows as it expects.
     */
    public boolean rotate(String currentKid, String nextKid, NewToolKey newNext, Instant now) {
        try {
            return db.transactionResult(transaction -> rotate(transaction.dsl(), currentKid, nextKid, newNext, now));
        } catch (RotationRaceLost e) {
            return false;
        }
    }

    private static boolean rotate(DSLContext tx, String currentKid, String nextKid, NewToolKey newNext, Instant now) {
        int retired = tx.update(TOOL_KEY)
                .set(TOOL_KEY.STATE, ToolKeyState.RETIRED.name())
                .setNull(TOOL_KEY.SLOT)
                .set(TOOL_KEY.RETIRED_AT, utc(now))
                .where(TOOL_KEY.KID.eq(currentKid), TOOL_KEY.STATE.eq(ToolKeyState.CURRENT.name()))
                .execute();
        if (retired != 1) {
            return false;
        }
        int activated = tx.update(TOOL_KEY)
                .set(TOOL_KEY.STATE, ToolKeyState.CURRENT.name())
                .set(TOOL_KEY.SLOT, ToolKeyState.CURRENT.name())
                .set(TOOL_KEY.ACTIVATED_AT, utc(now))
                .where(TOOL_KEY.KID.eq(nextKid), TOOL_KEY.STATE.eq(ToolKeyState.NEXT.name()))
                .execute();
        if (activated != 1) {
            // The current key was ours but the next one is not: undo the retirement (rollback).
            throw new RotationRaceLost();
        }
        insert(tx, newNext, ToolKeyState.NEXT, now);
        return true;
    }

    /** Removes retired keys that left the key set; returns how many. */
    public int deleteRetiredBefore(Instant cutoff) {
        return db.deleteFrom(TOOL_KEY)
                .where(TOOL_KEY.STATE.eq(ToolKeyState.RETIRED.name()), TOOL_KEY.RETIRED_AT.le(utc(cutoff)))
                .execute();
    }

    /** Thrown inside the rotation transaction to roll it back when its keys changed underneath it. */
    private static final class RotationRaceLost extends RuntimeException {
        RotationRaceLost() {
            super("the next key changed during the rotation", null, false, false);
        }
    }

    private static StoredToolKey toKey(ToolKeyRecord row) {
        RSAKey publicKey;
        try {
            publicKey = RSAKey.parse(row.getPublicJwk());
        } catch (ParseException e) {
            throw new IllegalStateException("Tool key '" + row.getKid() + "' has no valid public JWK", e);
        }
        return new StoredToolKey(
                row.getKid(),
                publicKey,
                new EncryptedPrivateKey(row.getPrivateKeyIv(), row.getPrivateKeyCiphertext()),
                ToolKeyState.valueOf(row.getState()),
                row.getCreatedAt().toInstant(),
                instant(row.getActivatedAt()),
                instant(row.getRetiredAt()));
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
