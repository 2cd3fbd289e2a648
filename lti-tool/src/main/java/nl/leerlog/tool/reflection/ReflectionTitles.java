package nl.leerlog.tool.reflection;

import static nl.leerlog.schema.Tables.REFLECTION;

import nl.leerlog.tool.identity.OwnRecordTitles;
import nl.leerlog.tool.identity.PrivateRecords;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** The titles of a student's reflections that are not deleted, for the features that link to them. */
@Repository
@PrivateRecords
public class ReflectionTitles extends OwnRecordTitles {

    ReflectionTitles(DSLContext db) {
        super(db, REFLECTION, REFLECTION.ID, REFLECTION.TITLE, REFLECTION.DELETED_AT);
    }
}
