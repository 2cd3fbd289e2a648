package nl.leerlog.tool.analytics.internal;

import jakarta.validation.constraints.NotBlank;
import nl.leerlog.tool.web.HttpsUrl;
import nl.leerlog.tool.web.TypeableText;
import nl.leerlog.tool.web.TypeableTextRule;

/** A course's analytics settings as its form sends them: whether consent is asked, and the counsellor's address. */
record AnalyticsSettingsForm(
        @NotBlank(message = ERRORS + "consent") String consentRequired,

        @TypeableText(max = 500, singleLine = true, keys = ERRORS + "counsellor.")
        @HttpsUrl(message = ERRORS + "counsellor.url", https = ERRORS + "counsellor.https")
        String counsellorUrl) {

    static final String ERRORS = "insights.settings.error.";

    /** Whether the form asks consent; only "true" and "false" come from the form's two choices. */
    boolean asksConsent() {
        return "true".equals(consentRequired);
    }

    boolean validChoice() {
        return "true".equals(consentRequired) || "false".equals(consentRequired);
    }

    String url() {
        return TypeableTextRule.stripped(counsellorUrl);
    }
}
