package cn.chengxin.exchange;

import cn.chengxin.subject.SealedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The national list files kept sealed until decided ({@code exchange.list_load.content}, V166), lent to the re-sealing
 * pass ({@link cn.chengxin.subject.ReSealing}) so that an old key version can be retired (RULES.md §10).
 */
@Configuration(proxyBeanMethods = false)
class SealedListFiles {

    @Bean
    SealedColumn sealedListLoadFiles() {
        return SealedColumn.of("exchange.list_load", "content", "key_version", id -> ListLoads.SEALED_FOR + id);
    }
}
