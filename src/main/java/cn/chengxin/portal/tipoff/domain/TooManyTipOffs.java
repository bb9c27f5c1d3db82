package cn.chengxin.portal.tipoff.domain;

import java.time.Duration;
import java.util.Optional;

/** A client that sent too many tip-offs in a short time; says when it may send the next. */
public class TooManyTipOffs extends TipOffProblem {

    private final Duration retryAfter;

    public TooManyTipOffs(Duration retryAfter) {
        super("TOO_MANY_TIPOFFS", Kind.TOO_MANY, "提交过于频繁，请稍后再试");
        this.retryAfter = retryAfter;
    }

    @Override
    public Optional<Duration> retryAfter() {
        return Optional.of(retryAfter);
    }

    /** Whole seconds, at least one, for the {@code Retry-After} header. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
