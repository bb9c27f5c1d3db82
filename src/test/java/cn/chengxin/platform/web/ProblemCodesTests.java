package cn.chengxin.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/**
 * The code the platform gives a framework error by its status has a page behind its {@code type} URI, whatever the
 * status: a status it names no code for (429, 412, …) must not send an integrator's link to a 404.
 */
class ProblemCodesTests {

    @Test
    void everyStatusMapsToACodeExplainedInBothLanguages() throws IOException {
        for (String bundle : new String[] {"messages.properties", "messages_en.properties"}) {
            Properties messages = load(bundle);
            Set<String> unexplained = new TreeSet<>();
            for (int status = 100; status < 600; status++) {
                String code = ProblemCodes.forStatus(status);
                if (messages.getProperty("problem." + code, "").isBlank()) {
                    unexplained.add(status + " " + code);
                }
            }
            assertThat(unexplained).as("statuses whose code has no problem.<CODE> in " + bundle).isEmpty();
        }
    }

    @Test
    void theStatusesItNamesKeepTheirCodes() {
        assertThat(ProblemCodes.forStatus(404)).isEqualTo("NOT_FOUND");
        assertThat(ProblemCodes.forStatus(406)).isEqualTo("NOT_ACCEPTABLE");
        assertThat(ProblemCodes.forStatus(503)).isEqualTo("INTERNAL_ERROR");
    }

    private static Properties load(String bundle) throws IOException {
        Properties messages = new Properties();
        try (InputStream in = ProblemCodesTests.class.getResourceAsStream("/" + bundle)) {
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return messages;
    }
}
