package nl.leerlog.tool;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
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

    /** A new page in {@code context} that reports CSP violations to the console, watched. */
    public Page openWatched(BrowserContext context) {
        context.addInitScript(DebianChromium.REPORT_CSP_VIOLATIONS);
        Page page = context.newPage();
        watch(page);
        return page;
    }

    /** Fails on any problem found, and closes the context either way. */
    public void assertNoneAndClose(BrowserContext context) {
        try {
            assertThat(found())
                    .as("console errors, CSP violations and script errors")
                    .isEmpty();
        } finally {
            if (context != null) {
                context.close();
            }
        }
    }

    public List<String> found() {
        return List.copyOf(found);
    }
}
