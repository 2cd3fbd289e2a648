package nl.leerlog.tool.benchmark;

import java.util.List;

/** Latency percentiles the benchmarks report, by the nearest-rank method. */
public final class Percentiles {

    private Percentiles() {}

    /** The {@code p}th percentile in milliseconds of sorted nanosecond latencies. */
    public static double percentile(List<Long> sortedNanos, int p) {
        int index = (int) Math.ceil(p / 100.0 * sortedNanos.size()) - 1;
        return sortedNanos.get(Math.max(0, index)) / 1_000_000.0;
    }
}
