package cn.chengxin.shared;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #7: the platform's own purposes and bases, stored in Chinese, read in English on an English page; what was
 * typed (a case number) and any phrase not ours stay as stored, and a Chinese page shows every phrase unchanged.
 */
class PurposeWordsTests {

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final PurposeWords words = new PurposeWords(messages());

    @Test
    void ourPurposesReadInEnglishOnAnEnglishPage() {
        assertThat(words.purpose("本人查询", Locale.ENGLISH)).isEqualTo("Query by the person");
        assertThat(words.purpose("授权查询：信贷审批", Locale.ENGLISH)).isEqualTo("Authorised query: Credit approval");
        assertThat(words.purpose("政务查询：行政许可审查（许可受理 2026-031）", Locale.ENGLISH))
                .isEqualTo("Government query: Administrative licensing review (许可受理 2026-031)");
        assertThat(words.purpose("联合奖惩核查", Locale.ENGLISH)).isEqualTo("Joint rewards and punishments check");
        assertThat(words.basis("征信业管理条例 第十八条", Locale.ENGLISH))
                .isEqualTo("Regulation on the Administration of the Credit Investigation Industry, Art. 18");
        assertThat(words.basis("国办发〔2020〕49号", Locale.ENGLISH)).doesNotContainPattern("\\p{IsHan}");
    }

    /**
     * Issue #7: a department's check reads as its scenario with what the department typed, the auditor's look as an
     * audit review under the PIPL: both ours, both in English on an English page; the typed note stays as typed.
     */
    @Test
    void aChecksScenarioAndTheAuditorsReviewReadInEnglish() {
        assertThat(words.purpose("招录聘用：2026年度公务员招录（驻人社〔2026〕3号）", Locale.ENGLISH))
                .isEqualTo("Recruitment and hiring: 2026年度公务员招录（驻人社〔2026〕3号）");
        assertThat(words.purpose("乘坐飞机、列车：购票核验", Locale.ENGLISH)).isEqualTo("Air and rail travel: 购票核验");
        assertThat(words.purpose("审计核查", Locale.ENGLISH)).isEqualTo("Audit review");
        assertThat(words.basis("《个人信息保护法》第五十四条", Locale.ENGLISH))
                .isEqualTo("Personal Information Protection Law, Art. 54");
        assertThat(words.purpose("某某单位：自定事由", Locale.ENGLISH)).as("not ours").isEqualTo("某某单位：自定事由");
        assertThat(words.purpose("招录聘用：购票核验", CHINESE)).isEqualTo("招录聘用：购票核验");
    }

    /** Every scenario a check is made in is one of our purposes, worded as the measures pages word it. */
    @Test
    void everyScenarioIsAPurposeWordedAsTheMeasuresPagesWordIt() throws IOException {
        Properties english = bundle("messages_en.properties");
        for (cn.chengxin.measures.Scenario scenario : cn.chengxin.measures.Scenario.values()) {
            assertThat(words.purpose(scenario.label(), Locale.ENGLISH)).as(scenario.name())
                    .isEqualTo(english.getProperty("measures.scenario." + scenario.name()));
        }
    }

    @Test
    void freeTextAndEveryChinesePageKeepTheStoredPhrase() {
        assertThat(words.purpose("核实群众反映的情况", Locale.ENGLISH)).isEqualTo("核实群众反映的情况");
        assertThat(words.basis("《某市公共信用信息条例》第九条", Locale.ENGLISH)).isEqualTo("《某市公共信用信息条例》第九条");
        assertThat(words.purpose("授权查询：信贷审批", CHINESE)).isEqualTo("授权查询：信贷审批");
        assertThat(words.basis("法定职责", CHINESE)).isEqualTo("法定职责");
        assertThat(words.purpose(null, Locale.ENGLISH)).isNull();
    }

    @Test
    void everyWordingHasAChineseAndAnEnglishMessage() throws IOException {
        Properties chinese = bundle("messages.properties");
        Properties english = bundle("messages_en.properties");
        for (String key : PurposeWords.keys()) {
            assertThat(chinese.getProperty(key)).as(key).isNotBlank().matches(".*\\p{IsHan}.*");
            assertThat(english.getProperty(key)).as(key).isNotBlank().matches("\\p{IsLatin}[^\\p{IsHan}]*");
        }
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader in = new InputStreamReader(PurposeWordsTests.class.getResourceAsStream("/" + name),
                StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }
}
