package cn.chengxin.scoring;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.UUID;

import cn.chengxin.scoring.domain.AssessmentRetention;
import cn.chengxin.scoring.domain.ScoreModel;
import cn.chengxin.scoring.persistence.JdbcScores;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.TestCitizens;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static cn.chengxin.support.AsStaff.as;
import static cn.chengxin.support.ConsoleStaff.staff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Gaps review xlvi AA7 (PIPL Art. 55–56, RULES.md §10): a score model is put to use only on a recorded
 * 个人信息保护影响评估 — its day, conclusion and the report's SM3 — listed with the model on the console, its day and
 * conclusion on the public 评分规则, kept at least 3 years after the model is out of use.
 */
@IntegrationTest
class ModelImpactAssessmentIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    Scoring scoring;

    @Autowired
    ModelAssessments assessments;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    java.time.Clock clock;

    @Test
    void aModelIsApprovedOnlyOnceItsAssessmentIsRecordedAndTheRulesShowIt() throws Exception {
        ScoreModel base = ScoreModel.weihai();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        ScoreModel renamed = new ScoreModel(base.code(), base.version(), "信用积分（评估测试 " + tag + "）",
                base.baseScore(), base.minScore(), base.maxScore(), base.dimensions(), base.items(), base.decay(),
                base.severityWeights(), base.grades(), base.minAdultAge(), base.minResidenceMonths());
        int version = as("aa7-maker", () -> scoring.propose(renamed));
        try {
            // No assessment: the approval is refused and the version stays pending.
            approve(version).andExpect(flash().attribute("failureCode", "MODEL_ASSESSMENT_MISSING"));
            assertThat(statusOf(version)).isEqualTo("PENDING");

            // Incomplete: no report, no conclusion, a day to come; each reason named.
            mvc.perform(multipart("/console/scoring/models/assessment").param("code", base.code())
                            .param("version", String.valueOf(version))
                            .param("assessedOn", LocalDate.now(clock).plusDays(1).toString()).param("conclusion", " ")
                            .with(staff("aa7-maker", "scoring:edit")).with(csrf()))
                    .andExpect(flash().attribute("failureCode", "ASSESSMENT_INVALID"))
                    .andExpect(result -> assertThat((String) result.getFlashMap().get("failure"))
                            .contains("评估日期不能晚于今天", "请填写评估结论", "请上传评估报告文件"));
            // The conclusion is public: no identity number in it.
            record(version, "风险可控，经办人 " + TestCitizens.unregisteredNumber(), "report".getBytes())
                    .andExpect(flash().attribute("failureCode", "FREE_TEXT_HOLDS_IDENTITY_NUMBER"));
            approve(version).andExpect(flash().attribute("failureCode", "MODEL_ASSESSMENT_MISSING"));

            // Recorded: the report's SM3 as computed from its bytes, the report itself not kept.
            byte[] report = ("个人信息保护影响评估报告 " + tag).getBytes(StandardCharsets.UTF_8);
            String conclusion = "处理目的合法、正当、必要，安全措施有效，风险可控（" + tag + "）";
            record(version, conclusion, report).andExpect(flash().attribute("successKey", "scoring.assessment.recorded"));
            String digest = sm3(report);
            assertThat(assessments.of(base.code(), version)).hasValueSatisfying(kept -> {
                assertThat(kept.assessment().documentSm3()).isEqualTo(digest);
                assertThat(kept.assessment().assessedOn()).isEqualTo(LocalDate.of(2026, 11, 30));
                assertThat(kept.assessment().documentName()).isEqualTo("评估报告.pdf");
                assertThat(kept.recordedBy()).isEqualTo("aa7-maker");
            });
            assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'scoring.model.assessment' "
                    + "AND detail LIKE ?").param("%" + digest + "%").query(Long.class).single()).isEqualTo(1);

            // Listed with its model on 控制台 → 评分.
            String console = mvc.perform(get("/console/scoring").with(staff("aa7-checker", "scoring:approve")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            String row = console.substring(console.indexOf(renamed.name()));
            assertThat(row.substring(0, row.indexOf("</tr>"))).contains("2026-11-30", conclusion, "SM3 " + digest);

            approve(version).andExpect(flash().attribute("successKey", "scoring.activated"));
            await().atMost(Duration.ofSeconds(120)).until(() -> !scoring.progress().running());
            assertThat(statusOf(version)).isEqualTo("ACTIVE");

            // Once approved, the assessment is the one it was approved on.
            record(version, "改写的结论", "other".getBytes())
                    .andExpect(flash().attribute("failureCode", "MODEL_NOT_PENDING"));
            assertThat(assessments.of(base.code(), version).orElseThrow().assessment().conclusion())
                    .isEqualTo(conclusion);

            // The public rules show its day and conclusion, never the digest or file.
            String rules = mvc.perform(get("/score-rules")).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(rules).contains("个人信息保护影响评估", "2026-11-30", conclusion).doesNotContain(digest,
                    "评估报告.pdf");
            assertThat(mvc.perform(get("/score-rules").param("lang", "en")).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8)).contains("impact assessment", conclusion);
        } finally {
            // The other tests score with the base model.
            int back = as("aa7-maker", () -> scoring.propose(ScoreModel.weihai()));
            Assessed.record(assessments, base.code(), back);
            as("aa7-checker", () -> {
                scoring.approve(base.code(), back, "");
                return null;
            });
            await().atMost(Duration.ofSeconds(120)).until(() -> !scoring.progress().running());
        }
        // The version approved above is retired now, from the day of that approval.
        assertThat(jdbc.sql("SELECT retired_at IS NOT NULL FROM scoring.model WHERE code = ? AND version = ?")
                .params(base.code(), version).query(Boolean.class).single()).isTrue();
    }

    /** PIPL Art. 56 ¶2: kept at least 3 years after the model is out of use; no setting keeps it shorter. */
    @Test
    void anAssessmentIsKeptThreeYearsAfterItsModelIsOutOfUse() throws Exception {
        assertThatThrownBy(() -> new AssessmentRetention(2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 3");
        ScoreModel base = ScoreModel.weihai();
        int retired = as("aa7-maker", () -> scoring.propose(base));
        int rejected = as("aa7-maker", () -> scoring.propose(base));
        Assessed.record(assessments, base.code(), retired);
        Assessed.record(assessments, base.code(), rejected);
        as("aa7-checker", () -> {
            scoring.reject(base.code(), rejected, "测试保存期限");
            return null;
        });
        // The first stands for a version retired by a later approval: its day set as the approval sets it.
        LocalDate today = LocalDate.now(clock);
        jdbc.sql("UPDATE scoring.model SET status = 'RETIRED', retired_at = ? WHERE code = ? AND version = ?")
                .params(java.sql.Timestamp.from(startOf(today.minusYears(3))), base.code(), retired).update();
        jdbc.sql("UPDATE scoring.model SET decided_at = ? WHERE code = ? AND version = ?")
                .params(java.sql.Timestamp.from(startOf(today.minusYears(3))), base.code(), rejected).update();

        scoring.dropExpiredAssessments(today);
        assertThat(assessments.of(base.code(), retired)).as("out of use exactly 3 years: kept").isPresent();
        assertThat(assessments.of(base.code(), rejected)).isPresent();

        scoring.dropExpiredAssessments(today.plusDays(1));
        assertThat(assessments.of(base.code(), retired)).as("3 years and a day").isEmpty();
        assertThat(assessments.of(base.code(), rejected)).isEmpty();
        assertThat(statusOf(retired)).as("the model itself is kept").isEqualTo("RETIRED");
    }

    private ResultActions approve(int version) throws Exception {
        return mvc.perform(post("/console/scoring/models/approve").param("code", ScoreModel.weihai().code())
                .param("version", String.valueOf(version)).param("note", "同意")
                .with(staff("aa7-checker", "scoring:approve")).with(csrf()));
    }

    private ResultActions record(int version, String conclusion, byte[] report) throws Exception {
        return mvc.perform(multipart("/console/scoring/models/assessment")
                .file(new MockMultipartFile("document", "评估报告.pdf", "application/pdf", report))
                .param("code", ScoreModel.weihai().code()).param("version", String.valueOf(version))
                .param("assessedOn", "2026-11-30").param("conclusion", conclusion)
                .with(staff("aa7-maker", "scoring:edit")).with(csrf()));
    }

    private String statusOf(int version) {
        return scoring.models().stream().filter(m -> m.code().equals(ScoreModel.weihai().code())
                && m.version() == version).findFirst().map(JdbcScores.StoredModel::status).orElseThrow();
    }

    private static java.time.Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant();
    }

    private static String sm3(byte[] bytes) {
        SM3Digest digest = new SM3Digest();
        digest.update(bytes, 0, bytes.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }
}
