package cn.chengxin.scoring;

import cn.chengxin.account.ApiClient;
import cn.chengxin.account.ApiClients;
import cn.chengxin.account.DemoAccounts;
import cn.chengxin.shared.security.Permission;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Development and test only ({@code chengxin.demo.accounts=true}): the demo bank's key checks the benefit it grants,
 * 信易贷 ({@value #BENEFIT}), as the credit office would bind it on the scoring page (gaps review xxiv G2). Runs after
 * the demo accounts exist; a benefit already bound to the key is left alone.
 */
@Component
@ConditionalOnProperty(name = "chengxin.demo.accounts", havingValue = "true")
@Order(110)
class DemoBenefitProviders implements ApplicationRunner {

    static final String BENEFIT = "CREDIT_LOAN";

    private final ApiClients apiClients;
    private final ProvidedBenefits provided;
    private final Scoring scoring;

    DemoBenefitProviders(ApiClients apiClients, ProvidedBenefits provided, Scoring scoring) {
        this.apiClients = apiClients;
        this.provided = provided;
        this.scoring = scoring;
    }

    @Override
    public void run(ApplicationArguments args) {
        // A bank key issued before it could check benefits (an older demo database) is left as it is.
        apiClients.clients().stream().filter(c -> !c.revoked()
                        && c.permissions().contains(Permission.API_BENEFITS_CHECK)
                        && DemoAccounts.INSTITUTION_KEY.startsWith("cx_" + c.keyPrefix() + "_"))
                .map(ApiClient::institutionId).findFirst()
                .filter(bank -> scoring.benefits().stream().anyMatch(b -> b.code().equals(BENEFIT)
                        && !b.providerClients().contains(bank)))
                .ifPresent(bank -> provided.bind(BENEFIT, bank));
    }
}
