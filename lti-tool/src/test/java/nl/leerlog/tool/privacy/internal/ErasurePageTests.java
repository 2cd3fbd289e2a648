package nl.leerlog.tool.privacy.internal;

import static nl.leerlog.schema.Tables.LEARNING_MOMENT;
import static nl.leerlog.schema.Tables.PRIVACY_ERASURE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import nl.leerlog.tool.CourseUsers;
import nl.leerlog.tool.CourseUsers.LaunchedUser;
import nl.leerlog.tool.LaunchedCourseTests;
import nl.leerlog.tool.identity.Owner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The student deletes their data of the course: they confirm by typing the word, can cancel during the waiting
 * period, and once it is over housekeeping erases it; their pages, the read audit among them, say what happened.
 */
class ErasurePageTests extends LaunchedCourseTests {

    @Autowired
    ErasureTask task;

    CourseUsers users;
    Owner owner;
    long studentId;

    @BeforeEach
    void aStudentWithAMoment() {
        users = launchCourse();
        owner = ownerOf(users.student());
        studentId = owner.userId();
        rows().moment(owner, "Reading corner");
    }

    @Test
    void theWrongWordIsRefusedAndNothingIsAsked() {
        var refused = users.student().post("/student/privacy/delete", Map.of("word", "yes"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Type the word exactly as shown", "aria-invalid=\"true\"");
        assertThat(db.fetchCount(PRIVACY_ERASURE, PRIVACY_ERASURE.USER_ID.eq(studentId)))
                .isZero();
    }

    @Test
    void aRequestWaitsCanBeCancelledAndIsCarriedOutOnlyOnceDue() {
        assertThat(users.student().get("/student/privacy/delete").body()).contains("Type DELETE to confirm");

        assertThat(redirectOf(users.student().post("/student/privacy/delete", Map.of("word", " delete "))))
                .isEqualTo("/student/privacy/delete?done=requested");
        String pending = users.student().get("/student/privacy/delete").body();
        assertThat(pending).contains("Your data will be deleted", "Cancel the deletion");
        task.run();
        assertThat(momentsOfTheStudent()).as("still waiting").isEqualTo(1);

        assertThat(redirectOf(users.student().post("/student/privacy/delete/cancel", Map.of())))
                .isEqualTo("/student/privacy/delete?done=cancelled");
        assertThat(users.student().get("/student/privacy/reads").body()).contains("you cancelled it on");
        assertThat(users.student()
                        .post("/student/privacy/delete/cancel", Map.of())
                        .statusCode())
                .as("nothing left to cancel")
                .isEqualTo(404);

        redirectOf(users.student().post("/student/privacy/delete", Map.of("word", "DELETE")));
        db.update(PRIVACY_ERASURE)
                .set(PRIVACY_ERASURE.DUE_AT, OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1))
                .where(PRIVACY_ERASURE.USER_ID.eq(studentId).and(PRIVACY_ERASURE.CANCELLED_AT.isNull()))
                .execute();
        task.run();

        assertThat(momentsOfTheStudent()).isZero();
        assertThat(users.student().get("/student/privacy/reads").body())
                .contains("data-erasure=\"erased\"", "everything was deleted on", "data-erasure=\"cancelled\"");
    }

    @Test
    void nobodyButTheStudentAsksOrCancelsForThem() {
        redirectOf(users.student().post("/student/privacy/delete", Map.of("word", "DELETE")));
        for (LaunchedUser someone : List.of(users.teacher(), users.otherTeacher())) {
            assertThat(someone.get("/student/privacy/delete").statusCode()).isEqualTo(404);
            assertThat(someone.post("/student/privacy/delete/cancel", Map.of()).statusCode())
                    .isEqualTo(404);
        }
        assertThat(classmateOf(users.student())
                        .post("/student/privacy/delete/cancel", Map.of())
                        .statusCode())
                .isEqualTo(404);
        assertThat(db.fetchCount(
                        PRIVACY_ERASURE,
                        PRIVACY_ERASURE.USER_ID.eq(studentId).and(PRIVACY_ERASURE.CANCELLED_AT.isNull())))
                .isEqualTo(1);
    }

    @Test
    void aDutchStudentTypesTheDutchWord() {
        LaunchedUser dutch = launch(users.student().contextId(), nl.leerlog.lti.testing.TestPlatform.LEARNER, "nl");
        assertThat(dutch.get("/student/privacy/delete").body()).contains("Typ VERWIJDER om te bevestigen");
        assertThat(redirectOf(dutch.post("/student/privacy/delete", Map.of("word", "verwijder"))))
                .isEqualTo("/student/privacy/delete?done=requested");
    }

    private int momentsOfTheStudent() {
        return db.fetchCount(LEARNING_MOMENT, owner.owns(LEARNING_MOMENT));
    }
}
