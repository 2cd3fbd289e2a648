package nl.leerlog.tool.learninglog.internal.evidence;

import java.time.Instant;

/** One evidence file of a learning moment, as its page lists it. */
public record EvidenceItem(
        long id, String fileName, String contentType, long sizeBytes, ScanStatus scanStatus, Instant createdAt) {}
