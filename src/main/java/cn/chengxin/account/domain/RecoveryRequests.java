package cn.chengxin.account.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How often a password-recovery code (找回密码) may be asked for one identity number: one a minute, as registration
 * sends codes to one phone, and {@link #PER_HOUR} an hour, so that a stranger who knows a number cannot flood the phone
 * on file with texts (GB/T 22239-2019 level 3 §8.1.4.1: identification must resist abuse). Counted on every request,
 * whether or not the number has an account: a limit that bit only known numbers would tell which have one.
 */
public final class RecoveryRequests {

    public static final Duration RESEND_AFTER = Duration.ofSeconds(60);
    public static final int PER_HOUR = 5;
    public static final Duration WINDOW = Duration.ofHours(1);

    private RecoveryRequests() {
    }

    /** The problem code refusing one more request at {@code now}, given the times of the last hour's requests. */
    public static Optional<String> refusal(List<Instant> requestedInLastHour, Instant now) {
        if (requestedInLastHour.stream().anyMatch(at -> at.plus(RESEND_AFTER).isAfter(now))) {
            return Optional.of("SMS_TOO_FREQUENT");
        }
        if (requestedInLastHour.stream().filter(at -> at.plus(WINDOW).isAfter(now)).count() >= PER_HOUR) {
            return Optional.of("RECOVERY_TOO_FREQUENT");
        }
        return Optional.empty();
    }
}
