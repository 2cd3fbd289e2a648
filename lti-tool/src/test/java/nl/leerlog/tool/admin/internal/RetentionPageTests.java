package nl.leerlog.tool.admin.internal;

import static nl.leerlog.schema.Tables.ADMIN_AUDIT;
import static nl.leerlog.schema.Tables.COURSE;
import static nl.leerlog.schema.Tables.COURSE_PURGE;
import static nl.leerlog.schema.Tables.ENROLMENT;
import static nl.leerlog.tool.admin.internal.ConsoleClient.location;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import nl.leerlog.tool.LaunchedCourseTests;
import nl.leerlog.tool.privacy.CourseRetention;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The admin console's retention page shows the dry-run report and confirms a purge, audited. */
class RetentionPageTests extends LaunchedCourseTests {

    @Autowired
    CourseRetention retention;

    @Test
    void theReportListsACourseDueAndAnAdminConfirmsItsPurge() {
        long course = courseIdOf(launchCourse().student());
        OffsetDateTime longAgo = OffsetDateTime.now(ZoneOffset.UTC).minusYears(2);
        db.update(ENROLMENT)
                .set(ENROLMENT.LAST_LAUNCH_AT, longAgo)
                .where(ENROLMENT.COURSE_ID.eq(course))
                .execute();
        db.update(COURSE)
                .set(COURSE.UPDATED_AT, longAgo)
                .where(COURSE.ID.eq(course))
                .execute();
        retention.refresh();

        ConsoleClient admin = new ConsoleClient("http://localhost:" + port).loggedInAsDevAdmin();
        String page = admin.get("/admin/retention").body();
        assertThat(page).contains("Course retention", "data-course=\"" + course + "\"", "Purge at the next run");

        var confirmed = admin.submit("/admin/retention", "/admin/retention/" + course + "/confirm", Map.of());
        assertThat(location(confirmed)).endsWith("/admin/retention");
        assertThat(admin.get("/admin/retention").body()).contains("confirmed by admin");
        assertThat(db.select(COURSE_PURGE.CONFIRMED_BY)
                        .from(COURSE_PURGE)
                        .where(COURSE_PURGE.COURSE_ID.eq(course))
                        .fetchSingle(COURSE_PURGE.CONFIRMED_BY))
                .isEqualTo("admin");
        assertThat(db.fetchExists(
                        ADMIN_AUDIT,
                        ADMIN_AUDIT.ACTION.eq("COURSE_PURGE_CONFIRMED").and(ADMIN_AUDIT.TARGET.eq("course " + course))))
                .isTrue();
        assertThat(admin.submit("/admin/retention", "/admin/retention/999999999/confirm", Map.of())
                        .statusCode())
                .isEqualTo(404);
    }
}
