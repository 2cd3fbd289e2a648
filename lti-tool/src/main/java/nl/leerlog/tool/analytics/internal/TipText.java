package nl.leerlog.tool.analytics.internal;

import java.util.Locale;

/**
 * A tip in three parts (Hattie and Timperley's feedback model, as handbook 001 asks): feed-up (where am I going),
 * feedback (how am I doing) and feed-forward (what next), each in Dutch and English.
 */
public record TipText(
        String feedUpNl,
        String feedUpEn,
        String feedbackNl,
        String feedbackEn,
        String feedForwardNl,
        String feedForwardEn) {

    public String feedUp(Locale locale) {
        return dutch(locale) ? feedUpNl : feedUpEn;
    }

    public String feedback(Locale locale) {
        return dutch(locale) ? feedbackNl : feedbackEn;
    }

    public String feedForward(Locale locale) {
        return dutch(locale) ? feedForwardNl : feedForwardEn;
    }

    private static boolean dutch(Locale locale) {
        return "nl".equals(locale.getLanguage());
    }
}
