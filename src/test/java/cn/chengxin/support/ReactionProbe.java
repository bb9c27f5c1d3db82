package cn.chengxin.support;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * A module reaction for the tests of the event publication registry (gaps review xxxiii N6): it fails the first time
 * it hears of a {@link Probed} event and completes the next. Part of every integration test's configuration (so that
 * one context serves them all); nothing but those tests publishes a {@link Probed}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ReactionProbe {

    /** The event: only its id. */
    public record Probed(UUID id) {
    }

    @Bean
    Listener reactionProbeListener() {
        return new Listener();
    }

    /** The reaction, and what it did. */
    public static class Listener {

        private final Set<UUID> failedOnce = ConcurrentHashMap.newKeySet();
        private final Set<UUID> completed = ConcurrentHashMap.newKeySet();

        @ApplicationModuleListener
        public void on(Probed probed) {
            if (failedOnce.add(probed.id())) {
                throw new IllegalStateException("the probe fails the first time");
            }
            completed.add(probed.id());
        }

        public boolean failedOnce(UUID id) {
            return failedOnce.contains(id);
        }

        public boolean completed(UUID id) {
            return completed.contains(id);
        }
    }
}
