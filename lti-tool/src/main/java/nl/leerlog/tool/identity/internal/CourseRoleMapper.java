package nl.leerlog.tool.identity.internal;

import java.util.Collection;
import java.util.Set;
import nl.leerlog.tool.identity.CourseRole;

/**
 * The one place that turns an LTI {@code roles} claim into a course role (Core §A.2). Membership
 * (context) roles decide; institution and system roles never make anyone a teacher of a course. Short
 * names ({@code Instructor}) count as membership roles (Core §A.2.3.1); unknown roles are ignored.
 */
public final class CourseRoleMapper {

    private static final String MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership#";
    private static final String MEMBERSHIP_SUB = "http://purl.imsglobal.org/vocab/lis/v2/membership/";
    /** Core §A.2.4: the platform's "student view" user. */
    public static final String TEST_USER = "http://purl.imsglobal.org/vocab/lti/system/person#TestUser";

    private static final Set<String> TEACHING = Set.of("Instructor", "ContentDeveloper", "Administrator");
    private static final Set<String> LEARNING = Set.of("Learner");
    private static final Set<String> MENTORING = Set.of("Mentor");

    private CourseRoleMapper() {}

    public static CourseRole map(Collection<String> roles) {
        boolean teacher = false;
        boolean student = false;
        boolean mentor = false;
        for (String role : roles) {
            String membership = membershipRole(role);
            if (membership == null) {
                continue;
            }
            teacher |= TEACHING.contains(membership);
            student |= LEARNING.contains(membership);
            mentor |= MENTORING.contains(membership);
        }
        // Someone who teaches and also learns in a course (e.g. a TA) gets the teacher's view.
        if (teacher) {
            return CourseRole.TEACHER;
        }
        if (student) {
            return CourseRole.STUDENT;
        }
        return mentor ? CourseRole.OBSERVER : CourseRole.NONE;
    }

    public static boolean isTestUser(Collection<String> roles) {
        return roles.contains(TEST_USER);
    }

    /**
     * The principal membership role named by a role URI, or {@code null} if it is not a membership role:
     * {@code membership#Instructor} and {@code Instructor} give {@code Instructor};
     * {@code membership/Instructor#TeachingAssistant} gives {@code Instructor} (a sub-role counts as its parent).
     */
    static String membershipRole(String role) {
        if (role.startsWith(MEMBERSHIP)) {
            return role.substring(MEMBERSHIP.length());
        }
        if (role.startsWith(MEMBERSHIP_SUB)) {
            String rest = role.substring(MEMBERSHIP_SUB.length());
            int hash = rest.indexOf('#');
            return hash > 0 ? rest.substring(0, hash) : null;
        }
        if (!role.contains(":") && !role.contains("/") && !role.contains("#")) {
            return role; // a short name such as "Learner"
        }
        return null;
    }
}
