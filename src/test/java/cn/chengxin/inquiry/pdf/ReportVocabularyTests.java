package cn.chengxin.inquiry.pdf;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue #7: every label of our vocabulary a report carries has its English words, without a Chinese character. */
class ReportVocabularyTests {

    @Test
    void everyLabelAReportCarriesHasAnEnglishMessage() throws IOException {
        Properties english = new Properties();
        try (Reader in = new InputStreamReader(getClass().getResourceAsStream("/messages_en.properties"),
                StandardCharsets.UTF_8)) {
            english.load(in);
        }
        Stream.of(ReportVocabulary.STATUS, ReportVocabulary.PROCEEDING, ReportVocabulary.SEVERITY,
                        ReportVocabulary.DOCUMENT_TYPE, ReportVocabulary.GENDER, ReportVocabulary.OCCUPATION,
                        ReportVocabulary.LIST_TYPE, ReportVocabulary.LIST_STATUS, ReportVocabulary.PARTY,
                        ReportVocabulary.RULE)
                .map(Map::entrySet).flatMap(java.util.Set::stream).forEach(e ->
                        assertThat(english.getProperty(e.getValue())).as(e.getKey() + " " + e.getValue())
                                .isNotBlank().doesNotContainPattern("\\p{IsHan}"));
    }
}
