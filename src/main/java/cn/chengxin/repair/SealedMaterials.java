package cn.chengxin.repair;

import cn.chengxin.repair.persistence.JdbcRepairs;
import cn.chengxin.subject.SealedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A repair application's materials, sealed in place for their row ({@code repair.attachment.content}, V312), lent to
 * the re-sealing pass ({@link cn.chengxin.subject.ReSealing}) so that an old key version can be retired, and to the
 * pass that seals the files stored in clear before (RULES.md §10; gaps review xxxi M4).
 */
@Configuration(proxyBeanMethods = false)
class SealedMaterials {

    @Bean
    SealedColumn sealedRepairMaterials() {
        return SealedColumn.ofFiles("repair.attachment", "content", "content_key_version",
                id -> JdbcRepairs.SEALED_FOR + id);
    }
}
