package nl.leerlog.tool.identity.internal;

/**
 * What one roster read changed.
 *
 * @param listed active teachers and students the roster named, now enrolled and active
 * @param deactivated enrolments made inactive: no longer in the roster, or listed as inactive or deleted
 * @param skipped members that are neither teacher nor student (e.g. observers) or whose id cannot be stored
 */
public record RosterChanges(int listed, int deactivated, int skipped) {}
