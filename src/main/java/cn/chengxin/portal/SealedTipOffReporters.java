package cn.chengxin.portal;

import cn.chengxin.subject.SealedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The portal's columns sealed with the identity-protection keys, lent to the re-sealing pass
 * ({@link cn.chengxin.subject.ReSealing}) so that an old key version can be retired (RULES.md §10): a tip-off's
 * reporter, name and contact, sealed for {@value TipOffReporters#PURPOSE}.
 */
@Configuration(proxyBeanMethods = false)
class SealedTipOffReporters {

    @Bean
    SealedColumn sealedTipOffReporterNames() {
        return SealedColumn.of("portal.tipoff", "reporter_name_cipher", "reporter_name_key_version",
                id -> TipOffReporters.PURPOSE);
    }

    @Bean
    SealedColumn sealedTipOffReporterContacts() {
        return SealedColumn.of("portal.tipoff", "reporter_contact_cipher", "reporter_contact_key_version",
                id -> TipOffReporters.PURPOSE);
    }
}
