package nl.leerlog.tool.identity;

import java.util.Locale;
import java.util.Optional;
import nl.leerlog.lti.session.LtiAuthenticationToken;
import org.springframework.security.core.Authentication;

/** The launched user of a request, as the launch recorded them. */
public record CurrentUser(
        long userId, String name, CourseRole role, boolean testUser, long courseId, String courseTitle, Locale locale) {

    public static final String USER_ID = "userId";
    public static final String COURSE_ID = "courseId";
    public static final String COURSE_TITLE = "courseTitle";
    public static final String ROLE = "role";
    public static final String TEST_USER = "testUser";

    public static Optional<CurrentUser> from(Authentication authentication) {
        if (!(authentication instanceof LtiAuthenticationToken lti) || lti.attribute(USER_ID) == null) {
            return Optional.empty();
        }
        return Optional.of(new CurrentUser(
                Long.parseLong(lti.attribute(USER_ID)),
                lti.launch().person().displayName().orElse(null),
                CourseRole.valueOf(lti.attribute(ROLE)),
                Boolean.parseBoolean(lti.attribute(TEST_USER)),
                Long.parseLong(lti.attribute(COURSE_ID)),
                lti.attribute(COURSE_TITLE),
                lti.launch().preferredLocale()));
    }

    public boolean isTeacher() {
        return role == CourseRole.TEACHER;
    }
}
