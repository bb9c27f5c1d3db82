package cn.chengxin.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/**
 * Every code an API can answer with has a page behind its {@code type} URI ({@link ProblemTypes}), in Chinese and in
 * English: an integrator who follows the link of a code the platform really returns must not land on a 404.
 */
class ProblemTypesTests {

    private static final RaisedProblemCodes RAISED = RaisedProblemCodes.in(Path.of("src/main/java"));

    @Test
    void everyCodeTheModulesRaiseIsExplainedInBothLanguages() throws IOException {
        for (String bundle : new String[] {"messages.properties", "messages_en.properties"}) {
            Properties messages = load(bundle);
            Set<String> unexplained = new TreeSet<>();
            for (String code : RAISED.all()) {
                if (messages.getProperty("problem." + code, "").isBlank()) {
                    unexplained.add(code);
                }
            }
            assertThat(unexplained).as("codes without problem.<CODE> in " + bundle).isEmpty();
        }
    }

    /** A shape that finds no code would silently stop guarding the codes raised in it. */
    @Test
    void everyShapeOfRaisingACodeFindsSome() {
        assertThat(RAISED.byShape().keySet()).containsExactlyInAnyOrder("problem constructor", "problem factory",
                "web problem", "rejected row", "catalogue violation", "rate limit", "problem helper",
                "problem subclass", "fixed code", "code enum");
        assertThat(RAISED.all()).contains("VALIDATION_FAILED", "API_KEY_INVALID", "AUDIT_UNAVAILABLE",
                "ADMIN_ROLES_SEPARATED", "ID_CHECKSUM", "FILE_EMPTY", "SCENARIO_NOT_ALLOWED", "CONSENT_EXPIRED",
                "COMMITMENT_BREACH_REFUSED", "TOO_MANY_TIPOFFS", "EVIDENCE_TOO_LARGE", "RECORD_VERSION_STALE",
                // refused rows of records other than the migration's: a national list load's, refused and warned
                "LIST_ROW_INVALID", "LIST_ITEM_UNKNOWN", "SUBJECT_FORMER_NAME");
    }

    private static Properties load(String bundle) throws IOException {
        Properties messages = new Properties();
        try (InputStream in = ProblemTypesTests.class.getResourceAsStream("/" + bundle)) {
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return messages;
    }
}
