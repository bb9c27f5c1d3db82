package cn.chengxin.subject;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The numbers of persons' further documents (gaps review xxx L1), sealed as the registry's own numbers are, with their
 * document type as associated data, lent to the re-sealing pass ({@link ReSealing}) so that an old key version can be
 * retired (RULES.md §10).
 */
@Configuration(proxyBeanMethods = false)
class SealedFurtherDocuments {

    @Bean
    SealedColumn sealedFurtherDocumentNumbers() {
        return new SealedColumn("subject.further_document", "number_cipher", "number_key_version", null,
                "document_type");
    }
}
