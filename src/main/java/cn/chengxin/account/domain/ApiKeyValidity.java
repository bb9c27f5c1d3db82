package cn.chengxin.account.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long an API key serves. A key is a bearer credential of a department system or a lender (身份鉴别信息),
 * which GB/T 22239-2019 level 3 §8.1.4.1 a) asks to be "定期更换", and §8.1.4.2 c) asks that 过期的账户 be
 * disabled (RULES.md §10): a key is valid for {@code validity} from its issue, and after that it is refused, until two
 * administrators issue its replacement. A key without an expiry (demo data the platform seeds) never expires.
 *
 * @param validity how long a key issued now is valid
 */
public record ApiKeyValidity(Duration validity) {

    /** The platform's default: one year. */
    public static final ApiKeyValidity DEFAULT = new ApiKeyValidity(Duration.ofDays(365));

    /** How long before its expiry a key is marked on the console, so that its replacement can be issued in time. */
    public static final Duration WARNING = Duration.ofDays(30);

    public ApiKeyValidity {
        Objects.requireNonNull(validity, "validity");
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("an API key's validity must be positive");
        }
    }

    /** The instant a key issued at {@code issuedAt} stops being accepted. */
    public Instant expiresAt(Instant issuedAt) {
        return issuedAt.plus(validity);
    }

    /** Whether a key expiring at {@code expiresAt} (null: never) is refused at {@code now}: from that instant on. */
    public static boolean expired(Instant expiresAt, Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /**
     * When a key stops being accepted: the earlier of its expiry and, when its holder rotated it, the end of the overlap
     * it asked for (gaps review xxxvii-api R7); null when neither is set (a demo key never rotated).
     */
    public static Instant endsAt(Instant expiresAt, Instant replacedAt) {
        if (replacedAt == null) {
            return expiresAt;
        }
        return expiresAt == null || replacedAt.isBefore(expiresAt) ? replacedAt : expiresAt;
    }

    /** Whether a key still valid at {@code now} expires within {@link #WARNING}. */
    public static boolean expiringSoon(Instant expiresAt, Instant now) {
        return expiresAt != null && !expired(expiresAt, now) && expiresAt.isBefore(now.plus(WARNING));
    }
}
