package nl.leerlog.tool.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Locator;
import nl.leerlog.tool.DemoLmsBrowser;
import org.junit.jupiter.api.Test;

/**
 * The student's insights inside the LMS frame: the charts are drawn from their tables, the table view is one key
 * press away, and a tip goes when the student dismisses it.
 */
class InsightsBrowserTests extends DemoLmsBrowser {

    @Test
    void studentOpensInsightsSwitchesAChartToItsTableWithTheKeyboardAndDismissesATip() {
        openWindow(1280, 900);
        FrameLocator tool = launchEnglishStudent();

        tool.locator(".app-nav").getByText("Insights").click();
        arrived(tool, "Insights");
        Locator weeks = tool.locator("#chart-weeks");
        page.waitForCondition(() -> weeks.getAttribute("data-drawn") != null);
        assertThat(weeks.locator(".chart-view").isVisible()).isTrue();
        assertThat(weeks.locator("#chart-weeks-table").isVisible()).isFalse();

        Locator toggle = weeks.locator(".chart-toggle");
        toggle.focus();
        page.keyboard().press("Enter");

        page.waitForCondition(() -> weeks.locator("#chart-weeks-table").isVisible());
        assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
        assertThat(toggle.textContent()).isEqualTo("Show as chart");
        assertThat(weeks.locator(".chart-view").isVisible()).isFalse();
        assertThat(weeks.locator("table.chart-table").evaluate("table => document.activeElement === table"))
                .isEqualTo(true);

        Locator firstTip = tool.locator("#tips-panel article.tip").first();
        page.waitForCondition(() -> firstTip.count() > 0);
        String tipId = firstTip.getAttribute("id");
        firstTip.getByText("Dismiss").click();
        page.waitForCondition(() -> tool.locator("#" + tipId).count() == 0
                && tool.locator("h1").textContent().strip().equals("Insights"));
        settled();
    }
}
