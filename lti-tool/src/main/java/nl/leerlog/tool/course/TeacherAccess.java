package nl.leerlog.tool.course;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import nl.leerlog.tool.home.CurrentUser;
import nl.leerlog.tool.roles.CourseRole;
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

    /** Confirmations kept before the expired ones are dropped; far more than the teachers of one instance. */
    private static final int PRUNE_ABOVE = 10_000;

    private final CourseMembership membership;
    private final Clock clock;
    private final CourseSettings settings;
    private final Map<Enrolment, Instant> confirmedAt = new ConcurrentHashMap<>();

    TeacherAccess(CourseMembership membership, Clock clock, CourseSettings settings) {
        this.membership = membership;
        this.clock = clock;
        this.settings = settings;
    }

    private record Enrolment(long courseId, long userId) {
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
            RequestAuthorizationContext request) {
        boolean granted = CurrentUser.from(authentication.get())
                .filter(CurrentUser::isTeacher)
                .map(user -> stillTeacher(new Enrolment(user.courseId(), user.userId())))
                .orElse(false);
        return new AuthorizationDecision(granted);
    }

    private boolean stillTeacher(Enrolment enrolment) {
        Instant now = clock.instant();
        Instant confirmed = confirmedAt.get(enrolment);
        if (confirmed != null && now.isBefore(confirmed.plus(settings.teacherRecheck()))) {
            return true;
        }
        boolean teacher = membership.role(enrolment.courseId(), enrolment.userId())
                .filter(role -> role == CourseRole.TEACHER)
                .isPresent();
        if (teacher) {
            confirmedAt.put(enrolment, now);
            if (confirmedAt.size() > PRUNE_ABOVE) {
                confirmedAt.values().removeIf(at -> !now.isBefore(at.plus(settings.teacherRecheck())));
            }
        } else {
            confirmedAt.remove(enrolment);
        }
        return teacher;
    }
}
