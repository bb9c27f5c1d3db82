package cn.chengxin.account;

import cn.chengxin.subject.domain.IdentityDocument;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Without a real-name provider ({@code chengxin.realname.verifier} unset or {@code none}) nobody registers online: the
 * page says so, and sends the applicant to the credit office's window, for every number alike (as without an SMS
 * provider). Accepting every applicant instead would let anyone who knows a name and a number take the account
 * (gaps review #1). A real provider sets the property to its own name and supplies its {@link RealNameVerifier}.
 */
@Configuration(proxyBeanMethods = false)
class UnconfiguredRealNameVerifier {

    @Bean
    @ConditionalOnProperty(name = "chengxin.realname.verifier", havingValue = "none", matchIfMissing = true)
    RealNameVerifier realNameVerifierWithoutProvider() {
        return new WithoutProvider();
    }

    static final class WithoutProvider implements RealNameVerifier {

        @Override
        public Verdict verify(String name, IdentityDocument document, String phone) {
            return Verdict.UNAVAILABLE;
        }

        @Override
        public boolean available() {
            return false;
        }
    }
}
