package cn.chengxin.portal.tipoff.persistence;

import java.util.UUID;

import cn.chengxin.shared.jdbc.MaskingTexts;
import cn.chengxin.shared.privacy.CitizensTexts;
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
        return column(jdbc, "subject_name");
    }

    @Bean
    CitizensTexts tipOffReporterNames(JdbcClient jdbc) {
        return column(jdbc, "reporter_name");
    }

    @Bean
    CitizensTexts tipOffReporterContacts(JdbcClient jdbc) {
        return column(jdbc, "reporter_contact");
    }

    private static CitizensTexts column(JdbcClient jdbc, String column) {
        return new CitizensTexts() {
            @Override
            public String code() {
                return "portal.tipoff." + column;
            }

            @Override
            public Masked maskAfter(UUID after, int size) {
                return MaskingTexts.maskAfter(jdbc, "portal.tipoff", column, after, size);
            }
        };
    }
}
