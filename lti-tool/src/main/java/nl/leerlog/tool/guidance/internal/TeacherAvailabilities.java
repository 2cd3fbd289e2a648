package nl.leerlog.tool.guidance.internal;

import static nl.leerlog.schema.Tables.TEACHER_AVAILABILITY;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** What each teacher states about when they answer; the default for a teacher who has not said. */
@Repository
class TeacherAvailabilities {

    private final DSLContext db;

    TeacherAvailabilities(DSLContext db) {
        this.db = db;
    }

    Availability of(long teacherId) {
        return db.selectFrom(TEACHER_AVAILABILITY)
                .where(TEACHER_AVAILABILITY.USER_ID.eq(teacherId))
                .fetchOptional()
                .map(row -> new Availability(days(row.getReadingDays()), row.getWorkingDays(), row.getNote(), true))
                .orElse(Availability.DEFAULT);
    }

    void save(long teacherId, Availability availability, Instant now) {
        String days = EnumSet.copyOf(availability.days()).stream()
                .map(day -> String.valueOf(day.getValue()))
                .collect(Collectors.joining(","));
        var at = now.atOffset(ZoneOffset.UTC);
        db.insertInto(TEACHER_AVAILABILITY)
                .set(TEACHER_AVAILABILITY.USER_ID, teacherId)
                .set(TEACHER_AVAILABILITY.READING_DAYS, days)
                .set(TEACHER_AVAILABILITY.WORKING_DAYS, availability.workingDays())
                .set(TEACHER_AVAILABILITY.NOTE, availability.note())
                .set(TEACHER_AVAILABILITY.UPDATED_AT, at)
                .onConflict(TEACHER_AVAILABILITY.USER_ID)
                .doUpdate()
                .set(TEACHER_AVAILABILITY.READING_DAYS, days)
                .set(TEACHER_AVAILABILITY.WORKING_DAYS, availability.workingDays())
                .set(TEACHER_AVAILABILITY.NOTE, availability.note())
                .set(TEACHER_AVAILABILITY.UPDATED_AT, at)
                .execute();
    }

    private static EnumSet<DayOfWeek> days(String stored) {
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        Arrays.stream(stored.split(","))
                .filter(day -> !day.isBlank())
                .map(day -> DayOfWeek.of(Integer.parseInt(day.strip())))
                .forEach(days::add);
        return days;
    }
}
