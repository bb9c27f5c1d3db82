package cn.chengxin.portal.tipoff.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import cn.chengxin.shared.DomainProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The attempt limit, the receipt code, the tip-off's states and what a report must contain. */
class TipOffRulesTests {

    private static final Instant T0 = Instant.parse("2026-11-30T02:00:00Z");

    @Test
    void anAddressMayFileFiveInTenMinutesThenWaitsForTheOldestToLeaveTheWindow() {
        AttemptLimit limit = new AttemptLimit(5, Duration.ofMinutes(10));
        for (int i = 0; i < 5; i++) {
            assertThat(limit.tryAttempt("203.0.113.9", T0.plusSeconds(i * 60L)).allowed()).isTrue();
        }
        AttemptLimit.Decision refused = limit.tryAttempt("203.0.113.9", T0.plusSeconds(300));
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMinutes(5));
        assertThat(limit.tryAttempt("198.51.100.1", T0.plusSeconds(300)).allowed()).as("another address").isTrue();
        assertThat(limit.tryAttempt("203.0.113.9", T0.plusSeconds(599)).allowed()).isFalse();
        assertThat(limit.tryAttempt("203.0.113.9", T0.plusSeconds(600)).allowed()).as("the first left the window")
                .isTrue();
        assertThat(limit.tryAttempt("203.0.113.9", T0.plusSeconds(601)).allowed()).isFalse();
    }

    @Test
    void refusedAttemptsDoNotExtendTheWait() {
        AttemptLimit limit = new AttemptLimit(1, Duration.ofMinutes(10));
        assertThat(limit.tryAttempt("a", T0).allowed()).isTrue();
        for (int i = 1; i < 100; i++) {
            assertThat(limit.tryAttempt("a", T0.plusSeconds(i)).allowed()).isFalse();
        }
        assertThat(limit.tryAttempt("a", T0.plus(Duration.ofMinutes(10)).plusSeconds(1)).allowed()).isTrue();
    }

    @Test
    void receiptCodesAreTwelveBase32CharactersAndReadBackAsTyped() {
        Random random = new Random(42);
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String code = ReceiptCode.generate(random);
            assertThat(code).matches("[A-Z2-7]{12}");
            codes.add(code);
        }
        assertThat(codes).hasSize(1000);
        assertThat(ReceiptCode.normalise(" abcd-efgh-2345 ")).contains("ABCDEFGH2345");
        assertThat(ReceiptCode.normalise("ABCDEFGH234")).isEmpty();
        assertThat(ReceiptCode.normalise("ABCDEFGH2341")).as("1 is not in the alphabet").isEmpty();
        assertThat(ReceiptCode.normalise("' OR 1=1 --")).isEmpty();
        assertThat(ReceiptCode.hash("ABCDEFGH2345")).hasSize(32).isEqualTo(ReceiptCode.hash("ABCDEFGH2345"));
    }

    @Test
    void aTipOffIsAcceptedOrRejectedThenAnAcceptedOneIsResolved() {
        assertThat(TipOffStatus.RECEIVED.moveTo(TipOffStatus.ACCEPTED)).isEqualTo(TipOffStatus.ACCEPTED);
        assertThat(TipOffStatus.RECEIVED.moveTo(TipOffStatus.REJECTED)).isEqualTo(TipOffStatus.REJECTED);
        assertThat(TipOffStatus.ACCEPTED.moveTo(TipOffStatus.RESOLVED)).isEqualTo(TipOffStatus.RESOLVED);
        assertThatThrownBy(() -> TipOffStatus.RECEIVED.moveTo(TipOffStatus.RESOLVED))
                .extracting(e -> ((DomainProblem) e).code()).isEqualTo("TIPOFF_STATE");
        assertThatThrownBy(() -> TipOffStatus.REJECTED.moveTo(TipOffStatus.ACCEPTED))
                .isInstanceOf(TipOffProblem.class);
        assertThat(TipOffStatus.RESOLVED.next()).isEmpty();
    }

    @Test
    void aReportNamesWhoAndWhatAndMayBeAnonymous() {
        TipOffReport report = new TipOffReport(" 某公司 ", null, "拖欠工资三个月，拒不支付。", "", null);
        assertThat(report.anonymous()).isTrue();
        assertThat(report.subjectName()).isEqualTo("某公司");
        assertThat(report.subjectNumber()).isEmpty();
        assertThatThrownBy(() -> new TipOffReport("", "", "拖欠工资三个月，拒不支付。", "", ""))
                .extracting(e -> ((DomainProblem) e).code()).isEqualTo("TIPOFF_SUBJECT_NAME");
        assertThatThrownBy(() -> new TipOffReport("某公司", "", "太短", "", ""))
                .extracting(e -> ((DomainProblem) e).code()).isEqualTo("TIPOFF_FACTS");
        assertThat(new TipOffReport("某公司", "", "拖欠工资三个月，拒不支付。", "", "13800000000").anonymous()).isFalse();
    }
}
