package cn.chengxin.portal.tipoff.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.ratelimit.LimitCounters;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The attempt limit, the receipt code, the tip-off's states and what a report must contain. */
class TipOffRulesTests {

    private static final Instant T0 = Instant.parse("2026-11-30T02:00:00Z");

    /**
     * A sliding window over two fixed windows' counts (gaps-review-xxxiii N7): five in the first four minutes of a
     * window; the sixth waits until, in the next window, the five weigh no more than four.
     */
    @Test
    void anAddressMayFileFiveInTenMinutesThenWaitsForTheEarlierOnesToSlideOut() {
        AttemptLimit limit = new AttemptLimit(LimitCounters.inMemory(), 5, Duration.ofMinutes(10));
        for (int i = 0; i < 5; i++) {
            assertThat(limit.tryAttempt("203.0.113.9", T0.plusSeconds(i * 60L)).allowed()).isTrue();
        }
        AttemptLimit.Decision refused = limit.tryAttempt("203.0.113.9", T0.plusSeconds(300));
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMinutes(7));
        assertThat(limit.tryAttempt("198.51.100.1", T0.plusSeconds(300)).allowed()).as("another address").isTrue();
        assertThat(limit.tryAttempt("203.0.113.9", T0.plusSeconds(600)).allowed())
                .as("not reset at the window's boundary").isFalse();
        assertThat(limit.tryAttempt("203.0.113.9", T0.plusSeconds(719)).allowed()).isFalse();
        assertThat(limit.tryAttempt("203.0.113.9", T0.plusSeconds(720)).allowed()).as("when it was told").isTrue();
        assertThat(limit.tryAttempt("203.0.113.9", T0.plusSeconds(721)).allowed()).isFalse();
    }

    @Test
    void refusedAttemptsDoNotExtendTheWait() {
        AttemptLimit limit = new AttemptLimit(LimitCounters.inMemory(), 2, Duration.ofMinutes(10));
        assertThat(limit.tryAttempt("a", T0).allowed()).isTrue();
        assertThat(limit.tryAttempt("a", T0.plusSeconds(1)).allowed()).isTrue();
        assertThat(limit.tryAttempt("a", T0.plusSeconds(2)).retryAfter()).as("never more than the window")
                .isEqualTo(Duration.ofMinutes(10));
        for (int i = 3; i < 100; i++) {
            assertThat(limit.tryAttempt("a", T0.plusSeconds(i)).allowed()).isFalse();
        }
        assertThat(limit.tryAttempt("a", T0.plus(Duration.ofMinutes(15))).allowed()).isTrue();
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
