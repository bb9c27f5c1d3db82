package cn.chengxin.inquiry;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Queries and reports ({@code chengxin.inquiry.*}; RULES.md §9).
 *
 * @param freeSelfReportsPerYear full self-query reports free each calendar year (征信业管理条例 Art. 17: 2)
 * @param consentDays            a consent's default validity
 * @param maxConsentDays         the longest validity a person can grant
 * @param reportValidity         how long a report is valid after it is generated (the verification page says so)
 * @param queriesShown           how many of the latest query records a report lists
 * @param verifyPerMinute        verification attempts per client address and minute (against number guessing)
 * @param publicUrl              the public site's address, printed in the QR code of every report
 */
@ConfigurationProperties("chengxin.inquiry")
public record InquirySettings(@DefaultValue("2") int freeSelfReportsPerYear, @DefaultValue("30") int consentDays,
                              @DefaultValue("365") int maxConsentDays, @DefaultValue("30d") Duration reportValidity,
                              @DefaultValue("50") int queriesShown, @DefaultValue("10") int verifyPerMinute,
                              @DefaultValue("http://localhost:8080") String publicUrl) {
}
