package cn.chengxin.inquiry;

import cn.chengxin.inquiry.persistence.JdbcCounterConsentReviews;
import cn.chengxin.inquiry.persistence.JdbcCounterPapers;
import cn.chengxin.subject.SealedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The papers scanned at the window, sealed in place for their row ({@code inquiry.counter_paper.content}, V305), lent
 * to the re-sealing pass ({@link cn.chengxin.subject.ReSealing}) so that an old key version can be retired (RULES.md
 * §10; gaps review xxxi M2, M4).
 */
@Configuration(proxyBeanMethods = false)
class SealedCounterPapers {

    @Bean
    SealedColumn sealedCounterPaperContent() {
        return SealedColumn.ofFiles("inquiry.counter_paper", "content", "content_key_version",
                id -> JdbcCounterPapers.SEALED_FOR + id);
    }

    /** The phone typed at the window for a consent waiting for its second clerk ({@code inquiry.counter_consent_review}, V321). */
    @Bean
    SealedColumn sealedCounterConsentPhone() {
        return SealedColumn.of("inquiry.counter_consent_review", "phone_cipher", "phone_key_version",
                id -> JdbcCounterConsentReviews.PHONE_SEALED_FOR + id);
    }
}
