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
     * How long a {@link Kind#TOO_MANY} or {@link Kind#UNAVAILABLE} refusal asks the caller to wait before trying
     * again, when the rule that refused knows (a rate limit's bucket does; a pool that is full does not): the
     * {@code Retry-After} of its answer.
     */
    default Optional<Duration> retryAfter() {
        return Optional.empty();
    }

    /**
     * What the caller may do about this refusal (gaps review xxxvii R9), the {@code retry} member of its problem: a
     * refusal of the moment ({@link Kind#TOO_MANY}, {@link Kind#UNAVAILABLE}: nothing happened) is sent again as it
     * was; any other is answered alike however often it is sent. A rule whose resend must name what was begun
     * answers {@link Retry#SAME_IDEMPOTENCY_KEY}.
     */
    default Retry retry() {
        return Retry.of(kind());
    }

    /** How a refused request may be sent again: the problem's {@code retry} member ({@link #member()}). */
    enum Retry {
        /** Send the same request again, after its {@code Retry-After}: nothing was done. */
        SAME_REQUEST("same-request"),
        /** Send it again under the same {@code Idempotency-Key} (the batch id): what was done is not done twice. */
        SAME_IDEMPOTENCY_KEY("same-idempotency-key"),
        /** Do not send it again unchanged: it gets the same answer, or would act twice. */
        NEVER("never");

        private final String member;

        Retry(String member) {
            this.member = member;
        }

        /** The member's value, e.g. {@code same-request}. */
        public String member() {
            return member;
        }

        /** By kind: a refusal of the moment is sent again as it was, any other never. */
        public static Retry of(Kind kind) {
            return kind == Kind.TOO_MANY || kind == Kind.UNAVAILABLE ? SAME_REQUEST : NEVER;
        }

        /** By status, for an answer no rule of ours gave: 429 and 503 are sent again as they were, any other never. */
        public static Retry ofStatus(int status) {
            return status == 429 || status == 503 ? SAME_REQUEST : NEVER;
        }
    }

    /**
     * Whether the request itself is malformed rather than refused by a rule: a value that cannot be what it claims to
     * be, such as an identity number failing its standard's check character. Every API answers such a problem 400
     * ({@code Problems#statusOf(DomainProblem)}, RFC 9110 §15.5.1; issue #5: "malformed identity → 400 with code"),
     * whichever operation met it (gaps review xxxvii R5: one status for one code). A console form shown again with the
     * refusal keeps the status of its {@link #kind()}.
     */
    default boolean malformedRequest() {
        return false;
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
