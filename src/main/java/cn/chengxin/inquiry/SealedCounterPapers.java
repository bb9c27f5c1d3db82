package cn.chengxin.inquiry;

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
}
