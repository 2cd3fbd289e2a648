package nl.leerlog.tool.analytics.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.system.Upserts;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableField;

/**
 * A student's consent as one row per course and student: given at, and withdrawn at once they withdraw it. Giving
 * it again clears the withdrawal; withdrawing is as easy as giving (GDPR art. 7(3)).
 */
record ConsentRows<R extends Record>(
        Table<R> table,
        TableField<R, Long> course,
        TableField<R, Long> owner,
        TableField<R, OffsetDateTime> givenAt,
        TableField<R, OffsetDateTime> withdrawnAt) {

    void give(DSLContext db, Owner student, Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        Upserts.upsert(() -> db.insertInto(table)
                .set(course, student.courseId())
                .set(owner, student.userId())
                .set(givenAt, at)
                .onConflict(course, owner)
                .doUpdate()
                .set(givenAt, at)
                .setNull(withdrawnAt)
                .execute());
    }

    /** Withdraws a consent that stands; false when none stood. */
    boolean withdraw(DSLContext db, Owner student, Instant now) {
        return db.update(table)
                        .set(withdrawnAt, now.atOffset(ZoneOffset.UTC))
                        .where(student.owns(table))
                        .and(withdrawnAt.isNull())
                        .execute()
                == 1;
    }
}
