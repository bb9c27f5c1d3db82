package cn.chengxin.support;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Awaitility's defaults for the integration tests: the condition is checked at once and then every 25 ms, instead of
 * first after 100 ms and then every 100 ms. What the tests await (an event handled, a job's pass, an outbox row sent)
 * is done within milliseconds here, and some 240 awaits each lost up to two of Awaitility's 100 ms steps, even when the
 * condition already held (session xxxvii, CI time). The limits ({@code atMost}) stay as each test sets them.
 */
public final class FastPolling implements BeforeAllCallback {

    static final Duration INTERVAL = Duration.ofMillis(25);

    @Override
    public void beforeAll(ExtensionContext context) {
        Awaitility.setDefaultPollDelay(Duration.ZERO);
        Awaitility.setDefaultPollInterval(INTERVAL);
    }
}
