package nl.leerlog.tool.identity;

import java.util.Objects;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Table;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The one place that decides whose private records a request may touch. A student's learning moments,
 * evidence, reflections, saved items and own goals are read and written only with an {@code Owner}, and an
 * {@code Owner} exists only for a launched student, in the course of that launch. Teachers, coordinators,
 * admins and students of other courses get no {@code Owner} for someone else: they see "not found", never
 * "forbidden", so they cannot even learn that a record exists or how many there are. Sharing (the guidance
 * feature) hands out copies the student chose, not an {@code Owner}.
 *
 * <p>Every private table carries {@code owner_id} and {@code course_id}; {@link #owns(Table)} is the condition
 * every query on such a table includes. Repositories of private records are marked {@link PrivateRecords}, and
 * {@code PrivateRecordsTests} checks that each of their public methods takes an {@code Owner} first.
 */
public final class Owner {

    private final long userId;
    private final long courseId;

    private Owner(long userId, long courseId) {
        this.userId = userId;
        this.courseId = courseId;
    }

    /** The owner of the launched student's own records; anyone else gets a 404. */
    public static Owner of(CurrentUser user) {
        if (user == null || user.role() != CourseRole.STUDENT) {
            throw notFound();
        }
        return new Owner(user.userId(), user.courseId());
    }

    /** What a request for a record that is not the caller's gets: the same answer as for one that never existed. */
    public static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    public long userId() {
        return userId;
    }

    public long courseId() {
        return courseId;
    }

    /** The rows of a private table that belong to this owner in this course. */
    public Condition owns(Table<?> table) {
        return column(table, "owner_id")
                .eq(userId)
                .and(column(table, "course_id").eq(courseId));
    }

    private static Field<Long> column(Table<?> table, String name) {
        Field<Long> field = table.field(name, Long.class);
        if (field == null) {
            throw new IllegalArgumentException(table.getName() + " is not a private table: it has no " + name);
        }
        return field;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Owner that && userId == that.userId && courseId == that.courseId;
    }

    @Override
    public int hashCode() {
        return Objects.hash(userId, courseId);
    }

    @Override
    public String toString() {
        return "Owner[user " + userId + " in course " + courseId + "]";
    }
}
