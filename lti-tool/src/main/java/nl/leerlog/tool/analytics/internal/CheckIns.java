package nl.leerlog.tool.analytics.internal;

import static nl.leerlog.schema.Tables.WELLBEING_CHECKIN;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;
import nl.leerlog.schema.tables.records.WellbeingCheckinRecord;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.identity.PrivateRecords;
import nl.leerlog.tool.system.Upserts;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** The student's weekly check-ins, one a week; only the student reads them. */
@Repository
@PrivateRecords
public class CheckIns {

    private final DSLContext db;

    CheckIns(DSLContext db) {
        this.db = db;
    }

    /** The Monday of the week {@code day} lies in: the week a check-in is about. */
    static LocalDate weekOf(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** Saves the check-in of the week {@code day} lies in; a second one that week replaces the first. */
    public void save(Owner owner, LocalDate day, int mood, int workload, int energy, String note, Instant now) {
        var at = now.atOffset(ZoneOffset.UTC);
        Upserts.upsert(() -> db.insertInto(WELLBEING_CHECKIN)
                .set(WELLBEING_CHECKIN.COURSE_ID, owner.courseId())
                .set(WELLBEING_CHECKIN.OWNER_ID, owner.userId())
                .set(WELLBEING_CHECKIN.WEEK_START, weekOf(day))
                .set(WELLBEING_CHECKIN.MOOD, mood)
                .set(WELLBEING_CHECKIN.WORKLOAD, workload)
                .set(WELLBEING_CHECKIN.ENERGY, energy)
                .set(WELLBEING_CHECKIN.NOTE, note)
                .set(WELLBEING_CHECKIN.CREATED_AT, at)
                .set(WELLBEING_CHECKIN.UPDATED_AT, at)
                .onConflict(WELLBEING_CHECKIN.COURSE_ID, WELLBEING_CHECKIN.OWNER_ID, WELLBEING_CHECKIN.WEEK_START)
                .doUpdate()
                .set(WELLBEING_CHECKIN.MOOD, mood)
                .set(WELLBEING_CHECKIN.WORKLOAD, workload)
                .set(WELLBEING_CHECKIN.ENERGY, energy)
                .set(WELLBEING_CHECKIN.NOTE, note)
                .set(WELLBEING_CHECKIN.UPDATED_AT, at)
                .execute());
    }

    /** The owner's last {@code weeks} check-ins, newest first. */
    public List<CheckIn> recent(Owner owner, int weeks) {
        return db.selectFrom(WELLBEING_CHECKIN)
                .where(owner.owns(WELLBEING_CHECKIN))
                .orderBy(WELLBEING_CHECKIN.WEEK_START.desc())
                .limit(weeks)
                .fetch(CheckIns::checkIn);
    }

    public Optional<CheckIn> find(Owner owner, long id) {
        return db.selectFrom(WELLBEING_CHECKIN)
                .where(owner.owns(WELLBEING_CHECKIN))
                .and(WELLBEING_CHECKIN.ID.eq(id))
                .fetchOptional(CheckIns::checkIn);
    }

    private static CheckIn checkIn(WellbeingCheckinRecord row) {
        return new CheckIn(
                row.getId(), row.getWeekStart(), row.getMood(), row.getWorkload(), row.getEnergy(), row.getNote());
    }
}
