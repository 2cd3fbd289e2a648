package nl.leerlog.tool.learninglog.internal.evidence;

/** What the virus scan said about a file; an INFECTED file is never stored. */
public enum ScanStatus {
    CLEAN,
    INFECTED,
    SKIPPED,
    FAILED
}
