package nl.leerlog.tool.privacy.internal;

import static nl.leerlog.schema.Tables.PRIVACY_NOTICE_SEEN;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * Which students have seen the first-launch explanation in which course. Once seen stays seen, so each instance
 * remembers who has, and a student's every later page costs no query for it.
 */
@Repository
class PrivacyNotices {

    /** Enough for every student of a large school on one instance; past it, the set starts over. */
    private static final int REMEMBERED = 200_000;

    private final DSLContext db;
    private final Set<Seen> seen = ConcurrentHashMap.newKeySet();

    PrivacyNotices(DSLContext db) {
        this.db = db;
    }

    private record Seen(long courseId, long userId) {}

    boolean seen(long courseId, long userId) {
        Seen key = new Seen(courseId, userId);
        if (seen.contains(key)) {
            return true;
        }
        boolean stored = db.fetchExists(
                PRIVACY_NOTICE_SEEN,
                PRIVACY_NOTICE_SEEN.COURSE_ID.eq(courseId).and(PRIVACY_NOTICE_SEEN.USER_ID.eq(userId)));
        if (stored) {
            remember(key);
        }
        return stored;
    }

    /** Records that the student saw it; seeing it again (another tab, another instance) changes nothing. */
    void markSeen(long courseId, long userId, Instant now) {
        db.insertInto(PRIVACY_NOTICE_SEEN)
                .set(PRIVACY_NOTICE_SEEN.COURSE_ID, courseId)
                .set(PRIVACY_NOTICE_SEEN.USER_ID, userId)
                .set(PRIVACY_NOTICE_SEEN.SEEN_AT, now.atOffset(ZoneOffset.UTC))
                .onDuplicateKeyIgnore()
                .execute();
        remember(new Seen(courseId, userId));
    }

    private void remember(Seen key) {
        if (seen.size() >= REMEMBERED) {
            seen.clear();
        }
        seen.add(key);
    }
}
