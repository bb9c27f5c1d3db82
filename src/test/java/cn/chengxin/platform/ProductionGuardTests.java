package cn.chengxin.platform;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The prod profile refuses each development switch by name; other profiles keep them (gaps review xxvii I3). */
class ProductionGuardTests {

    private final ProductionGuard guard = new ProductionGuard();

    static final java.util.List<DevelopmentSwitches.Switch> SWITCHES = DevelopmentSwitches.ALL;

    @ParameterizedTest
    @FieldSource("SWITCHES")
    void eachSwitchAloneIsRefusedInProdByItsNameAndVariable(DevelopmentSwitches.Switch s) {
        MockEnvironment prod = production().withProperty(s.property(), s.on());

        assertThatThrownBy(() -> guard.postProcessEnvironment(prod, new SpringApplication()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(s.property() + "=" + s.on())
                .hasMessageContaining(s.variable());
    }

    @Test
    void everySwitchThatIsOnIsNamedInOneRefusal() {
        MockEnvironment prod = production()
                .withProperty("chengxin.sms.gateway", "DEV")
                .withProperty("chengxin.demo.accounts", " true ")
                .withProperty("chengxin.realname.verifier", "none");

        assertThatThrownBy(() -> guard.postProcessEnvironment(prod, new SpringApplication()))
                .hasMessageContaining("chengxin.demo.accounts=true (CHENGXIN_DEMO_ACCOUNTS)")
                .hasMessageContaining("chengxin.sms.gateway=dev (CHENGXIN_SMS_GATEWAY)")
                .hasMessageNotContaining("realname");
    }

    @Test
    void prodWithTheSwitchesOffStarts() {
        MockEnvironment prod = production()
                .withProperty("chengxin.db.embedded-allowed", "false")
                .withProperty("chengxin.keys.generate-missing", "false")
                .withProperty("chengxin.sms.gateway", "aliyun")
                .withProperty("chengxin.realname.verifier", "none");

        assertThatCode(() -> guard.postProcessEnvironment(prod, new SpringApplication())).doesNotThrowAnyException();
    }

    @Test
    void developmentAndTestsKeepTheirSwitches() {
        MockEnvironment dev = new MockEnvironment();
        dev.setActiveProfiles("dev");
        DevelopmentSwitches.ALL.forEach(s -> dev.setProperty(s.property(), s.on()));

        assertThatCode(() -> guard.postProcessEnvironment(dev, new SpringApplication())).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @FieldSource("SWITCHES")
    void theVariableNamedInTheRefusalIsTheOneThatTurnsTheSwitchOn(DevelopmentSwitches.Switch s) {
        // As Spring Boot prepares the environment: variables bound to properties by relaxed names.
        StandardEnvironment prod = new StandardEnvironment();
        prod.setActiveProfiles("prod");
        prod.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        Map.of(s.variable(), s.on())));
        ConfigurationPropertySources.attach(prod);

        assertThatThrownBy(() -> guard.postProcessEnvironment(prod, new SpringApplication()))
                .hasMessageContaining(s.variable());
    }

    private static MockEnvironment production() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("prod");
        return environment;
    }
}
