package nl.leerlog.tool.saved.internal;

import static nl.leerlog.schema.Tables.SAVED_ITEM;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.leerlog.schema.tables.records.SavedItemRecord;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.identity.PrivateRecords;
import nl.leerlog.tool.learninglog.MomentTitles;
import nl.leerlog.tool.reflection.ReflectionTitles;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The student's Saved timeline, read and written only for their {@link Owner}. */
@Repository
@PrivateRecords
public class SavedItems {

    private final DSLContext db;
    private final MomentTitles moments;
    private final ReflectionTitles reflections;

    public SavedItems(DSLContext db, MomentTitles moments, ReflectionTitles reflections) {
        this.db = db;
        this.moments = moments;
        this.reflections = reflections;
    }

    /**
     * The current title of the owner's own learning moment or reflection {@code ref}, if it is theirs and not
     * deleted; empty for anything else, so a stranger's item cannot be saved (or even confirmed to exist).
     */
    public Optional<String> ownRecordTitle(Owner owner, ItemType type, String ref) {
        Optional<Long> id = id(ref);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        return switch (type) {
            case MOMENT -> moments.liveTitle(owner, id.get());
            case REFLECTION -> reflections.liveTitle(owner, id.get());
            case TIP, CHART -> Optional.empty();
        };
    }

    /**
     * Saves an item to the owner's timeline and returns its entry's id. Saving an item that is already there keeps
     * one entry: its title is refreshed and a given {@code note} replaces the old one ({@code null} keeps it). An
     * item removed earlier comes back at the top.
     */
    @Transactional
    public long save(Owner owner, ItemType type, String ref, String title, String note, Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        if (update(owner, type, ref, title, note, at) == 0) {
            int inserted = db.insertInto(SAVED_ITEM)
                    .set(SAVED_ITEM.COURSE_ID, owner.courseId())
                    .set(SAVED_ITEM.OWNER_ID, owner.userId())
                    .set(SAVED_ITEM.ITEM_TYPE, type.name())
                    .set(SAVED_ITEM.ITEM_REF, ref)
                    .set(SAVED_ITEM.TITLE, title)
                    .set(SAVED_ITEM.NOTE, note)
                    .set(SAVED_ITEM.SAVED_AT, at)
                    .onConflictDoNothing()
                    .execute();
            if (inserted == 0) {
                // Saved at the same moment by another request (a double click): that entry is the one.
                update(owner, type, ref, title, note, at);
            }
        }
        return db.select(SAVED_ITEM.ID)
                .from(SAVED_ITEM)
                .where(owner.owns(SAVED_ITEM))
                .and(SAVED_ITEM.ITEM_TYPE.eq(type.name()))
                .and(SAVED_ITEM.ITEM_REF.eq(ref))
                .fetchSingle(SAVED_ITEM.ID);
    }

    private int update(Owner owner, ItemType type, String ref, String title, String note, OffsetDateTime at) {
        var update = db.update(SAVED_ITEM)
                .set(SAVED_ITEM.TITLE, title)
                .set(
                        SAVED_ITEM.SAVED_AT,
                        DSL.when(SAVED_ITEM.REMOVED_AT.isNotNull(), DSL.val(at)).otherwise(SAVED_ITEM.SAVED_AT))
                .setNull(SAVED_ITEM.REMOVED_AT);
        if (note != null) {
            update = update.set(SAVED_ITEM.NOTE, note);
        }
        return update.where(owner.owns(SAVED_ITEM))
                .and(SAVED_ITEM.ITEM_TYPE.eq(type.name()))
                .and(SAVED_ITEM.ITEM_REF.eq(ref))
                .execute();
    }

    /**
     * The owner's timeline, newest first. A saved moment or reflection shows its current title, or is marked
     * gone once it was deleted.
     */
    public List<SavedItem> list(Owner owner) {
        List<SavedItemRecord> rows = db.selectFrom(SAVED_ITEM)
                .where(owner.owns(SAVED_ITEM))
                .and(SAVED_ITEM.REMOVED_AT.isNull())
                .orderBy(SAVED_ITEM.SAVED_AT.desc(), SAVED_ITEM.ID.desc())
                .fetch();
        Map<Long, String> momentTitles = moments.liveTitles(owner, ids(rows, ItemType.MOMENT));
        Map<Long, String> reflectionTitles = reflections.liveTitles(owner, ids(rows, ItemType.REFLECTION));
        return rows.stream()
                .map(row -> {
                    ItemType type = ItemType.valueOf(row.getItemType());
                    String title = row.getTitle();
                    boolean gone = false;
                    if (type.ownRecord()) {
                        Map<Long, String> live = type == ItemType.MOMENT ? momentTitles : reflectionTitles;
                        String current = id(row.getItemRef()).map(live::get).orElse(null);
                        gone = current == null;
                        title = gone ? title : current;
                    }
                    return new SavedItem(
                            row.getId(), type, row.getItemRef(), title, row.getNote(), row.getSavedAt(), gone);
                })
                .toList();
    }

    /** Replaces the note of the owner's entry ({@code null} clears it); false if there is no such entry. */
    public boolean updateNote(Owner owner, long id, String note) {
        return db.update(SAVED_ITEM)
                        .set(SAVED_ITEM.NOTE, note)
                        .where(owner.owns(SAVED_ITEM))
                        .and(SAVED_ITEM.ID.eq(id))
                        .and(SAVED_ITEM.REMOVED_AT.isNull())
                        .execute()
                == 1;
    }

    /** Takes an entry off the timeline, undoably; false if the owner has no such entry. */
    public boolean remove(Owner owner, long id, Instant now) {
        return db.update(SAVED_ITEM)
                        .set(SAVED_ITEM.REMOVED_AT, now.atOffset(ZoneOffset.UTC))
                        .where(owner.owns(SAVED_ITEM))
                        .and(SAVED_ITEM.ID.eq(id))
                        .and(SAVED_ITEM.REMOVED_AT.isNull())
                        .execute()
                == 1;
    }

    /** Puts a removed entry back where it was; false if the owner has no such removed entry. */
    public boolean restore(Owner owner, long id) {
        return db.update(SAVED_ITEM)
                        .setNull(SAVED_ITEM.REMOVED_AT)
                        .where(owner.owns(SAVED_ITEM))
                        .and(SAVED_ITEM.ID.eq(id))
                        .and(SAVED_ITEM.REMOVED_AT.isNotNull())
                        .execute()
                == 1;
    }

    /** The title of the owner's removed entry, for the notice that offers to undo the removal. */
    public Optional<String> removedTitle(Owner owner, long id) {
        return db.select(SAVED_ITEM.TITLE)
                .from(SAVED_ITEM)
                .where(owner.owns(SAVED_ITEM))
                .and(SAVED_ITEM.ID.eq(id))
                .and(SAVED_ITEM.REMOVED_AT.isNotNull())
                .fetchOptional(SAVED_ITEM.TITLE);
    }

    private static List<Long> ids(List<SavedItemRecord> rows, ItemType type) {
        return rows.stream()
                .filter(row -> row.getItemType().equals(type.name()))
                .flatMap(row -> id(row.getItemRef()).stream())
                .toList();
    }

    /** Moments and reflections are saved by their numeric id; any other reference names no record. */
    private static Optional<Long> id(String ref) {
        if (ref == null || !ref.matches("[0-9]{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(ref));
    }
}
