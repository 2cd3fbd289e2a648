package nl.leerlog.tool.identity.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import nl.leerlog.lti.claims.LtiLaunch;
import nl.leerlog.lti.failure.LtiLaunchException;
import nl.leerlog.lti.launch.FrameAncestors;
import nl.leerlog.lti.launch.LtiLaunchListener;
import nl.leerlog.lti.session.LaunchGrant;
import nl.leerlog.tool.identity.CourseCreatedEvent;
import nl.leerlog.tool.identity.CourseRole;
import nl.leerlog.tool.identity.CurrentUser;
import nl.leerlog.tool.identity.LaunchAcceptedEvent;
import nl.leerlog.tool.system.SupportedLocales;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Decides who a validated launch makes the user in Leerlog: teacher or student of the course (observers and
 * people without a course role are refused with an explanation), and records course, person and enrolment.
 */
@Component
record LaunchRecorder(CourseMembership membership, ApplicationEventPublisher events, Clock clock)
        implements LtiLaunchListener {

    @Override
    public LaunchGrant onLaunch(LtiLaunch launch) {
        CourseRole role = CourseRoleMapper.map(launch.roles());
        if (role == CourseRole.OBSERVER) {
            throw LtiLaunchException.refused(
                    "launch.refused.observer", "observer (membership#Mentor) refused: a student's log is private");
        }
        if (role == CourseRole.NONE) {
            throw LtiLaunchException.refused(
                    "launch.refused.no-course-role", "no membership role in the course: " + launch.roles());
        }
        boolean testUser = CourseRoleMapper.isTestUser(launch.roles());
        CourseMembership.Membership member = membership.record(launch, role, testUser);
        if (member.courseCreated()) {
            events.publishEvent(new CourseCreatedEvent(member.courseId(), SupportedLocales.fromClaim(launch.locale())));
        }
        if (role == CourseRole.TEACHER && launch.namesRoleService() != null) {
            // A teacher's launch refreshes the roster in the background, so their student list is current.
            events.publishEvent(new RosterSyncRequested(member.courseId()));
        }
        events.publishEvent(new LaunchAcceptedEvent(
                launch.registration(),
                launch.deploymentId(),
                member.courseTitle(),
                role,
                FrameAncestors.returnUrlOrigin(launch).orElse(null),
                clock.instant()));
        return new LaunchGrant(
                List.of("ROLE_" + role.name()),
                Map.of(
                        CurrentUser.USER_ID, Long.toString(member.userId()),
                        CurrentUser.COURSE_ID, Long.toString(member.courseId()),
                        CurrentUser.COURSE_TITLE, member.courseTitle() == null ? "" : member.courseTitle(),
                        CurrentUser.ROLE, role.name(),
                        CurrentUser.TEST_USER, Boolean.toString(testUser)),
                role.homePage());
    }
}
