package nl.leerlog.tool.analytics.internal;

/**
 * The fixed kinds of tip rule (handbook 001 "Tips"). A course chooses among these and sets their one number; it never
 * writes a condition of its own, so no user text is ever evaluated.
 */
public enum TipRuleType {
    /** No learning moment on the last N days, while the internship runs (or its period is unknown). */
    NO_MOMENT_FOR_DAYS(1, 90),
    /** More than P % of the moments with a category are in one category (from five such moments on). */
    CATEGORY_SHARE(10, 100),
    /** After internship week W, a competency (the one chosen, or any of the course's) was never linked. */
    COMPETENCY_UNLINKED(1, 52),
    /** Most reflections (from three on) stop at step S of their model or earlier. */
    REFLECTION_STOPS_AT_STEP(1, 10),
    /** After internship week W, no learning goal of one's own and no moment linked to a goal. */
    NO_GOAL_AFTER_WEEK(1, 52),
    /** The internship's organisation or start date is not entered. */
    INTERNSHIP_MISSING(0, 0);

    private final int lowest;
    private final int highest;

    TipRuleType(int lowest, int highest) {
        this.lowest = lowest;
        this.highest = highest;
    }

    public int lowest() {
        return lowest;
    }

    public int highest() {
        return highest;
    }

    /** Whether the rule reads a number at all. */
    public boolean hasThreshold() {
        return highest > 0;
    }
}
