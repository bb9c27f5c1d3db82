package cn.chengxin.account;

import cn.chengxin.shared.DomainProblem;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Without a provider ({@code chengxin.sms.gateway} unset or {@code none}), citizens cannot register: the page
 * says so instead of pretending to send. A real provider sets the property to its own name.
 */
@Configuration(proxyBeanMethods = false)
class UnconfiguredSmsGateway {

    @Bean
    @ConditionalOnProperty(name = "chengxin.sms.gateway", havingValue = "none", matchIfMissing = true)
    SmsGateway smsGatewayWithoutProvider() {
        return (phone, text) -> {
            throw new AccountProblem("SMS_UNAVAILABLE", DomainProblem.Kind.UNAVAILABLE,
                    "短信服务未配置，暂不能注册；请联系平台管理员");
        };
    }
}
