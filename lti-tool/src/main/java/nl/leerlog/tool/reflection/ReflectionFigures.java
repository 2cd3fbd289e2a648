package nl.leerlog.tool.reflection;

import static nl.leerlog.schema.Tables.REFLECTION;
import static nl.leerlog.schema.Tables.REFLECTION_ANSWER;

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
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** The facts of a student's own reflections that their analytics and tips are computed from. */
@Repository
@PrivateRecords
public class ReflectionFigures {

    private final DSLContext db;

    ReflectionFigures(DSLContext db) {
        this.db = db;
    }

    /** The owner's reflections that are not deleted, drafts included, oldest first. */
    public List<ReflectionFact> of(Owner owner) {
        return facts(db, owner.owns(REFLECTION)).values().stream()
                .flatMap(List::stream)
                .toList();
    }

    /** The reflections matching {@code reflections}, by owner, in two queries. */
    static Map<Long, List<ReflectionFact>> facts(DSLContext db, Condition reflections) {
        Condition live = reflections.and(REFLECTION.DELETED_AT.isNull());
        Map<Long, Set<String>> answered = new HashMap<>();
        db.select(REFLECTION_ANSWER.REFLECTION_ID, REFLECTION_ANSWER.STEP_KEY)
                .from(REFLECTION_ANSWER)
                .join(REFLECTION)
                .on(REFLECTION.ID.eq(REFLECTION_ANSWER.REFLECTION_ID))
                .where(live)
                // An answer left empty is no answer: the step was skipped.
                .and(DSL.trim(REFLECTION_ANSWER.ANSWER).ne(""))
                .forEach(r -> answered.computeIfAbsent(r.value1(), id -> new HashSet<>())
                        .add(r.value2()));
        return db
                .select(
                        REFLECTION.OWNER_ID,
                        REFLECTION.ID,
                        REFLECTION.CREATED_AT,
                        REFLECTION.DRAFT,
                        REFLECTION.MODEL_ID)
                .from(REFLECTION)
                .where(live)
                .orderBy(REFLECTION.CREATED_AT, REFLECTION.ID)
                .fetch()
                .stream()
                .collect(Collectors.groupingBy(
                        r -> r.value1(),
                        Collectors.mapping(
                                r -> new ReflectionFact(
                                        r.value2(),
                                        r.value3(),
                                        r.value4(),
                                        r.value5(),
                                        answered.getOrDefault(r.value2(), Set.of())),
                                Collectors.toList())));
    }
}
