package cn.chengxin.objection;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@link ObjectionSettings}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ObjectionSettings.class)
class ObjectionConfiguration {
}
