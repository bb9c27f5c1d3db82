package cn.chengxin.account;

import cn.chengxin.shared.City;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Without a provider ({@code chengxin.sms.gateway} unset or {@code none}), citizens can neither register nor recover a
 * password online: the pages say so, and whom to turn to, for every number alike, instead of pretending to send a
 * code (which would leave the citizen waiting for one that never comes). A real provider sets the property to
 * {@code http} ({@link HttpSmsGateway}) or to the name of its own gateway bean's condition.
 */
@Configuration(proxyBeanMethods = false)
class UnconfiguredSmsGateway {

    @Bean
    @ConditionalOnProperty(name = "chengxin.sms.gateway", havingValue = "none", matchIfMissing = true)
    SmsGateway smsGatewayWithoutProvider() {
        return new WithoutProvider();
    }

    static final class WithoutProvider implements SmsGateway {

        @Override
        public void send(String phone, String text) {
            // never shown to a person: the dispatch asks available() first and records a failure
            throw SmsDispatch.unavailable(City.GENERIC_CREDIT_OFFICE);
        }

        @Override
        public boolean available() {
            return false;
        }
    }
}
