package cn.chengxin.exchange;

import java.time.LocalDate;
import java.util.Map;

/**
 * What a platform holds of the messages another platform issued, for one day: the latest version per source id,
 * their count and SM3 digest ({@link cn.chengxin.exchange.domain.Reconciliation.Side#canonical()}). Asked downward
 * (what a parent relayed to a child), {@code issuer} is null and the keys are {@code <source platform>:<source id>}.
 */
public record ReconciliationSummary(String platform, String issuer, LocalDate day, int count, String digest,
                                    Map<String, Long> versions) {
}
