package nl.leerlog.tool.cafe.internal;

import static nl.leerlog.schema.Tables.CAFE_MESSAGE;

import java.time.OffsetDateTime;
import nl.leerlog.tool.privacy.ForgettableRecords;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Forgets café messages their writers deleted: the text went at once, the line "this message was deleted" goes when
 * the privacy module's keep period is over (its reports go with it).
 */
@Component
record CafePurge(DSLContext db) implements ForgettableRecords {

    @Override
    public String kind() {
        return "café messages";
    }

    @Override
    public int forgetDeletedBefore(OffsetDateTime cutoff) {
        return db.deleteFrom(CAFE_MESSAGE)
                .where(CAFE_MESSAGE.DELETED_AT.lt(cutoff))
                .execute();
    }
}
