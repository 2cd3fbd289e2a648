package nl.leerlog.tool;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * Debian's Chromium as every browser test starts it: Playwright drives the installed browser (no download),
 * headless, without the background connections this machine's closed network would refuse.
 */
public final class DebianChromium {

    public static final Path EXECUTABLE = Paths.get(System.getProperty("leerlog.chromium", "/usr/bin/chromium"));
    /**
     * Cross-site frames stay in the page's renderer process: the demo LMS's authorization page form-posts on load,
     * and moving that frame to another process at once could leave Playwright holding a stale frame. Cookie
     * partitioning, CSP and postMessage origins, which the tests are about, do not depend on process isolation.
     */
    public static final List<String> ARGS = List.of(
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-site-isolation-trials",
            "--disable-features=IsolateOrigins,site-per-process");
    /** An init script that reports every Content-Security-Policy violation on the console, where tests watch. */
    public static final String REPORT_CSP_VIOLATIONS = """
            document.addEventListener('securitypolicyviolation', function (e) {
              console.error('CSP violation: ' + e.violatedDirective + ' blocked ' + e.blockedURI
                  + ' on ' + document.location.href);
            });
            """;

    private DebianChromium() {}

    public static BrowserType.LaunchOptions launchOptions() {
        requireInstalled();
        return new BrowserType.LaunchOptions()
                .setExecutablePath(EXECUTABLE)
                .setHeadless(true)
                .setArgs(ARGS);
    }

    public static BrowserType.LaunchPersistentContextOptions persistentContextOptions() {
        requireInstalled();
        return new BrowserType.LaunchPersistentContextOptions()
                .setExecutablePath(EXECUTABLE)
                .setHeadless(true)
                .setArgs(ARGS);
    }

    /**
     * Chromium with a profile in {@code profileDirectory} that blocks third-party cookies, as Safari and Chrome's
     * incognito mode do: contexts opened from its browser share the setting.
     */
    public static BrowserContext blockingThirdPartyCookies(Playwright playwright, Path profileDirectory)
            throws IOException {
        // cookie_controls_mode 1 is Chrome's "Block third-party cookies".
        Path defaults = Files.createDirectories(profileDirectory.resolve("Default"));
        Files.writeString(defaults.resolve("Preferences"), "{\"profile\":{\"cookie_controls_mode\":1}}");
        return playwright.chromium().launchPersistentContext(profileDirectory, persistentContextOptions());
    }

    private static void requireInstalled() {
        assertThat(Files.isExecutable(EXECUTABLE))
                .as("Chromium at %s (apt-get install chromium, or set -Dleerlog.chromium)", EXECUTABLE)
                .isTrue();
    }
}
