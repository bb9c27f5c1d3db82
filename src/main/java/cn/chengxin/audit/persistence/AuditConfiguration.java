package cn.chengxin.audit.persistence;

import java.io.IOException;
import java.nio.file.Path;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The audit log's keys and its single writer. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AuditConfiguration {

    @Bean
    AuditKeys auditKeys(@Value("${chengxin.keys.dir:data/keys}") Path dir,
                        @Value("${chengxin.keys.generate-missing:false}") boolean generate) throws IOException {
        return AuditKeys.load(dir, generate);
    }

    @Bean(destroyMethod = "close")
    AuditWriter auditWriter(DataSource dataSource, AuditKeys keys) {
        return new AuditWriter(dataSource, keys);
    }
}
