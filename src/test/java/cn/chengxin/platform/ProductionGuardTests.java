package cn.chengxin.platform;

import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Outside the dev and test profiles (prod, none, a city's name) each development switch is refused by name (gaps
 * review xxvii I3, xxxi M1); the demo keeps its doors to a database on its own machine and says that it is the demo.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProductionGuardTests {

    /** Logs at once, as the deferred log does once logging has started. */
    private final ProductionGuard guard = new ProductionGuard(Supplier::get);

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

    @ParameterizedTest
    @ValueSource(strings = {"dev", "test"})
    void developmentAndTestsKeepTheirSwitches(String profile) {
        MockEnvironment dev = new MockEnvironment();
        dev.setActiveProfiles(profile);
        DevelopmentSwitches.ALL.forEach(s -> dev.setProperty(s.property(), s.on()));

        assertThatCode(() -> guard.postProcessEnvironment(dev, new SpringApplication())).doesNotThrowAnyException();
    }

    /** Gaps review xxxi M1: a start that names no profile no longer falls back on the demo's switches. */
    @ParameterizedTest
    @FieldSource("SWITCHES")
    void eachSwitchAloneIsRefusedWithoutAProfile(DevelopmentSwitches.Switch s) {
        MockEnvironment none = new MockEnvironment().withProperty(s.property(), s.on());

        assertThatThrownBy(() -> guard.postProcessEnvironment(none, new SpringApplication()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("active profiles: none")
                .hasMessageContaining(s.property() + "=" + s.on())
                .hasMessageContaining("SPRING_PROFILES_ACTIVE=dev");
    }

    @ParameterizedTest
    @ValueSource(strings = {"zhumadian", "production", "prd", "dev-zhenjiang"})
    void aCityOrMisspeltProfileWithASwitchIsRefused(String profile) {
        MockEnvironment city = new MockEnvironment().withProperty("chengxin.demo.accounts", "true");
        city.setActiveProfiles(profile);

        assertThatThrownBy(() -> guard.postProcessEnvironment(city, new SpringApplication()))
                .hasMessageContaining("active profiles: " + profile)
                .hasMessageContaining("chengxin.demo.accounts=true (CHENGXIN_DEMO_ACCOUNTS)");
    }

    @Test
    void prodBesideDevIsStillRefused() {
        MockEnvironment both = new MockEnvironment().withProperty("chengxin.sms.gateway", "dev");
        both.setActiveProfiles("dev", "prod");

        assertThatThrownBy(() -> guard.postProcessEnvironment(both, new SpringApplication()))
                .hasMessageContaining("chengxin.sms.gateway=dev");
    }

    @Test
    void noProfileWithTheSwitchesOffStarts() {
        MockEnvironment none = named(new MockEnvironment())
                .withProperty(PublicAddress.PROPERTY, PUBLIC)
                .withProperty("chengxin.db.embedded-allowed", "false")
                .withProperty("chengxin.db.url", "jdbc:postgresql://db.example:5432/chengxin")
                .withProperty("chengxin.sms.gateway", "none");

        assertThatCode(() -> guard.postProcessEnvironment(none, new SpringApplication())).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "test"})
    void theDemoRefusesItsLoginsAndCodesAgainstADatabaseOnAnotherMachine(String profile) {
        MockEnvironment demo = new MockEnvironment()
                .withProperty("chengxin.db.url", "jdbc:postgresql://10.2.3.4:5432/chengxin?password=secret")
                .withProperty("chengxin.keys.generate-missing", "true")
                .withProperty("chengxin.demo.accounts", "true")
                .withProperty("chengxin.sms.gateway", "dev");
        demo.setActiveProfiles(profile);

        assertThatThrownBy(() -> guard.postProcessEnvironment(demo, new SpringApplication()))
                .hasMessageContaining("jdbc:postgresql://10.2.3.4:5432/chengxin")
                .hasMessageNotContaining("secret")
                .hasMessageContaining("chengxin.demo.accounts=true")
                .hasMessageContaining("chengxin.sms.gateway=dev")
                .hasMessageNotContaining("generate-missing");
    }

    @Test
    void theDemoRunsOnADatabaseOnItsOwnMachine() {
        MockEnvironment demo = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://localhost:5432/chengxin")
                .withProperty("chengxin.demo.accounts", "true");
        demo.setActiveProfiles("dev");

        assertThatCode(() -> guard.postProcessEnvironment(demo, new SpringApplication())).doesNotThrowAnyException();
    }

    @Test
    void theDemoKeepsItsOtherSwitchesOnADatabaseElsewhere() {
        MockEnvironment demo = new MockEnvironment()
                .withProperty("chengxin.db.url", "jdbc:postgresql://db.example/chengxin")
                .withProperty("chengxin.keys.generate-missing", "true");
        demo.setActiveProfiles("dev");

        assertThatCode(() -> guard.postProcessEnvironment(demo, new SpringApplication())).doesNotThrowAnyException();
    }

    @Test
    void whereTheDatabaseIsIsReadFromTheUrlsTextAlone() {
        assertThat(ProductionGuard.onThisMachine("jdbc:postgresql://localhost:54329/chengxin")).isTrue();
        assertThat(ProductionGuard.onThisMachine("jdbc:postgresql://127.0.0.1/chengxin?ssl=false")).isTrue();
        assertThat(ProductionGuard.onThisMachine("jdbc:postgresql://[::1]:5432/chengxin")).isTrue();
        assertThat(ProductionGuard.onThisMachine("jdbc:postgresql:chengxin")).isTrue();
        assertThat(ProductionGuard.onThisMachine("jdbc:postgresql:///chengxin")).isTrue();
        assertThat(ProductionGuard.onThisMachine("JDBC:PostgreSQL://LocalHost/chengxin")).isTrue();
        assertThat(ProductionGuard.onThisMachine("jdbc:postgresql://localhost:5432,db.example:5432/chengxin"))
                .isFalse();
        assertThat(ProductionGuard.onThisMachine("jdbc:postgresql://localhost.example/chengxin")).isFalse();
        assertThat(ProductionGuard.onThisMachine("jdbc:postgresql://[2001:db8::1]:5432/chengxin")).isFalse();
        assertThat(ProductionGuard.onThisMachine("jdbc:postgresql://10.0.0.5/chengxin")).isFalse();
        assertThat(ProductionGuard.onThisMachine("jdbc:otherdb://localhost/chengxin")).isFalse();
    }

    @Test
    void everyStartWithASwitchOnSaysThatItIsTheDemo(CapturedOutput output) {
        MockEnvironment dev = new MockEnvironment().withProperty("chengxin.demo.accounts", "true");
        dev.setActiveProfiles("dev");

        guard.postProcessEnvironment(dev, new SpringApplication());

        assertThat(output).contains("WARN").contains("DEVELOPMENT SETTINGS ON (profiles: dev)")
                .contains("chengxin.demo.accounts=true (CHENGXIN_DEMO_ACCOUNTS)");
    }

    @Test
    void aStartWithEverySwitchOffSaysNothing(CapturedOutput output) {
        guard.postProcessEnvironment(production(), new SpringApplication());

        assertThat(output).doesNotContain("DEVELOPMENT SETTINGS");
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

    /** Gaps review xl U1: reports issued with the demo's address send whoever scans their QR code to themselves. */
    @ParameterizedTest
    @FieldSource("NOT_PUBLIC")
    void prodRefusesAPublicAddressThatIsUnsetOrThisMachine(String url) {
        MockEnvironment prod = new MockEnvironment();
        prod.setActiveProfiles("prod");
        if (url != null) {
            prod.setProperty(PublicAddress.PROPERTY, url);
        }

        assertThatThrownBy(() -> guard.postProcessEnvironment(prod, new SpringApplication()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("chengxin.inquiry.public-url (CHENGXIN_PUBLIC_URL)")
                .hasMessageContaining("QR code");
    }

    static final java.util.List<String> NOT_PUBLIC = java.util.Arrays.asList(null, " ", "http://localhost:8080",
            "https://LOCALHOST/", "http://127.0.0.1:8080", "http://127.1.2.3", "http://[::1]:8080",
            "http://0.0.0.0:8080", "credit.example.gov.cn", "ftp://credit.example.gov.cn", "http://exa mple");

    @ParameterizedTest
    @ValueSource(strings = {"zhumadian", "prd"})
    void aStartInAnotherProfileRefusesTheDemosAddressToo(String profile) {
        MockEnvironment other = new MockEnvironment().withProperty(PublicAddress.PROPERTY, "http://localhost:8080");
        other.setActiveProfiles(profile);

        assertThatThrownBy(() -> guard.postProcessEnvironment(other, new SpringApplication()))
                .hasMessageContaining("active profiles: " + profile)
                .hasMessageContaining("CHENGXIN_PUBLIC_URL");
        assertThatThrownBy(() -> guard.postProcessEnvironment(new MockEnvironment(), new SpringApplication()))
                .hasMessageContaining("active profiles: none")
                .hasMessageContaining("unset");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://credit.zhumadian.gov.cn", "https://credit.example.gov.cn:8443/",
            "http://10.20.30.40:8080", "https://[2001:db8::1]/"})
    void prodStartsWithAPublicAddress(String url) {
        MockEnvironment prod = named(new MockEnvironment()).withProperty(PublicAddress.PROPERTY, url);
        prod.setActiveProfiles("prod");

        assertThatCode(() -> guard.postProcessEnvironment(prod, new SpringApplication())).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "test"})
    void developmentAndTestsKeepTheDemosAddress(String profile) {
        MockEnvironment dev = new MockEnvironment().withProperty(PublicAddress.PROPERTY, "http://localhost:8080");
        dev.setActiveProfiles(profile);

        assertThatCode(() -> guard.postProcessEnvironment(dev, new SpringApplication())).doesNotThrowAnyException();
    }

    @Test
    void prodBesideDevRefusesTheDemosAddress() {
        MockEnvironment both = new MockEnvironment().withProperty(PublicAddress.PROPERTY, "http://localhost:8080");
        both.setActiveProfiles("dev", "prod");

        assertThatThrownBy(() -> guard.postProcessEnvironment(both, new SpringApplication()))
                .hasMessageContaining("CHENGXIN_PUBLIC_URL");
    }

    /** The variable the refusal names is the one application.yml reads, and its default is refused in prod. */
    @Test
    void theVariableNamedForThePublicAddressIsTheOneApplicationYmlReads() throws java.io.IOException {
        StandardEnvironment prod = new StandardEnvironment();
        prod.setActiveProfiles("prod");
        new org.springframework.boot.env.YamlPropertySourceLoader().load("application.yml",
                        new org.springframework.core.io.ClassPathResource("application.yml"))
                .forEach(prod.getPropertySources()::addLast);
        prod.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        Map.of()));
        assertThatThrownBy(() -> guard.postProcessEnvironment(prod, new SpringApplication()))
                .hasMessageContaining("at this machine (http://localhost:8080)");

        prod.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        Map.of(PublicAddress.VARIABLE, "https://credit.zhumadian.gov.cn",
                                "CHENGXIN_PRIVACY_CONTACT", "0396-1234567",
                                "CHENGXIN_PRIVACY_PERSON_IN_CHARGE", "王某（信用办副主任）")));
        assertThat(prod.getProperty(PublicAddress.PROPERTY)).isEqualTo("https://credit.zhumadian.gov.cn");
        assertThatCode(() -> guard.postProcessEnvironment(prod, new SpringApplication())).doesNotThrowAnyException();
    }

    private static final String PUBLIC = "https://credit.zhumadian.gov.cn";

    private static MockEnvironment production() {
        MockEnvironment environment = named(new MockEnvironment().withProperty(PublicAddress.PROPERTY, PUBLIC));
        environment.setActiveProfiles("prod");
        return environment;
    }

    /** The privacy rules' contact and person in charge an installation publishes (gaps review xlvi AA6). */
    private static MockEnvironment named(MockEnvironment environment) {
        return environment.withProperty("chengxin.privacy.contact", "0396-1234567")
                .withProperty("chengxin.privacy.person-in-charge", "王某（信用办副主任）");
    }

    /** Gaps review xlvi AA6: /privacy must name who answers people's requests and who is in charge (PIPL Art. 50, 52). */
    @ParameterizedTest
    @ValueSource(strings = {"chengxin.privacy.contact", "chengxin.privacy.person-in-charge"})
    void prodRefusesPrivacyRulesThatNameNobody(String blank) {
        MockEnvironment prod = production().withProperty(blank, " ");

        assertThatThrownBy(() -> guard.postProcessEnvironment(prod, new SpringApplication()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(blank + " (CHENGXIN_PRIVACY_")
                .hasMessageContaining("PIPL Art. 50, 52");
        MockEnvironment neither = new MockEnvironment().withProperty(PublicAddress.PROPERTY, PUBLIC);
        neither.setActiveProfiles("zhumadian");
        assertThatThrownBy(() -> guard.postProcessEnvironment(neither, new SpringApplication()))
                .hasMessageContaining("chengxin.privacy.contact (CHENGXIN_PRIVACY_CONTACT) and "
                        + "chengxin.privacy.person-in-charge (CHENGXIN_PRIVACY_PERSON_IN_CHARGE) unset");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "test"})
    void developmentAndTestsMayLeaveThePrivacyContactsBlank(String profile) {
        MockEnvironment dev = new MockEnvironment().withProperty(PublicAddress.PROPERTY, "http://localhost:8080");
        dev.setActiveProfiles(profile);

        assertThatCode(() -> guard.postProcessEnvironment(dev, new SpringApplication())).doesNotThrowAnyException();
    }
}
