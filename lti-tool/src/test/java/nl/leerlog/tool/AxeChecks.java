package nl.leerlog.tool;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import java.util.List;
import java.util.stream.Collectors;

/** What every accessibility check in the browser tests holds pages to, and how it reports a violation. */
public final class AxeChecks {

    /** The WCAG 2.0, 2.1 and 2.2 A and AA rules. */
    public static final List<String> WCAG_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private AxeChecks() {}

    /** Each violated rule with its help text, and under it the target selectors of the nodes that fail it. */
    public static String describe(List<Rule> violations) {
        return violations.stream()
                .map(rule -> "- " + rule.getId() + ": " + rule.getHelp() + " (" + rule.getImpact()
                        + ")\n"
                        + rule.getNodes().stream().map(AxeChecks::describe).collect(Collectors.joining("\n")))
                .collect(Collectors.joining("\n"));
    }

    private static String describe(CheckedNode node) {
        String summary =
                node.getFailureSummary() == null ? "" : node.getFailureSummary().replace("\n", " ");
        return "    " + node.getTarget() + " " + summary;
    }
}
