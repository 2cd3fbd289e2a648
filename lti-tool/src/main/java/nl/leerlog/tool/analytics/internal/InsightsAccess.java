package nl.leerlog.tool.analytics.internal;

import nl.leerlog.tool.identity.Owner;
import org.springframework.stereotype.Component;

/** Whether anything may be computed from a student's log: always, unless their course asks consent they did not give. */
@Component
record InsightsAccess(AnalyticsSettings settings, AnalyticsConsents consents) {

    boolean computes(Owner owner) {
        return !settings.consentRequired(owner.courseId()) || consents.answer(owner) == AnalyticsConsents.Answer.GIVEN;
    }
}
