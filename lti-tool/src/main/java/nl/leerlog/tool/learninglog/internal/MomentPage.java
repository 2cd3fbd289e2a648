package nl.leerlog.tool.learninglog.internal;

import java.util.List;

/** One page of the list, newest first, and whether older moments follow. */
public record MomentPage(List<MomentSummary> moments, int page, boolean hasMore) {}
