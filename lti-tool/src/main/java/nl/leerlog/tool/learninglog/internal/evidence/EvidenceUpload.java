package nl.leerlog.tool.learninglog.internal.evidence;

/** An uploaded file that passed every check: its safe name, the type found in its content and its scan result. */
public record EvidenceUpload(
        String fileName, String contentType, byte[] content, String sha256, ScanStatus scanStatus) {}
