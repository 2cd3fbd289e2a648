package nl.leerlog.tool.learninglog.internal;

import static nl.leerlog.schema.Tables.EVIDENCE;
import static nl.leerlog.schema.Tables.LEARNING_MOMENT;
import static nl.leerlog.schema.Tables.LEARNING_MOMENT_COMPETENCY;
import static nl.leerlog.schema.Tables.LEARNING_MOMENT_GOAL;
import static nl.leerlog.schema.Tables.LEARNING_MOMENT_PERSON;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.identity.PrivateRecords;
import nl.leerlog.tool.learninglog.internal.evidence.EvidenceFiles;
import nl.leerlog.tool.programme.Choice;
import nl.leerlog.tool.programme.ProgrammeCatalog;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * A student's learning moments with their links to goals, competencies and people. Every query is limited to the
 * {@link Owner}'s rows; a moment that is not theirs is "not found", exactly like one that never existed.
 * Deleting is soft: a deleted moment leaves every list and search, and the student may restore it.
 */
@Repository
@PrivateRecords
public class LearningMoments {

    private final DSLContext db;
    private final EvidenceFiles evidence;
    private final ProgrammeCatalog catalog;

    public LearningMoments(DSLContext db, EvidenceFiles evidence, ProgrammeCatalog catalog) {
        this.db = db;
        this.evidence = evidence;
        this.catalog = catalog;
    }

    @Transactional
    public long create(Owner owner, MomentContent content, Instant now) {
        checkLinks(owner, content);
        OffsetDateTime at = utc(now);
        long id = db.insertInto(LEARNING_MOMENT)
                .set(LEARNING_MOMENT.COURSE_ID, owner.courseId())
                .set(LEARNING_MOMENT.OWNER_ID, owner.userId())
                .set(columns(content))
                .set(LEARNING_MOMENT.CREATED_AT, at)
                .set(LEARNING_MOMENT.UPDATED_AT, at)
                .returningResult(LEARNING_MOMENT.ID)
                .fetchSingle(LEARNING_MOMENT.ID);
        insertLinks(id, content);
        return id;
    }

    /**
     * Writes a workplace supervisor's answer as a final learning moment of the owner, marked with the name the
     * supervisor confirmed.
     */
    @Transactional
    public long createFromSupervisor(Owner owner, MomentContent content, String supervisor, Instant now) {
        long id = create(owner, content, now);
        db.update(LEARNING_MOMENT)
                .set(LEARNING_MOMENT.FROM_SUPERVISOR, supervisor)
                .where(live(owner, id))
                .execute();
        return id;
    }

    /** The columns a moment's content fills, on insert and update alike. */
    private static Map<Field<?>, Object> columns(MomentContent content) {
        Map<Field<?>, Object> columns = new LinkedHashMap<>();
        columns.put(LEARNING_MOMENT.OCCURRED_ON, content.occurredOn());
        columns.put(LEARNING_MOMENT.MINUTES_SPENT, content.minutesSpent());
        columns.put(LEARNING_MOMENT.TITLE, content.title());
        columns.put(LEARNING_MOMENT.BODY_SOURCE, content.body().source());
        columns.put(LEARNING_MOMENT.BODY_HTML, content.body().html());
        columns.put(LEARNING_MOMENT.SEARCH_TEXT, content.searchText());
        columns.put(LEARNING_MOMENT.CATEGORY_ID, content.categoryId());
        columns.put(LEARNING_MOMENT.DRAFT, content.draft());
        return columns;
    }

    @Transactional
    public void update(Owner owner, long id, MomentContent content, Instant now) {
        checkLinks(owner, content);
        int updated = db.update(LEARNING_MOMENT)
                .set(columns(content))
                .set(LEARNING_MOMENT.UPDATED_AT, utc(now))
                .where(live(owner, id))
                .execute();
        if (updated == 0) {
            throw Owner.notFound();
        }
        db.deleteFrom(LEARNING_MOMENT_GOAL)
                .where(LEARNING_MOMENT_GOAL.MOMENT_ID.eq(id))
                .execute();
        db.deleteFrom(LEARNING_MOMENT_COMPETENCY)
                .where(LEARNING_MOMENT_COMPETENCY.MOMENT_ID.eq(id))
                .execute();
        db.deleteFrom(LEARNING_MOMENT_PERSON)
                .where(LEARNING_MOMENT_PERSON.MOMENT_ID.eq(id))
                .execute();
        insertLinks(id, content);
    }

    public Optional<MomentDetails> find(Owner owner, long id) {
        var row = db.select(
                        LEARNING_MOMENT.OCCURRED_ON,
                        LEARNING_MOMENT.MINUTES_SPENT,
                        LEARNING_MOMENT.TITLE,
                        LEARNING_MOMENT.BODY_SOURCE,
                        LEARNING_MOMENT.BODY_HTML,
                        LEARNING_MOMENT.CATEGORY_ID,
                        LEARNING_MOMENT.DRAFT,
                        LEARNING_MOMENT.UPDATED_AT,
                        LEARNING_MOMENT.FROM_SUPERVISOR)
                .from(LEARNING_MOMENT)
                .where(live(owner, id))
                .fetchOne();
        if (row == null) {
            return Optional.empty();
        }
        List<Choice> goals = catalog.goalChoices(
                owner,
                db.select(LEARNING_MOMENT_GOAL.GOAL_ID)
                        .from(LEARNING_MOMENT_GOAL)
                        .where(LEARNING_MOMENT_GOAL.MOMENT_ID.eq(id))
                        .fetch(LEARNING_MOMENT_GOAL.GOAL_ID));
        List<Choice> competencies = catalog.competencyChoices(
                owner.courseId(),
                db.select(LEARNING_MOMENT_COMPETENCY.COMPETENCY_ID)
                        .from(LEARNING_MOMENT_COMPETENCY)
                        .where(LEARNING_MOMENT_COMPETENCY.MOMENT_ID.eq(id))
                        .fetch(LEARNING_MOMENT_COMPETENCY.COMPETENCY_ID));
        List<Person> people = db.select(LEARNING_MOMENT_PERSON.NAME, LEARNING_MOMENT_PERSON.ROLE)
                .from(LEARNING_MOMENT_PERSON)
                .where(LEARNING_MOMENT_PERSON.MOMENT_ID.eq(id))
                .orderBy(LEARNING_MOMENT_PERSON.POSITION)
                .fetch(r -> new Person(r.value1(), r.value2()));
        Long categoryId = row.value6();
        Choice category = categoryId == null
                ? null
                : new Choice(
                        categoryId,
                        catalog.categoryNames(owner.courseId(), Set.of(categoryId))
                                .get(categoryId));
        return Optional.of(new MomentDetails(
                id,
                row.value1(),
                row.value2(),
                row.value3(),
                row.value4(),
                row.value5(),
                category,
                goals,
                competencies,
                people,
                row.value7(),
                row.value8().toInstant(),
                evidence.list(owner, id),
                row.value9()));
    }

    /** The ids of all the owner's moments that are not deleted, oldest first: what their export holds. */
    public List<Long> liveIds(Owner owner) {
        return db.select(LEARNING_MOMENT.ID)
                .from(LEARNING_MOMENT)
                .where(owner.owns(LEARNING_MOMENT).and(LEARNING_MOMENT.DELETED_AT.isNull()))
                .orderBy(LEARNING_MOMENT.OCCURRED_ON, LEARNING_MOMENT.ID)
                .fetch(LEARNING_MOMENT.ID);
    }

    /** One page of the owner's moments that pass the filter, newest first. */
    public MomentPage list(Owner owner, MomentFilter filter, int pageSize) {
        Condition where = owner.owns(LEARNING_MOMENT).and(LEARNING_MOMENT.DELETED_AT.isNull());
        if (filter.from() != null) {
            where = where.and(LEARNING_MOMENT.OCCURRED_ON.ge(filter.from()));
        }
        if (filter.to() != null) {
            where = where.and(LEARNING_MOMENT.OCCURRED_ON.le(filter.to()));
        }
        if (filter.categoryId() != null) {
            where = where.and(LEARNING_MOMENT.CATEGORY_ID.eq(filter.categoryId()));
        }
        if (filter.goalId() != null) {
            where = where.and(DSL.exists(DSL.selectOne()
                    .from(LEARNING_MOMENT_GOAL)
                    .where(LEARNING_MOMENT_GOAL
                            .MOMENT_ID
                            .eq(LEARNING_MOMENT.ID)
                            .and(LEARNING_MOMENT_GOAL.GOAL_ID.eq(filter.goalId())))));
        }
        if (filter.competencyId() != null) {
            where = where.and(DSL.exists(DSL.selectOne()
                    .from(LEARNING_MOMENT_COMPETENCY)
                    .where(LEARNING_MOMENT_COMPETENCY
                            .MOMENT_ID
                            .eq(LEARNING_MOMENT.ID)
                            .and(LEARNING_MOMENT_COMPETENCY.COMPETENCY_ID.eq(filter.competencyId())))));
        }
        if (filter.draftsOnly()) {
            where = where.and(LEARNING_MOMENT.DRAFT.isTrue());
        }
        // Every word must occur somewhere in title or text; contains() escapes % and _ in the words.
        for (String word : filter.searchWords()) {
            where = where.and(LEARNING_MOMENT.SEARCH_TEXT.contains(word));
        }
        Field<Integer> evidenceCount = DSL.field(DSL.selectCount()
                .from(EVIDENCE)
                .where(EVIDENCE.MOMENT_ID
                        .eq(LEARNING_MOMENT.ID)
                        .and(EVIDENCE.DELETED_AT.isNull())
                        .and(owner.owns(EVIDENCE))));
        var found = db.select(
                        LEARNING_MOMENT.ID,
                        LEARNING_MOMENT.OCCURRED_ON,
                        LEARNING_MOMENT.TITLE,
                        LEARNING_MOMENT.CATEGORY_ID,
                        LEARNING_MOMENT.MINUTES_SPENT,
                        LEARNING_MOMENT.DRAFT,
                        evidenceCount,
                        LEARNING_MOMENT.FROM_SUPERVISOR)
                .from(LEARNING_MOMENT)
                .where(where)
                .orderBy(LEARNING_MOMENT.OCCURRED_ON.desc(), LEARNING_MOMENT.ID.desc())
                .limit(pageSize + 1)
                .offset((filter.page() - 1) * pageSize)
                .fetch();
        Map<Long, String> categories = catalog.categoryNames(
                owner.courseId(),
                found.stream()
                        .map(r -> r.value4())
                        .filter(java.util.Objects::nonNull)
                        .collect(Collectors.toSet()));
        List<MomentSummary> rows = found.map(r -> new MomentSummary(
                r.value1(),
                r.value2(),
                r.value3(),
                r.value4() == null ? null : categories.get(r.value4()),
                r.value5(),
                r.value6(),
                r.value7(),
                r.value8()));
        boolean more = rows.size() > pageSize;
        return new MomentPage(more ? rows.subList(0, pageSize) : rows, filter.page(), more);
    }

    /** Soft-deletes a moment; a moment that is not the owner's, or already deleted, is not found. */
    public void delete(Owner owner, long id, Instant now) {
        int deleted = db.update(LEARNING_MOMENT)
                .set(LEARNING_MOMENT.DELETED_AT, utc(now))
                .where(live(owner, id))
                .execute();
        if (deleted == 0) {
            throw Owner.notFound();
        }
    }

    /** The title of the owner's deleted moment, for the notice that offers to undo the delete. */
    public Optional<String> deletedTitle(Owner owner, long id) {
        return db.select(LEARNING_MOMENT.TITLE)
                .from(LEARNING_MOMENT)
                .where(deleted(owner, id))
                .fetchOptional(LEARNING_MOMENT.TITLE);
    }

    private static Condition deleted(Owner owner, long id) {
        return owner.owns(LEARNING_MOMENT).and(LEARNING_MOMENT.ID.eq(id)).and(LEARNING_MOMENT.DELETED_AT.isNotNull());
    }

    /** Undoes a delete; a moment that is not the owner's, or not deleted, is not found. */
    public void restore(Owner owner, long id) {
        int restored = db.update(LEARNING_MOMENT)
                .setNull(LEARNING_MOMENT.DELETED_AT)
                .where(deleted(owner, id))
                .execute();
        if (restored == 0) {
            throw Owner.notFound();
        }
    }

    /**
     * The last line of defence for links that came from a form: a category or competency of another course, or a
     * goal of another course or another student, is not found and nothing is written.
     */
    private void checkLinks(Owner owner, MomentContent content) {
        if (!catalog.linkable(owner, content.categoryId(), content.goalIds(), content.competencyIds())) {
            throw Owner.notFound();
        }
    }

    private void insertLinks(long id, MomentContent content) {
        for (Long goal : sorted(content.goalIds())) {
            db.insertInto(LEARNING_MOMENT_GOAL)
                    .set(LEARNING_MOMENT_GOAL.MOMENT_ID, id)
                    .set(LEARNING_MOMENT_GOAL.GOAL_ID, goal)
                    .execute();
        }
        for (Long competency : sorted(content.competencyIds())) {
            db.insertInto(LEARNING_MOMENT_COMPETENCY)
                    .set(LEARNING_MOMENT_COMPETENCY.MOMENT_ID, id)
                    .set(LEARNING_MOMENT_COMPETENCY.COMPETENCY_ID, competency)
                    .execute();
        }
        int position = 0;
        for (Person person : content.people()) {
            db.insertInto(LEARNING_MOMENT_PERSON)
                    .set(LEARNING_MOMENT_PERSON.MOMENT_ID, id)
                    .set(LEARNING_MOMENT_PERSON.POSITION, position++)
                    .set(LEARNING_MOMENT_PERSON.NAME, person.name())
                    .set(LEARNING_MOMENT_PERSON.ROLE, person.role())
                    .execute();
        }
    }

    private static List<Long> sorted(Set<Long> ids) {
        List<Long> list = new ArrayList<>(ids);
        list.sort(null);
        return list;
    }

    private static Condition live(Owner owner, long id) {
        return owner.owns(LEARNING_MOMENT).and(LEARNING_MOMENT.ID.eq(id)).and(LEARNING_MOMENT.DELETED_AT.isNull());
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
