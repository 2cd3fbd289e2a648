package nl.leerlog.tool.learninglog;

import java.time.LocalDate;
import java.util.Locale;

/**
 * Which of a student's learning moments the list shows: a period, a category, a goal, a competency, drafts only and
 * a search text; every part is optional. {@code page} counts from 1.
 */
public record MomentFilter(LocalDate from, LocalDate to, Long categoryId, Long goalId, Long competencyId,
        boolean draftsOnly, String search, int page) {

    public static final MomentFilter ALL = new MomentFilter(null, null, null, null, null, false, null, 1);

    public MomentFilter {
        search = search == null || search.isBlank() ? null : search.strip().toLowerCase(Locale.ROOT);
        page = Math.max(1, page);
    }

    public MomentFilter withPage(int otherPage) {
        return new MomentFilter(from, to, categoryId, goalId, competencyId, draftsOnly, search, otherPage);
    }

    public boolean narrowed() {
        return from != null || to != null || categoryId != null || goalId != null || competencyId != null
                || draftsOnly || search != null;
    }
}
