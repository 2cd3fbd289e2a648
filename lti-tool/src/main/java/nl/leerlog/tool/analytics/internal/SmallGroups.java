package nl.leerlog.tool.analytics.internal;

/**
 * The smallest group a teacher or coordinator sees any figure about (k-anonymity with k = 5): below it, a count or an
 * average would let them work out one student's figures, so the page says there are not enough students instead.
 */
final class SmallGroups {

    static final int MINIMUM = 5;

    private SmallGroups() {}

    /** Whether figures over a group of {@code students} may be shown. */
    static boolean showable(int students) {
        return students >= MINIMUM;
    }
}
