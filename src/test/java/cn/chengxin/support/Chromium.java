package cn.chengxin.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Assumptions;

/**
 * Launches Debian's {@code chromium} through Playwright without Playwright's own browser download
 * (STACK-NOTES). Without Chromium the browser tests are skipped with a message saying how to install it,
 * except on CI ({@code CI=true}), where a missing browser fails the run: a skipped test proves nothing.
 */
public final class Chromium {

    private static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/lib/chromium/chromium");

    private static Playwright sharedPlaywright;
    private static Browser sharedBrowser;

    private Chromium() {
    }

    /**
     * One browser for all browser tests of the JVM (each test opens its own context), launched on first use
     * and closed when the JVM ends; skipped or failed as {@link #requireExecutable} says when there is none.
     */
    public static synchronized Browser browser() {
        Path executable = requireExecutable();
        if (sharedBrowser == null) {
            sharedPlaywright = playwright();
            sharedBrowser = launch(sharedPlaywright, executable);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                sharedBrowser.close();
                sharedPlaywright.close();
            }, "chromium-close"));
        }
        return sharedBrowser;
    }

    public static Optional<Path> executable() {
        String configured = System.getenv("CHROMIUM_PATH");
        return Stream.concat(Stream.ofNullable(configured), CANDIDATES.stream()).map(Path::of)
                .filter(Files::isExecutable).findFirst();
    }

    /** The executable, or the test is skipped (locally) or failed (on CI). */
    public static Path requireExecutable() {
        Optional<Path> path = executable();
        if (path.isEmpty()) {
            String message = "No Chromium found (looked at " + CANDIDATES + " and $CHROMIUM_PATH); "
                    + "install it with: sudo apt-get install -y chromium";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message + " — CI=true, so the browser tests must run");
            }
            Assumptions.abort(message + " — browser tests skipped");
        }
        return path.get();
    }

    public static Playwright playwright() {
        return Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    public static Browser launch(Playwright playwright, Path executable) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(executable)
                .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu",
                        "--disable-background-networking", "--disable-component-update", "--no-first-run",
                        "--disable-sync")));
    }
}
