package cn.chengxin.portal.tipoff.persistence;

import java.util.UUID;
import java.util.function.UnaryOperator;

import cn.chengxin.shared.jdbc.MaskingTexts;
import cn.chengxin.shared.privacy.CitizensTexts;
import cn.chengxin.shared.privacy.IdentityRedaction;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A tip-off's subject name, reporter name and reporter contact (TipOffDesk masks them on filing since the facts were
 * not the only place a number could be typed), for the one-time passes over those stored before (V128), as
 * {@link TipOffFactsMasking} lends the facts.
 */
@Configuration(proxyBeanMethods = false)
class TipOffFieldsMasking {

    @Bean
    CitizensTexts tipOffSubjectNames(JdbcClient jdbc) {
        return column(jdbc, "subject_name", IdentityRedaction::redact);
    }

    @Bean
    CitizensTexts tipOffReporterNames(JdbcClient jdbc) {
        return column(jdbc, "reporter_name", IdentityRedaction::redact);
    }

    /**
     * A contact still in clear waits for {@code TipOffReporters} to seal it for the staff who may call the reporter
     * back: masking its phone number here would lose it. Only a resident number is masked, as on filing.
     */
    @Bean
    CitizensTexts tipOffReporterContacts(JdbcClient jdbc) {
        return column(jdbc, "reporter_contact", IdentityRedaction::redactResidentNumbers);
    }

    private static CitizensTexts column(JdbcClient jdbc, String column, UnaryOperator<String> masking) {
        return new CitizensTexts() {
            @Override
            public String code() {
                return "portal.tipoff." + column;
            }

            @Override
            public Masked maskAfter(UUID after, int size) {
                return MaskingTexts.maskAfter(jdbc, "portal.tipoff", column, after, size, masking);
            }
        };
    }
}
