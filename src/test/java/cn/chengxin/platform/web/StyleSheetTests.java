package cn.chengxin.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The style sheets (gaps review xxxv O8, O11): type sizes in rem, so that the reader's own default size applies (34 of
 * site.css's 35 sizes were in px); a success is styled and legible (it was plain text).
 */
class StyleSheetTests {

    private static final Path CSS = Path.of("src/main/resources/static/css");
    private static final Pattern SIZE = Pattern.compile("font-size:\\s*([0-9.]+)(rem|em|px|pt|%)");

    @Test
    void typeSizesAreInRemAndSmallTextIsAtLeastSevenEighthsOfTheReadersSize() throws IOException {
        for (String sheet : new String[] {"site.css", "care.css"}) {
            Matcher m = SIZE.matcher(Files.readString(CSS.resolve(sheet), StandardCharsets.UTF_8));
            int sizes = 0;
            while (m.find()) {
                sizes++;
                assertThat(m.group(2)).as("%s: %s", sheet, m.group()).isEqualTo("rem");
                assertThat(Double.parseDouble(m.group(1))).as("%s: %s", sheet, m.group()).isGreaterThanOrEqualTo(0.875);
            }
            assertThat(sizes).as(sheet).isPositive();
        }
    }

    @Test
    void theCareModeRaisesTheRootSize() throws IOException {
        assertThat(Files.readString(CSS.resolve("care.css"), StandardCharsets.UTF_8))
                .containsPattern("html \\{ font-size: 1\\.25rem; \\}");
    }

    @Test
    void aSuccessHasAStyleWhoseTextMeetsFourAndAHalfToOne() throws IOException {
        Matcher rule = Pattern.compile("\\.alert\\.success \\{([^}]*)\\}")
                .matcher(Files.readString(CSS.resolve("site.css"), StandardCharsets.UTF_8));
        assertThat(rule.find()).as(".alert.success is styled").isTrue();
        String ink = colour(rule.group(1), "(?<![-\\w])color");
        String fill = colour(rule.group(1), "background");
        assertThat(contrast(ink, fill)).as("%s on %s", ink, fill).isGreaterThanOrEqualTo(4.5);
    }

    private static String colour(String declarations, String property) {
        Matcher m = Pattern.compile(property + ":\\s*(#[0-9a-fA-F]{6})").matcher(declarations);
        assertThat(m.find()).as(property).isTrue();
        return m.group(1);
    }

    /** WCAG 2's contrast ratio of two sRGB colours. */
    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }
}
