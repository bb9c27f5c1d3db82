package cn.chengxin.ingestion;

import java.util.List;
import java.util.Map;

import cn.chengxin.ingestion.domain.ContentDigest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two different contents never digest alike (issue #4: the same batch id with other content is a conflict, the same
 * version of a record with other content too), however their values are written; the forms before did not hold that.
 */
class ContentDigestTests {

    private static final String PSEUDONYM = "pseudonym";

    @Test
    void aValueWritingLikeAnotherFieldMakesAnotherBatch() {
        List<IncomingRecord> split = List.of(row(Map.of("a", "1", "b", "2")));
        List<IncomingRecord> joined = List.of(row(Map.of("a", "1, b=2")));

        assertThat(Submissions.legacyHash(joined)).as("alike in the form before").isEqualTo(Submissions.legacyHash(split));
        assertThat(Submissions.hash(joined)).isNotEqualTo(Submissions.hash(split));
    }

    @Test
    void aValueWritingLikeAnotherLineMakesAnotherRow() {
        IncomingRecord split = row(Map.of("behaviour", "w", "case_number", "x\ncase_number=q"));
        IncomingRecord joined = row(Map.of("behaviour", "w\ncase_number=x", "case_number", "q"));

        assertThat(RowValidator.legacyFingerprint(joined, PSEUDONYM)).as("alike in the form before")
                .isEqualTo(RowValidator.legacyFingerprint(split, PSEUDONYM));
        assertThat(RowValidator.fingerprint(joined, PSEUDONYM)).isNotEqualTo(RowValidator.fingerprint(split, PSEUDONYM));
    }

    @Test
    void anAbsentTextIsNeitherEmptyNorTheWordNullAndTheValuesKeepTheirPlaces() {
        assertThat(ContentDigest.of().text(null).hex()).isNotEqualTo(ContentDigest.of().text("").hex())
                .isNotEqualTo(ContentDigest.of().text("null").hex());
        assertThat(ContentDigest.of().text("ab").text("c").hex()).isNotEqualTo(ContentDigest.of().text("a").text("bc").hex());
    }

    @Test
    void theOrderFieldsAreSentInIsNotContentAndTheFormIsMarked() {
        IncomingRecord one = row(new java.util.LinkedHashMap<>(Map.of("a", "1")));
        java.util.LinkedHashMap<String, String> ab = new java.util.LinkedHashMap<>();
        ab.put("a", "1");
        ab.put("b", "2");
        java.util.LinkedHashMap<String, String> ba = new java.util.LinkedHashMap<>();
        ba.put("b", "2");
        ba.put("a", "1");

        assertThat(ContentDigest.of().fields(ab).hex()).isEqualTo(ContentDigest.of().fields(ba).hex());
        assertThat(RowValidator.fingerprint(one, PSEUDONYM)).startsWith(ContentDigest.FORM)
                .isEqualTo(RowValidator.fingerprint(one, PSEUDONYM));
        assertThat(RowValidator.legacyFingerprint(one, PSEUDONYM)).doesNotStartWith(ContentDigest.FORM);
        assertThat(Submissions.hash(List.of(one))).startsWith(ContentDigest.FORM);
    }

    private static IncomingRecord row(Map<String, String> fields) {
        return new IncomingRecord("P_COURT_DEFAULTER", "11010519491231002X", "甲", "A1", null, null, "驻执〔2025〕1号",
                "2025-06-01", fields);
    }
}
