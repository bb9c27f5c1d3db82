package cn.chengxin.subject.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DocumentTypeTests {

    @ParameterizedTest
    @CsvSource({
            "PASSPORT, PASSPORT",
            "passport, PASSPORT",
            "' HK_MACAO_PERMIT ', HK_MACAO_PERMIT",
            "护照, PASSPORT",
            "港澳居民来往内地通行证, HK_MACAO_PERMIT",
            "台湾居民来往大陆通行证, TAIWAN_PERMIT",
            "居民身份证, RESIDENT_ID",
            "统一社会信用代码, UNIFIED_SOCIAL_CREDIT_CODE"
    })
    void aTypeIsNamedByItsCodeOrItsChineseLabel(String text, DocumentType expected) {
        assertThat(DocumentType.named(text)).isEqualTo(expected);
    }

    @Test
    void nothingNamedLeavesTheTypeToBeInferred() {
        assertThat(DocumentType.named(null)).isNull();
        assertThat(DocumentType.named(" \u3000")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"驾驶证", "ID", "PASSPORTS", "1"})
    void anyOtherNameIsRefusedWithAStableCode(String text) {
        InvalidIdentityException refused = catchThrowableOfType(InvalidIdentityException.class,
                () -> DocumentType.named(text));

        assertThat(refused.code()).isEqualTo("DOCUMENT_TYPE_UNKNOWN");
    }
}
