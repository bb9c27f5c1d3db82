package cn.chengxin.portal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.sql.Timestamp;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import cn.chengxin.portal.tipoff.domain.ReceiptCode;
import cn.chengxin.portal.tipoff.domain.ReporterPurpose;
import cn.chengxin.portal.tipoff.domain.TipOffStatus;
import cn.chengxin.portal.tipoff.persistence.JdbcTipOffs;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.IdentityDocument;
import cn.chengxin.support.AsStaff;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.TestCitizens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * I7: a tip-off closed longer ago than chengxin.tipoff.retention (3 years) loses the allegation and its reporter
 * (PIPL Art. 19, 47), keeping its status, dates and the reply its receipt code reads; one closed yesterday, and one
 * still open however old, keep everything.
 */
@IntegrationTest
class TipOffRetentionIT {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Autowired
    TipOffRetention retention;

    @Autowired
    TipOffDesk desk;

    @Autowired
    TipOffReporters reporters;

    @Autowired
    JdbcTipOffs tipOffs;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    Clock clock;

    @Test
    void aTipOffClosedThreeYearsAndADayAgoLosesItsFactsAndReporterOneClosedYesterdayKeepsThem() throws Exception {
        Instant now = clock.instant();
        Instant threeYearsAndADayAgo = now.atZone(BEIJING).minusYears(3).minusDays(1).toInstant();
        Instant yesterday = now.atZone(BEIJING).minusDays(1).toInstant();
        Map.Entry<UUID, String> old = closed(TipOffStatus.RESOLVED, threeYearsAndADayAgo);
        Map.Entry<UUID, String> recent = closed(TipOffStatus.REJECTED, yesterday);
        Map.Entry<UUID, String> open = closed(TipOffStatus.ACCEPTED, threeYearsAndADayAgo);
        long eventsBefore = retentionEvents();

        assertThat(retention.purge()).isGreaterThanOrEqualTo(1);

        Map<String, Object> emptied = row(old.getKey());
        assertThat(emptied).containsEntry("facts", "").containsEntry("subject_name", "")
                .containsEntry("status", "RESOLVED").containsEntry("reply", "经核查，举报属实，已依法处理。");
        for (String column : new String[] {"subject_masked", "subject_pseudonym", "subject_id", "reporter_name",
                "reporter_name_cipher", "reporter_contact", "reporter_contact_cipher"}) {
            assertThat(emptied.get(column)).as(column).isNull();
        }
        assertThat(emptied.get("subject_document")).as("the kind of subject reported stays").isEqualTo("RESIDENT_ID");
        assertThat(emptied.get("received_at")).isNotNull();
        assertThat(java.time.Duration.between(((Timestamp) emptied.get("handled_at")).toInstant(),
                threeYearsAndADayAgo).abs()).as("the closing stays").isLessThan(java.time.Duration.ofMillis(1));
        assertThat(emptied.get("purged_at")).isNotNull();
        TipOffProgress progress = desk.progress(old.getValue()).orElseThrow();
        assertThat(progress.status()).as("the receipt code still answers").isEqualTo(TipOffStatus.RESOLVED);
        assertThat(progress.reply()).isEqualTo("经核查，举报属实，已依法处理。");

        for (UUID kept : new UUID[] {recent.getKey(), open.getKey()}) {
            Map<String, Object> intact = row(kept);
            assertThat(intact.get("facts")).as("kept").isEqualTo("以虚假材料骗取补贴，金额较大。");
            assertThat(intact.get("purged_at")).isNull();
            assertThat(AsStaff.as("retention-test", () -> desk.revealReporter(kept, ReporterPurpose.VERIFY_FACTS)))
                    .isEqualTo(new TipOffReporter("冯报告", "13900001111"));
        }
        assertThat(retentionEvents()).as("audited once, by count").isEqualTo(eventsBefore + 1);
        assertThat(retention.purge()).as("nothing left past its period").isZero();

        String list = mvc.perform(get("/console/tipoffs").param("status", "RESOLVED").with(handler()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).containsPattern("id=\"purged\">\\d+ 条已按保存期限清除").contains("已按保存期限清除");
        String detail = mvc.perform(get("/console/tipoffs/{id}", old.getKey()).with(handler()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(detail).contains("id=\"purged-hint\"", "经核查，举报属实，已依法处理。")
                .doesNotContain("id=\"reveal-reporter\"", "以虚假材料骗取补贴");
    }

    /**
     * A tip-off about a registered person with a reporter, stored as the desk stores one and then closed (or moved on)
     * at {@code handledAt}; its id and receipt code.
     */
    private Map.Entry<UUID, String> closed(TipOffStatus status, Instant handledAt) {
        TestCitizens.Person person = TestCitizens.register(subjects, "庞被举");
        IdentityDocument document = subjects.validate(null, person.number());
        String code = ReceiptCode.generate(new SecureRandom());
        UUID id = UUID.randomUUID();
        tipOffs.insert(new JdbcTipOffs.NewTipOff(id, ReceiptCode.hash(code), "庞被举", document.type().name(),
                subjects.pseudonymOf(document), document.masked(), subjects.find(document).orElseThrow(),
                "以虚假材料骗取补贴，金额较大。", reporters.name("冯报告"), reporters.contact("13900001111"),
                handledAt.minusSeconds(86_400L * (1 + ThreadLocalRandom.current().nextInt(30)))));
        jdbc.sql("UPDATE portal.tipoff SET status = ?, reply = ?, handled_by = '信用办', handled_at = ? WHERE id = ?")
                .params(status.name(), "经核查，举报属实，已依法处理。", Timestamp.from(handledAt), id).update();
        return Map.entry(id, code);
    }

    private Map<String, Object> row(UUID id) {
        return jdbc.sql("SELECT * FROM portal.tipoff WHERE id = ?").param(id).query().singleRow();
    }

    private long retentionEvents() {
        return jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'privacy.tipoff-retention'")
                .query(Long.class).single();
    }

    private static RequestPostProcessor handler() {
        return user("handler").authorities(new SimpleGrantedAuthority("STAFF"),
                new SimpleGrantedAuthority("tipoff:handle"));
    }
}
