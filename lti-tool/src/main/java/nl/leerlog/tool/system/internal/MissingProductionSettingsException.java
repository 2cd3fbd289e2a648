package nl.leerlog.tool.system.internal;

import java.util.List;

/** Leerlog started without the dev profile, and settings production needs are missing or unsafe. */
public class MissingProductionSettingsException extends IllegalStateException {

    private final List<String> problems;

    MissingProductionSettingsException(List<String> problems) {
        super("Leerlog runs as production (the dev profile is not active) and these settings are missing or unsafe:"
                + System.lineSeparator() + lines(problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }

    private static String lines(List<String> problems) {
        return String.join(
                System.lineSeparator(),
                problems.stream().map(problem -> "  - " + problem).toList());
    }
}
