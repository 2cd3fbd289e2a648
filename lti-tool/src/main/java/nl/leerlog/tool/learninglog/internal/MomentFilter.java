package nl.leerlog.tool.learninglog.internal;

import java.time.LocalDate;
import java.util.Locale;

/**
 * Which of a student's learning moments the list shows: a period, a category, a goal, a competency, drafts only and
 * a search text; every part is optional. {@code page} counts from 1.
 */
public record MomentFilter(
        LocalDate from,
        LocalDate to,
        Long categoryId,
        Long goalId,
        Long competencyId,
        boolean draftsOnly,
        String search,
        int page) {

    public static final MomentFilter ALL = new MomentFilter(null, null, null, null, null, false, null, 1);
    /** Enough for any real search; a pasted essay does not become a query with a thousand conditions. */
    static final int MAX_SEARCH_WORDS = 8;

    static final int MAX_SEARCH_LENGTH = 200;

    public MomentFilter {
        search = search == null || search.isBlank() ? null : search.strip().toLowerCase(Locale.ROOT);
        if (search != null && search.length() > MAX_SEARCH_LENGTH) {
            search = search.substring(0, MAX_SEARCH_LENGTH).strip();
        }
        page = Math.max(1, page);
    }

    /** The words every moment found must contain, at most {@value #MAX_SEARCH_WORDS}. */
    public java.util.List<String> searchWords() {
        if (search == null) {
            return java.util.List.of();
        }
        return java.util.Arrays.stream(search.split("\\s+"))
                .distinct()
                .limit(MAX_SEARCH_WORDS)
                .toList();
    }

    public MomentFilter withPage(int otherPage) {
        return new MomentFilter(from, to, categoryId, goalId, competencyId, draftsOnly, search, otherPage);
    }

    public boolean narrowed() {
        return from != null
                || to != null
                || categoryId != null
                || goalId != null
                || competencyId != null
                || draftsOnly
                || search != null;
    }
}
