package nl.leerlog.tool.privacy;

import static nl.leerlog.schema.Tables.PRIVACY_READ;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import nl.leerlog.tool.identity.Owner;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * Who looked: the features that show a student's shared items to someone else (a teacher's thread, a supervisor's
 * link) write here what was read, by whom and when, and the student sees it (GDPR art. 15(1)(c), the recipients).
 * One statement per request however many items it showed, so a page's cost does not grow with what it shows.
 */
@Repository
public class ReadAudit {

    /** The most reads the student's page lists, newest first. */
    static final int SHOWN = 500;

    private final DSLContext db;

    ReadAudit(DSLContext db) {
        this.db = db;
    }

    /** Who read: their role, their account if they have one, and their name as shown when they read. */
    public enum ReaderKind {
        TEACHER,
        COORDINATOR,
        SUPERVISOR,
        ADMIN
    }

    public record Reader(ReaderKind kind, Long userId, String name) {}

    /** One item a reader saw: which feature's kind, its reference there, and its title as shown. */
    public record ReadItem(String kind, String ref, String title) {}

    /** A read as the student sees it. */
    public record Read(Reader reader, ReadItem item, OffsetDateTime at) {}

    /** Writes that {@code reader} saw these items of the student {@code ownerId} in {@code courseId}, in one insert. */
    public void record(long courseId, long ownerId, Reader reader, List<ReadItem> items, Instant at) {
        if (items.isEmpty()) {
            return;
        }
        OffsetDateTime when = at.atOffset(ZoneOffset.UTC);
        var insert = db.insertInto(
                PRIVACY_READ,
                PRIVACY_READ.COURSE_ID,
                PRIVACY_READ.OWNER_ID,
                PRIVACY_READ.READER_KIND,
                PRIVACY_READ.READER_ID,
                PRIVACY_READ.READER_NAME,
                PRIVACY_READ.ITEM_KIND,
                PRIVACY_READ.ITEM_REF,
                PRIVACY_READ.ITEM_TITLE,
                PRIVACY_READ.READ_AT);
        for (ReadItem item : items) {
            insert = insert.values(
                    courseId,
                    ownerId,
                    reader.kind().name(),
                    reader.userId(),
                    cut(reader.name(), 200),
                    item.kind(),
                    cut(item.ref(), 100),
                    cut(item.title() == null ? "" : item.title(), 200),
                    when);
        }
        insert.execute();
    }

    /** The reads of the owner's shared items, newest first. */
    public List<Read> of(Owner owner) {
        return db.selectFrom(PRIVACY_READ)
                .where(owner.owns(PRIVACY_READ))
                .orderBy(PRIVACY_READ.READ_AT.desc(), PRIVACY_READ.ID.desc())
                .limit(SHOWN)
                .fetch(row -> new Read(
                        new Reader(ReaderKind.valueOf(row.getReaderKind()), row.getReaderId(), row.getReaderName()),
                        new ReadItem(row.getItemKind(), row.getItemRef(), row.getItemTitle()),
                        row.getReadAt()));
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
