package cn.chengxin.shared;

import java.time.Duration;
import java.util.Optional;

/**
 * The plain carrier of a {@link DomainProblem}: a stable code, a kind and a Chinese message. Modules extend
 * it for their own refusals (so a stack trace says which module refused) instead of each writing the same
 * class again.
 */
public class CodedProblem extends RuntimeException implements DomainProblem {

    private final String code;
    private final Kind kind;
    private final Duration retryAfter;

    public CodedProblem(String code, Kind kind, String message) {
        this(code, kind, message, null);
    }

    /** @param retryAfter how long to wait before trying again ({@link #retryAfter()}), or {@code null} */
    public CodedProblem(String code, Kind kind, String message, Duration retryAfter) {
        super(message);
        this.code = code;
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public Kind kind() {
        return kind;
    }

    @Override
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
