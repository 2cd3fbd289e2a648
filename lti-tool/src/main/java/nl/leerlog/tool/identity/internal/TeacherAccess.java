package nl.leerlog.tool.identity.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import nl.leerlog.tool.identity.CourseRole;
import nl.leerlog.tool.identity.CurrentUser;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;

/**
 * Who may open the teacher pages ({@code /teacher/**}): a session launched as teacher whose enrolment is still
 * active with the teacher role. A session lasts hours, and meanwhile roster sync may have made the enrolment
 * inactive or a later launch may have demoted it; so the stored enrolment is read again, at most once per
 * {@link CourseSettings#teacherRecheck()} for each course and person on this instance. Only a confirmation is
 * kept: a refused teacher is read again on the next request, so a relaunch that re-enrols them counts at once.
 */
@Component
class TeacherAccess implements AuthorizationManager<RequestAuthorizationContext> {

    private final CourseMembership membership;
    /** Enrolments confirmed lately, each for the re-check time of the application's clock. */
    private final Cache<Enrolment, Boolean> confirmed;

    TeacherAccess(CourseMembership membership, Clock clock, CourseSettings settings) {
        this.membership = membership;
        this.confirmed = Caffeine.newBuilder()
                .expireAfterWrite(settings.teacherRecheck())
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .maximumSize(10_000) // far more than the teachers at work on one instance
                .build();
    }

    private record Enrolment(long courseId, long userId) {}

    @Override
    public AuthorizationResult authorize(
            Supplier<? extends Authentication> authentication, RequestAuthorizationContext request) {
        boolean granted = CurrentUser.from(authentication.get())
                .filter(CurrentUser::isTeacher)
                .map(user -> stillTeacher(new Enrolment(user.courseId(), user.userId())))
                .orElse(false);
        return new AuthorizationDecision(granted);
    }

    private boolean stillTeacher(Enrolment enrolment) {
        if (confirmed.getIfPresent(enrolment) != null) {
            return true;
        }
        boolean teacher = membership
                .role(enrolment.courseId(), enrolment.userId())
                .filter(role -> role == CourseRole.TEACHER)
                .isPresent();
        if (teacher) {
            confirmed.put(enrolment, Boolean.TRUE);
        }
        return teacher;
    }
}
