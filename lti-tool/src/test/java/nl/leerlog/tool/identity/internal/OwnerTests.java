package nl.leerlog.tool.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import nl.leerlog.schema.Tables;
import nl.leerlog.tool.identity.CourseRole;
import nl.leerlog.tool.identity.CurrentUser;
import nl.leerlog.tool.identity.Owner;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

class OwnerTests {

    private static CurrentUser user(CourseRole role) {
        return new CurrentUser(7, "Sam", role, false, 3, "Stage", Locale.ENGLISH);
    }

    @Test
    void aLaunchedStudentOwnsTheirRecordsInTheCourseOfTheLaunch() {
        Owner owner = Owner.of(user(CourseRole.STUDENT));

        assertThat(owner.userId()).isEqualTo(7);
        assertThat(owner.courseId()).isEqualTo(3);
        assertThat(owner.owns(Tables.LEARNING_MOMENT).toString()).contains("owner_id", "7", "course_id", "3");
    }

    @Test
    void aTeacherGetsNotFoundRatherThanAnOwner() {
        assertThatThrownBy(() -> Owner.of(user(CourseRole.TEACHER)))
                .isInstanceOfSatisfying(
                        ResponseStatusException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND));
        assertThatThrownBy(() -> Owner.of(null)).isInstanceOf(ResponseStatusException.class);
    }

    @Test
    void aTableWithoutAnOwnerCannotBeFilteredAsPrivate() {
        Owner owner = Owner.of(user(CourseRole.STUDENT));

        assertThatThrownBy(() -> owner.owns(Tables.CATEGORY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("category");
    }
}
