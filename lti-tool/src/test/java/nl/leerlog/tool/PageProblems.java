package nl.leerlog.tool;

import com.microsoft.playwright.Page;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What went wrong on watched pages, for a browser test to assert empty: console errors (CSP violations among
 * them, see {@link DebianChromium#REPORT_CSP_VIOLATIONS}) and uncaught script errors, except the console errors a
 * test says it expects (e.g. the status of a refusal it provokes).
 */
public final class PageProblems {

    private final List<String> found = new CopyOnWriteArrayList<>();
    private final List<String> expected = new CopyOnWriteArrayList<>();

    /** A console error containing this text is part of the test, not a problem. */
    public void expect(String consoleErrorPart) {
        expected.add(consoleErrorPart);
    }

    public void watch(Page page) {
        page.onConsoleMessage(message -> {
            String problem = message.location() + ": " + message.text();
            boolean isExpected = expected.stream().anyMatch(problem::contains);
            if (!isExpected && ("error".equals(message.type()) || message.text().contains("Content Security Policy"))) {
                found.add(message.type() + " at " + problem);
            }
        });
        page.onPageError(error -> found.add("script error: " + error));
    }

    public List<String> found() {
        return List.copyOf(found);
    }
}
