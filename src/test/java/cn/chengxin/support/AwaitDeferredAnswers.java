package cn.chengxin.support;

import java.time.Duration;

import cn.chengxin.shared.web.DeferredAnswer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * MockMvc hands a request back as soon as the handler has returned; an answer deferred until its audit event is
 * durable ({@link DeferredAnswer}) is written a moment later, on the audit writer's thread. Every request performed
 * in the integration tests waits for it first, so tests read the answer as a client would.
 */
@TestConfiguration(proxyBeanMethods = false)
class AwaitDeferredAnswers {

    @Bean
    MockMvcBuilderCustomizer awaitDeferredAnswers() {
        return builder -> builder.alwaysDo(result -> DeferredAnswer.await(result.getRequest(), Duration.ofSeconds(20)));
    }
}
