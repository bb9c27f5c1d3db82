package cn.chengxin.account.domain;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An API key serves a year by default and is refused from its expiry on (RULES.md §10, GB/T 22239-2019 §8.1.4.1 a). */
class ApiKeyValidityTests {

    private static final Instant ISSUED = Instant.parse("2026-03-01T02:00:00Z");

    @Test
    void aKeyIssuedNowExpiresAfterTheValidity() {
        assertThat(ApiKeyValidity.DEFAULT.expiresAt(ISSUED)).isEqualTo(ISSUED.plus(Duration.ofDays(365)));
        assertThat(new ApiKeyValidity(Duration.ofDays(30)).expiresAt(ISSUED))
                .isEqualTo(ISSUED.plus(Duration.ofDays(30)));
    }

    @Test
    void aKeyIsRefusedFromItsExpiryOn() {
        Instant expiresAt = ApiKeyValidity.DEFAULT.expiresAt(ISSUED);
        assertThat(ApiKeyValidity.expired(expiresAt, expiresAt.minusSeconds(1))).isFalse();
        assertThat(ApiKeyValidity.expired(expiresAt, expiresAt)).isTrue();
        assertThat(ApiKeyValidity.expired(expiresAt, expiresAt.plus(Duration.ofDays(400)))).isTrue();
    }

    @Test
    void aKeyWithoutExpiryNeverExpires() {
        assertThat(ApiKeyValidity.expired(null, Instant.MAX)).isFalse();
        assertThat(ApiKeyValidity.expiringSoon(null, ISSUED)).isFalse();
    }

    @Test
    void aKeyIsMarkedWithinThirtyDaysOfItsExpiryButNotOnceExpired() {
        Instant expiresAt = ISSUED.plus(Duration.ofDays(365));
        assertThat(ApiKeyValidity.expiringSoon(expiresAt, expiresAt.minus(Duration.ofDays(31)))).isFalse();
        assertThat(ApiKeyValidity.expiringSoon(expiresAt, expiresAt.minus(Duration.ofDays(29)))).isTrue();
        assertThat(ApiKeyValidity.expiringSoon(expiresAt, expiresAt.minusSeconds(1))).isTrue();
        assertThat(ApiKeyValidity.expiringSoon(expiresAt, expiresAt)).as("expired, not expiring").isFalse();
    }

    @Test
    void theValidityMustBePositive() {
        assertThatThrownBy(() -> new ApiKeyValidity(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ApiKeyValidity(Duration.ofDays(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
