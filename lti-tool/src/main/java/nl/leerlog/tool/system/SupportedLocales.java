package nl.leerlog.tool.system;

import java.util.List;
import java.util.Locale;

/** Leerlog speaks Dutch and English; everything else falls back to English. */
public final class SupportedLocales {

    public static final Locale DUTCH = Locale.forLanguageTag("nl");
    public static final List<Locale> ALL = List.of(Locale.ENGLISH, DUTCH);

    private SupportedLocales() {}

    public static Locale closest(Locale requested) {
        if (requested != null && DUTCH.getLanguage().equals(requested.getLanguage())) {
            return DUTCH;
        }
        return Locale.ENGLISH;
    }

    /** From a launch's {@code locale} claim (a language tag, sometimes with an underscore); English without one. */
    public static Locale fromClaim(String tag) {
        return tag == null || tag.isBlank() ? Locale.ENGLISH : closest(Locale.forLanguageTag(tag.replace('_', '-')));
    }

    /** From an Accept-Language header via the servlet's locale list. */
    public static Locale fromRequest(jakarta.servlet.http.HttpServletRequest request) {
        var locales = request.getLocales();
        while (locales.hasMoreElements()) {
            Locale candidate = locales.nextElement();
            if (candidate.getLanguage().equals("nl") || candidate.getLanguage().equals("en")) {
                return closest(candidate);
            }
        }
        return Locale.ENGLISH;
    }
}
