package cn.chengxin.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Modules react to each other's events after the publisher's transaction commits, on the application task
 * executor (Spring Modulith's {@code @ApplicationModuleListener}); an unfinished reaction is kept in the event
 * publication registry and resubmitted. Scheduled jobs (lists' effect and exit, the check index) run here too.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
@EnableScheduling
class AsyncConfiguration {
}
