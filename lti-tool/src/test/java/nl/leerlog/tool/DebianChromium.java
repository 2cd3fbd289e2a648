package nl.leerlog.tool;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserType;
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
    public static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");
    /** An init script that reports every Content-Security-Policy violation on the console, where tests watch. */
    public static final String REPORT_CSP_VIOLATIONS = """
            document.addEventListener('securitypolicyviolation', function (e) {
              console.error('CSP violation: ' + e.violatedDirective + ' blocked ' + e.blockedURI
                  + ' on ' + document.location.href);
            });
            """;

    private DebianChromium() {
    }

    public static BrowserType.LaunchOptions launchOptions() {
        requireInstalled();
        return new BrowserType.LaunchOptions().setExecutablePath(EXECUTABLE).setHeadless(true).setArgs(ARGS);
    }

    public static BrowserType.LaunchPersistentContextOptions persistentContextOptions() {
        requireInstalled();
        return new BrowserType.LaunchPersistentContextOptions().setExecutablePath(EXECUTABLE).setHeadless(true)
                .setArgs(ARGS);
    }

    private static void requireInstalled() {
        assertThat(Files.isExecutable(EXECUTABLE))
                .as("Chromium at %s (apt-get install chromium, or set -Dleerlog.chromium)", EXECUTABLE).isTrue();
    }
}
