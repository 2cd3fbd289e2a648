package nl.leerlog.tool.analytics.internal;

/**
 * One tip rule of a course: its type and number, the competency it may be about, and the tip it shows.
 *
 * @param key the rule's name within the course, how responses to its tip are kept
 * @param priority 1 comes first
 * @param cooldownDays how long a dismissed tip stays away
 */
public record TipRule(
        String key,
        TipRuleType type,
        boolean enabled,
        int threshold,
        Long competencyId,
        int priority,
        int cooldownDays,
        TipText text) {}
