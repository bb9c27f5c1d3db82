package cn.chengxin.repair;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@link RepairSettings}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RepairSettings.class)
class RepairConfiguration {
}
