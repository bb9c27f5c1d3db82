package cn.chengxin.audit;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verification result table names each kind of finding in the reader's language, not by its code (issue #3): every
 * {@link AuditVerification.FindingKind} has a Chinese label and an English one.
 */
class FindingLabelsTests {

    @Test
    void everyKindOfFindingHasAChineseAndAnEnglishLabel() throws IOException {
        Properties chinese = bundle("messages.properties");
        Properties english = bundle("messages_en.properties");
        for (AuditVerification.FindingKind kind : AuditVerification.FindingKind.values()) {
            String key = "console.audit.finding." + kind.name();
            assertThat(chinese.getProperty(key)).as(key).isNotBlank().matches(".*\\p{IsHan}.*");
            assertThat(english.getProperty(key)).as(key).isNotBlank().matches("\\p{IsLatin}[^\\p{IsHan}]*");
        }
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader in = new InputStreamReader(FindingLabelsTests.class.getResourceAsStream("/" + name),
                StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }
}
