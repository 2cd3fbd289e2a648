package nl.leerlog.tool.analytics.internal;

import java.time.LocalDate;

/** One weekly check-in: how it is going, the workload and the energy (1 to 5) and an optional line. */
public record CheckIn(long id, LocalDate weekStart, int mood, int workload, int energy, String note) {}
