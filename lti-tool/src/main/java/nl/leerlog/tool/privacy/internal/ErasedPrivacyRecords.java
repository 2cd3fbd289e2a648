package nl.leerlog.tool.privacy.internal;

import static nl.leerlog.schema.Tables.PRIVACY_NOTICE_SEEN;
import static nl.leerlog.schema.Tables.PRIVACY_READ;

import nl.leerlog.tool.privacy.StudentRows;
import org.jooq.DSLContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The privacy module's own records of a student in a course: that they saw the first-launch explanation, and who
 * read what they shared. The erasure request itself stays, as the proof that the erasure was done.
 */
@Component
@Order(100)
class ErasedPrivacyRecords extends StudentRows {

    ErasedPrivacyRecords(DSLContext db) {
        super(
                db,
                "privacy",
                new Rows(PRIVACY_READ, PRIVACY_READ.COURSE_ID, PRIVACY_READ.OWNER_ID),
                new Rows(PRIVACY_NOTICE_SEEN, PRIVACY_NOTICE_SEEN.COURSE_ID, PRIVACY_NOTICE_SEEN.USER_ID));
    }
}
