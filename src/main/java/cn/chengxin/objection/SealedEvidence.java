package cn.chengxin.objection;

import cn.chengxin.objection.persistence.JdbcObjections;
import cn.chengxin.subject.SealedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An objection's evidence, sealed in place for its row ({@code objection.evidence.content}, V311), lent to the
 * re-sealing pass ({@link cn.chengxin.subject.ReSealing}) so that an old key version can be retired, and to the pass
 * that seals the files stored in clear before (RULES.md §10; gaps review xxxi M4).
 */
@Configuration(proxyBeanMethods = false)
class SealedEvidence {

    @Bean
    SealedColumn sealedObjectionEvidence() {
        return SealedColumn.ofFiles("objection.evidence", "content", "content_key_version",
                id -> JdbcObjections.SEALED_FOR + id);
    }
}
