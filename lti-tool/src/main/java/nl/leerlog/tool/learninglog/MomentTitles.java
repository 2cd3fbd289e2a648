package nl.leerlog.tool.learninglog;

import static nl.leerlog.schema.Tables.LEARNING_MOMENT;

import nl.leerlog.tool.identity.OwnRecordTitles;
import nl.leerlog.tool.identity.PrivateRecords;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** The titles of a student's learning moments that are not deleted, for the features that link to them. */
@Repository
@PrivateRecords
public class MomentTitles extends OwnRecordTitles {

    MomentTitles(DSLContext db) {
        super(db, LEARNING_MOMENT, LEARNING_MOMENT.ID, LEARNING_MOMENT.TITLE, LEARNING_MOMENT.DELETED_AT);
    }
}
