package cn.chengxin.inquiry.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Gaps review xxxi M2: which counter consents wait for a second clerk, and what a waiting one allows. */
class ConsentReviewTests {

    private static final Instant NOW = Instant.parse("2026-12-06T04:00:00Z");
    private final UUID subject = UUID.randomUUID();
    private final UUID bank = UUID.randomUUID();

    @Test
    void aCounterConsentOfMultipleUseOrOverThirtyDaysWaitsForASecondClerk() {
        assertThat(ConsentReview.requiredAtCounter(true, 30)).isFalse();
        assertThat(ConsentReview.requiredAtCounter(true, 31)).isTrue();
        assertThat(ConsentReview.requiredAtCounter(false, 1)).isTrue();
        assertThat(ConsentReview.requiredAtCounter(false, 365)).isTrue();
    }

    @Test
    void aWaitingOrRejectedConsentAllowsNoQueryButAWaitingOneCanBeWithdrawn() {
        Consent recorded = new Consent(UUID.randomUUID(), subject, bank, "信贷系统", "甲银行", Purpose.LENDING, false,
                NOW.minus(1, ChronoUnit.HOURS), NOW.plus(365, ChronoUnit.DAYS), null, 0, null);
        Consent waiting = recorded.awaitingReview();
        assertThat(code(waiting)).isEqualTo("CONSENT_PENDING_REVIEW");
        assertThat(waiting.usable(NOW)).isFalse();
        assertThat(waiting.live(NOW)).isTrue();
        Consent rejected = new Consent(waiting.id(), subject, bank, "信贷系统", "甲银行", Purpose.LENDING, false,
                waiting.grantedAt(), waiting.expiresAt(), null, 0, null, ConsentReview.REJECTED);
        assertThat(code(rejected)).isEqualTo("CONSENT_REVIEW_REJECTED");
        assertThat(rejected.live(NOW)).isFalse();
        Consent approved = new Consent(waiting.id(), subject, bank, "信贷系统", "甲银行", Purpose.LENDING, false,
                waiting.grantedAt(), waiting.expiresAt(), null, 0, null, ConsentReview.APPROVED);
        assertThat(code(approved)).isEqualTo("OK");
        assertThat(code(recorded)).isEqualTo("OK");
    }

    @Test
    void theClerkWhoRecordedAConsentCannotReviewItAndARejectionNeedsAReason() {
        assertThat(catchThrowableOfType(InquiryProblem.class, () -> ConsentReview.requireSecondClerk("a", "a"))
                .code()).isEqualTo("COUNTER_CONSENT_SELF_REVIEW");
        ConsentReview.requireSecondClerk("a", "b");
        assertThat(catchThrowableOfType(InquiryProblem.class, () -> ConsentReview.reasonOf("  ")).code())
                .isEqualTo("COUNTER_CONSENT_REASON_REQUIRED");
        assertThat(catchThrowableOfType(InquiryProblem.class, () -> ConsentReview.reasonOf("x".repeat(501))).code())
                .isEqualTo("COUNTER_CONSENT_REASON_REQUIRED");
        assertThat(ConsentReview.reasonOf(" 签名不符 ")).isEqualTo("签名不符");
    }

    private String code(Consent c) {
        return ConsentRule.check(c, subject, bank, Purpose.LENDING, NOW).map(InquiryProblem::code).orElse("OK");
    }
}
