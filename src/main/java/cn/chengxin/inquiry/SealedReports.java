package cn.chengxin.inquiry;

import cn.chengxin.inquiry.persistence.JdbcInquiry;
import cn.chengxin.subject.SealedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An issued report's snapshot and PDF, each sealed in place for its row ({@code inquiry.report.content} and
 * {@code .pdf}, V325), lent to the pass that seals the reports stored in clear before and to the re-sealing pass
 * ({@link cn.chengxin.subject.ReSealing}) so that an old key version can be retired (RULES.md §10; gaps review xxxi M4).
 * An emptied report (past its retention, {@link ReportRetention}) holds neither, and neither pass touches it.
 */
@Configuration(proxyBeanMethods = false)
class SealedReports {

    @Bean
    SealedColumn sealedReportContent() {
        return SealedColumn.ofFiles("inquiry.report", "content", "content_key_version",
                id -> JdbcInquiry.CONTENT_SEALED_FOR + id);
    }

    @Bean
    SealedColumn sealedReportPdf() {
        return SealedColumn.ofFiles("inquiry.report", "pdf", "pdf_key_version",
                id -> JdbcInquiry.PDF_SEALED_FOR + id);
    }
}
