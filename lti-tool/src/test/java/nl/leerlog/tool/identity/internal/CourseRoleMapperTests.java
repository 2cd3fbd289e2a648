package nl.leerlog.tool.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.leerlog.tool.identity.CourseRole;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The roles claim to course role mapping (Core §A.2), case by case, with the role URIs Canvas sends. */
class CourseRoleMapperTests {

    static final String MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership#";
    static final String INSTITUTION = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#";
    static final String SYSTEM = "http://purl.imsglobal.org/vocab/lis/v2/system/person#";
    static final String TEACHING_ASSISTANT =
            "http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant";
    static final String TEST_USER = "http://purl.imsglobal.org/vocab/lti/system/person#TestUser";

    /** canvas.md, "Roles as Canvas sends them". */
    @Nested
    class CanvasCourseRoles {

        @Test
        void teacherIsATeacher() {
            assertThat(CourseRoleMapper.map(
                            List.of(INSTITUTION + "Instructor", MEMBERSHIP + "Instructor", SYSTEM + "User")))
                    .isEqualTo(CourseRole.TEACHER);
        }

        @Test
        void teachingAssistantIsATeacher() {
            assertThat(CourseRoleMapper.map(List.of(MEMBERSHIP + "Instructor", TEACHING_ASSISTANT, SYSTEM + "User")))
                    .isEqualTo(CourseRole.TEACHER);
        }

        @Test
        void designerIsATeacher() {
            assertThat(CourseRoleMapper.map(List.of(MEMBERSHIP + "ContentDeveloper", SYSTEM + "User")))
                    .isEqualTo(CourseRole.TEACHER);
        }

        @Test
        void studentIsAStudent() {
            assertThat(CourseRoleMapper.map(List.of(INSTITUTION + "Student", MEMBERSHIP + "Learner", SYSTEM + "User")))
                    .isEqualTo(CourseRole.STUDENT);
        }

        @Test
        void testStudentIsAStudent() {
            assertThat(CourseRoleMapper.map(
                            List.of(INSTITUTION + "Student", MEMBERSHIP + "Learner", SYSTEM + "User", TEST_USER)))
                    .isEqualTo(CourseRole.STUDENT);
        }

        @Test
        void observerIsAnObserver() {
            assertThat(CourseRoleMapper.map(List.of(MEMBERSHIP + "Mentor", SYSTEM + "User")))
                    .isEqualTo(CourseRole.OBSERVER);
        }

        @Test
        void accountAdminWhoIsNotEnrolledHasNoCourseRole() {
            assertThat(CourseRoleMapper.map(
                            List.of(INSTITUTION + "Administrator", SYSTEM + "User", SYSTEM + "SysAdmin")))
                    .isEqualTo(CourseRole.NONE);
        }

        @Test
        void accountAdminWhoTeachesTheCourseIsATeacher() {
            assertThat(CourseRoleMapper.map(List.of(INSTITUTION + "Administrator", MEMBERSHIP + "Instructor")))
                    .isEqualTo(CourseRole.TEACHER);
        }
    }

    @Nested
    class MembershipRoles {

        @Test
        void courseAdministratorIsATeacher() {
            assertThat(CourseRoleMapper.map(List.of(MEMBERSHIP + "Administrator")))
                    .isEqualTo(CourseRole.TEACHER);
        }

        @Test
        void subRoleOfInstructorAloneMakesATeacher() {
            assertThat(CourseRoleMapper.map(List.of(TEACHING_ASSISTANT))).isEqualTo(CourseRole.TEACHER);
        }

        @Test
        void subRoleOfLearnerAloneMakesAStudent() {
            assertThat(CourseRoleMapper.map(
                            List.of("http://purl.imsglobal.org/vocab/lis/v2/membership/Learner#Learner")))
                    .isEqualTo(CourseRole.STUDENT);
        }

        @Test
        void subRoleOfMentorAloneMakesAnObserver() {
            assertThat(CourseRoleMapper.map(
                            List.of("http://purl.imsglobal.org/vocab/lis/v2/membership/Mentor#Advisor")))
                    .isEqualTo(CourseRole.OBSERVER);
        }

        @Test
        void someoneWhoTeachesAndLearnsGetsTheTeachersView() {
            assertThat(CourseRoleMapper.map(List.of(MEMBERSHIP + "Learner", MEMBERSHIP + "Instructor")))
                    .isEqualTo(CourseRole.TEACHER);
        }

        @Test
        void learnerWhoIsAlsoAMentorIsAStudent() {
            assertThat(CourseRoleMapper.map(List.of(MEMBERSHIP + "Mentor", MEMBERSHIP + "Learner")))
                    .isEqualTo(CourseRole.STUDENT);
        }

        @Test
        void otherMembershipRolesGiveNoCourseRole() {
            assertThat(CourseRoleMapper.map(
                            List.of(MEMBERSHIP + "Member", MEMBERSHIP + "Manager", MEMBERSHIP + "Officer")))
                    .isEqualTo(CourseRole.NONE);
        }
    }

    /** Core §A.2.3.1: a context role may be sent by its short name. */
    @Nested
    class ShortNames {

        @Test
        void instructorIsATeacher() {
            assertThat(CourseRoleMapper.map(List.of("Instructor"))).isEqualTo(CourseRole.TEACHER);
        }

        @Test
        void contentDeveloperIsATeacher() {
            assertThat(CourseRoleMapper.map(List.of("ContentDeveloper"))).isEqualTo(CourseRole.TEACHER);
        }

        @Test
        void learnerIsAStudent() {
            assertThat(CourseRoleMapper.map(List.of("Learner"))).isEqualTo(CourseRole.STUDENT);
        }

        @Test
        void mentorIsAnObserver() {
            assertThat(CourseRoleMapper.map(List.of("Mentor"))).isEqualTo(CourseRole.OBSERVER);
        }

        @Test
        void shortAndFullNamesMixed() {
            assertThat(CourseRoleMapper.map(List.of("Learner", INSTITUTION + "Student")))
                    .isEqualTo(CourseRole.STUDENT);
        }
    }

    /** Institution and system roles say nothing about a course. */
    @Nested
    class RolesOutsideTheCourse {

        @Test
        void institutionInstructorAloneIsNoTeacherOfTheCourse() {
            assertThat(CourseRoleMapper.map(List.of(INSTITUTION + "Instructor")))
                    .isEqualTo(CourseRole.NONE);
        }

        @Test
        void institutionStudentAloneIsNoStudentOfTheCourse() {
            assertThat(CourseRoleMapper.map(List.of(INSTITUTION + "Student"))).isEqualTo(CourseRole.NONE);
        }

        @Test
        void systemAdministratorAloneHasNoCourseRole() {
            assertThat(CourseRoleMapper.map(List.of(SYSTEM + "Administrator", SYSTEM + "SysAdmin")))
                    .isEqualTo(CourseRole.NONE);
        }

        @Test
        void testUserAloneHasNoCourseRole() {
            assertThat(CourseRoleMapper.map(List.of(TEST_USER))).isEqualTo(CourseRole.NONE);
        }
    }

    @Nested
    class UnknownAndEmpty {

        @Test
        void noRolesGiveNoCourseRole() {
            assertThat(CourseRoleMapper.map(List.of())).isEqualTo(CourseRole.NONE);
        }

        @Test
        void unknownRolesAreIgnored() {
            assertThat(CourseRoleMapper.map(List.of(
                            "http://example.edu/roles#CoffeeMaker", "urn:example:role", MEMBERSHIP + "Learner")))
                    .isEqualTo(CourseRole.STUDENT);
        }

        @Test
        void unknownRolesAloneGiveNoCourseRole() {
            assertThat(CourseRoleMapper.map(List.of("http://example.edu/roles#CoffeeMaker", "CoffeeMaker")))
                    .isEqualTo(CourseRole.NONE);
        }

        @Test
        void roleNamesAreCaseSensitive() {
            assertThat(CourseRoleMapper.map(List.of(MEMBERSHIP + "instructor", "learner")))
                    .isEqualTo(CourseRole.NONE);
        }

        @Test
        void membershipUriWithoutRoleNameIsIgnored() {
            assertThat(CourseRoleMapper.map(
                            List.of(MEMBERSHIP, "http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor")))
                    .isEqualTo(CourseRole.NONE);
        }
    }

    @Nested
    class TestUser {

        @Test
        void testUserRoleMarksTheTestStudent() {
            assertThat(CourseRoleMapper.isTestUser(List.of(MEMBERSHIP + "Learner", TEST_USER)))
                    .isTrue();
        }

        @Test
        void ordinaryStudentIsNoTestUser() {
            assertThat(CourseRoleMapper.isTestUser(List.of(INSTITUTION + "Student", MEMBERSHIP + "Learner")))
                    .isFalse();
        }

        @Test
        void testUserInAnotherVocabularyDoesNotCount() {
            // The LTI vocabulary (lti/system/person), not the LIS one.
            assertThat(CourseRoleMapper.isTestUser(List.of(SYSTEM + "TestUser")))
                    .isFalse();
        }
    }

    @Nested
    class MembershipRoleOfAUri {

        @Test
        void fullMembershipUriGivesItsRole() {
            assertThat(CourseRoleMapper.membershipRole(MEMBERSHIP + "Instructor"))
                    .isEqualTo("Instructor");
        }

        @Test
        void subRoleUriGivesItsParentRole() {
            assertThat(CourseRoleMapper.membershipRole(TEACHING_ASSISTANT)).isEqualTo("Instructor");
        }

        @Test
        void shortNameGivesItself() {
            assertThat(CourseRoleMapper.membershipRole("Learner")).isEqualTo("Learner");
        }

        @Test
        void institutionRoleIsNoMembershipRole() {
            assertThat(CourseRoleMapper.membershipRole(INSTITUTION + "Instructor"))
                    .isNull();
        }

        @Test
        void systemRoleIsNoMembershipRole() {
            assertThat(CourseRoleMapper.membershipRole(TEST_USER)).isNull();
        }
    }
}
