package cn.chengxin.shared;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The city and the clock every rule takes (time is a dependency: tests move it instead of waiting). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CityProperties.class)
class SharedConfiguration {

    /** Legal dates are Beijing dates whatever the server's zone. */
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Bean
    City city(CityProperties properties) {
        return properties.resolve();
    }

    @Bean
    Clock clock() {
        return Clock.system(CHINA);
    }
}
