package cn.chengxin.account;

import java.time.Duration;

import cn.chengxin.account.domain.ApiKeyValidity;
import cn.chengxin.account.domain.Dormancy;
import cn.chengxin.account.domain.PasswordAge;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How long staff passwords serve ({@link PasswordAge}): {@code chengxin.account.password-max-age} (default 90 days) and
 * {@code chengxin.account.temporary-password-life} (default 72 hours), and how long API keys serve; ISO-8601 durations
 * or Spring's {@code 90d}.
 */
@Configuration(proxyBeanMethods = false)
class PasswordAgeSettings {

    @Bean
    PasswordAge passwordAge(@Value("${chengxin.account.password-max-age:90d}") Duration maxAge,
                            @Value("${chengxin.account.temporary-password-life:72h}") Duration temporaryLife) {
        return new PasswordAge(maxAge, temporaryLife);
    }

    /**
     * When unused staff accounts are marked and disabled ({@link Dormancy}): {@code chengxin.account.dormant-after}
     * (90 days) and {@code chengxin.account.dormant-disable-after} (120 days).
     */
    @Bean
    Dormancy dormancy(@Value("${chengxin.account.dormant-after:90d}") Duration flagAfter,
                      @Value("${chengxin.account.dormant-disable-after:120d}") Duration disableAfter) {
        return new Dormancy(flagAfter, disableAfter);
    }

    /** How long an API key issued now is valid ({@link ApiKeyValidity}): {@code chengxin.api.key-validity}, 365d. */
    @Bean
    ApiKeyValidity apiKeyValidity(@Value("${chengxin.api.key-validity:365d}") Duration validity) {
        return new ApiKeyValidity(validity);
    }
}
