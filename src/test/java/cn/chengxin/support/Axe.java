package cn.chengxin.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.microsoft.playwright.Page;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deque's axe-core run in a page of a browser IT (gaps review xxxv O12): the {@code axe.min.js} bundled in the
 * test-scoped {@code com.deque.html.axe-core:playwright} jar is evaluated in the page (through the DevTools protocol,
 * so the site's Content-Security-Policy does not refuse it) and run on the whole document.
 */
public final class Axe {

    /** WCAG 2.0 and 2.1, levels A and AA: what GB/T 37668-2019 asks. */
    public static final List<String> WCAG_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private static final String SCRIPT = load();

    private Axe() {
    }

    /**
     * The violations of the rules tagged {@code tags} on the page as it is now, one line each: the rule, its impact
     * and the elements (CSS selectors) that break it.
     */
    @SuppressWarnings("unchecked")
    public static List<String> violations(Page page, List<String> tags) {
        page.evaluate("() => { if (!window.axe) { " + SCRIPT + "\n } }");
        return (List<String>) page.evaluate("""
                async tags => {
                  const results = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
                  return results.violations.map(v => v.id + ' (' + v.impact + '): '
                      + v.nodes.map(n => n.target.join(' ')).join(', '));
                }""", tags);
    }

    /** Fails, listing them, when the page has a violation of WCAG 2.1 A/AA that axe can see. */
    public static void check(Page page) {
        assertThat(violations(page, WCAG_AA)).as("axe on %s", page.url()).isEmpty();
    }

    private static String load() {
        try (InputStream in = Axe.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js missing: com.deque.html.axe-core:playwright (test scope)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
