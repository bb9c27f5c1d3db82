package cn.chengxin.shared;

import java.time.Duration;
import java.util.Optional;

/**
 * A rule broken by a request, as domain code reports it: a stable machine-readable {@link #code()} (the
 * {@code code} member of every RFC 9457 problem the API returns) and a kind that the web layer maps to an
 * HTTP status. Plain Java so that domain packages can throw it without knowing about HTTP.
 */
public interface DomainProblem {

    String code();

    /** A short human-readable explanation, in Chinese, never containing personal data. */
    String getMessage();

    Kind kind();

    /**
     * How long a {@link Kind#TOO_MANY} refusal asks the caller to wait before trying again, when the rule that refused
     * knows (a rate limit's bucket does; a pool that is full does not): the {@code Retry-After} of its answer.
     */
    default Optional<Duration> retryAfter() {
        return Optional.empty();
    }

    enum Kind {
        INVALID_INPUT,
        NOT_FOUND,
        CONFLICT,
        FORBIDDEN,
        /** Too many requests in a short time (rate limits, repeated filings). */
        TOO_MANY,
        /** A dependency the action needs is down; the action did not happen. */
        UNAVAILABLE
    }
}
