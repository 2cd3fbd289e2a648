package nl.leerlog.tool.identity.internal;

/** Asks for a course's roster to be read from the platform soon, e.g. because its teacher just launched. */
public record RosterSyncRequested(long courseId) {}
