package nl.leerlog.tool.learninglog;

import static nl.leerlog.schema.Tables.LEARNING_MOMENT;
import static nl.leerlog.schema.Tables.LEARNING_MOMENT_COMPETENCY;
import static nl.leerlog.schema.Tables.LEARNING_MOMENT_GOAL;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.identity.PrivateRecords;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** The facts of a student's own learning moments that their analytics and tips are computed from. */
@Repository
@PrivateRecords
public class MomentFigures {

    private final DSLContext db;

    MomentFigures(DSLContext db) {
        this.db = db;
    }

    /** The owner's moments that are not deleted, drafts included, oldest first. */
    public List<MomentFact> of(Owner owner) {
        return facts(db, owner.owns(LEARNING_MOMENT)).values().stream()
                .flatMap(List::stream)
                .toList();
    }

    /**
     * The moments matching {@code moments}, by owner, in three queries whatever their number: the moments, their
     * goals and their competencies.
     */
    static Map<Long, List<MomentFact>> facts(DSLContext db, Condition moments) {
        Condition live = moments.and(LEARNING_MOMENT.DELETED_AT.isNull());
        Map<Long, Set<Long>> goals = links(db.select(LEARNING_MOMENT_GOAL.MOMENT_ID, LEARNING_MOMENT_GOAL.GOAL_ID)
                .from(LEARNING_MOMENT_GOAL)
                .join(LEARNING_MOMENT)
                .on(LEARNING_MOMENT.ID.eq(LEARNING_MOMENT_GOAL.MOMENT_ID))
                .where(live)
                .fetch(r -> Map.entry(r.value1(), r.value2())));
        Map<Long, Set<Long>> competencies =
                links(db.select(LEARNING_MOMENT_COMPETENCY.MOMENT_ID, LEARNING_MOMENT_COMPETENCY.COMPETENCY_ID)
                        .from(LEARNING_MOMENT_COMPETENCY)
                        .join(LEARNING_MOMENT)
                        .on(LEARNING_MOMENT.ID.eq(LEARNING_MOMENT_COMPETENCY.MOMENT_ID))
                        .where(live)
                        .fetch(r -> Map.entry(r.value1(), r.value2())));
        return db
                .select(
                        LEARNING_MOMENT.OWNER_ID,
                        LEARNING_MOMENT.ID,
                        LEARNING_MOMENT.OCCURRED_ON,
                        LEARNING_MOMENT.MINUTES_SPENT,
                        LEARNING_MOMENT.CATEGORY_ID,
                        LEARNING_MOMENT.DRAFT)
                .from(LEARNING_MOMENT)
                .where(live)
                .orderBy(LEARNING_MOMENT.OCCURRED_ON, LEARNING_MOMENT.ID)
                .fetch()
                .stream()
                .collect(Collectors.groupingBy(
                        r -> r.value1(),
                        Collectors.mapping(
                                r -> new MomentFact(
                                        r.value2(),
                                        r.value3(),
                                        r.value4(),
                                        r.value5(),
                                        r.value6(),
                                        goals.getOrDefault(r.value2(), Set.of()),
                                        competencies.getOrDefault(r.value2(), Set.of())),
                                Collectors.toList())));
    }

    private static Map<Long, Set<Long>> links(List<Map.Entry<Long, Long>> pairs) {
        Map<Long, Set<Long>> links = new HashMap<>();
        pairs.forEach(pair ->
                links.computeIfAbsent(pair.getKey(), key -> new HashSet<>()).add(pair.getValue()));
        return links;
    }
}
