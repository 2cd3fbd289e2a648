package nl.leerlog.tool.privacy.internal;

import static nl.leerlog.schema.Tables.PRIVACY_NOTICE_SEEN;
import static nl.leerlog.schema.Tables.PRIVACY_READ;

import nl.leerlog.tool.privacy.ErasableRecords;
import org.jooq.DSLContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The privacy module's own records of a student in a course: that they saw the first-launch explanation, and who
 * read what they shared. The erasure request itself stays, as the proof that the erasure was done.
 */
@Component
@Order(100)
record ErasedPrivacyRecords(DSLContext db) implements ErasableRecords {

    @Override
    public String kind() {
        return "privacy";
    }

    @Override
    public int eraseStudent(long courseId, long userId) {
        return db.deleteFrom(PRIVACY_READ)
                        .where(PRIVACY_READ.COURSE_ID.eq(courseId), PRIVACY_READ.OWNER_ID.eq(userId))
                        .execute()
                + db.deleteFrom(PRIVACY_NOTICE_SEEN)
                        .where(PRIVACY_NOTICE_SEEN.COURSE_ID.eq(courseId), PRIVACY_NOTICE_SEEN.USER_ID.eq(userId))
                        .execute();
    }
}
