package cn.chengxin.inquiry;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.shared.Ids;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Principals;
import cn.chengxin.support.TestCitizens;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * AA2 (gaps review xlvi; RULES.md §9, 征信业管理条例 Art. 18, PIPL Art. 19, 47): a consent goes ten years after it
 * ended, with the reports issued on it (and what they carry), the counter visits and papers about it, its review and
 * its migration row; one ended a day less than ten years ago stays, and so does one in force since eleven years. The
 * owner's function judges the ten years itself: a cutoff too late is refused and a consent too young is kept, however
 * it is called. What the person sees afterwards ({@code /me/consents}, {@code /me/access}, the copy, report
 * verification) answers without the rows; {@code /privacy} states the period, and a shorter setting refuses the start.
 */
@IntegrationTest
class ConsentRetentionIT {

    @Autowired
    ConsentRetention retention;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    MockMvc mvc;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    AuditLog audit;

    @Test
    void consentsEndedTenYearsAgoGoWithWhatHangsOnThemAndYoungerOrLiveOnesStay() throws Exception {
        // A day of its own (the pass is per day), before today so that no other test's pass is that day's.
        Clock now = Clock.fixed(clock.instant().minus(Duration.ofDays(ThreadLocalRandom.current().nextInt(1, 400))),
                clock.getZone());
        ZonedDateTime at = now.instant().atZone(now.getZone());
        Instant tenYears = at.minusYears(10).toInstant();
        TestCitizens.Person person = TestCitizens.register(subjects, "保存授权");
        UUID subject = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, person.number())).orElseThrow();
        String pseudonym = subjects.pseudonymOf(subject).orElseThrow();

        // Granted at the window for one query, used a day more than ten years ago, with its report, visit and paper.
        UUID usedUp = consent(subject, "用尽银行", true, tenYears.minus(Duration.ofDays(40)),
                tenYears.plus(Duration.ofDays(300)), null, tenYears.minus(Duration.ofDays(1)), "counter");
        UUID usedUpReport = report(subject, usedUp, "用尽银行", tenYears.minus(Duration.ofDays(1)));
        jdbc.sql("INSERT INTO inquiry.report_record (report_id, record_key, version, valid_until) VALUES (?, ?, 1, ?)")
                .params(usedUpReport, Ids.newId(), Timestamp.from(tenYears.plus(Duration.ofDays(29)))).update();
        jdbc.sql("INSERT INTO inquiry.report_entry (report_id, entry_id) VALUES (?, ?)")
                .params(usedUpReport, Ids.newId()).update();
        jdbc.sql("INSERT INTO inquiry.report_superseded (report_id, superseded_at, change) VALUES (?, ?, 'EXPIRED')")
                .params(usedUpReport, Timestamp.from(tenYears)).update();
        UUID grantVisit = visit(subject, "CONSENT", usedUp, tenYears.minus(Duration.ofDays(40)));
        UUID paper = paper(grantVisit);
        jdbc.sql("""
                        INSERT INTO inquiry.counter_consent_review (id, subject_id, clerk_id, clerk_name, recorded_at)
                        VALUES (?, ?, 'retention-clerk', '窗口甲', ?)""")
                .params(usedUp, subject, Timestamp.from(tenYears.minus(Duration.ofDays(40)))).update();
        // Withdrawn at the window a day more than ten years ago.
        UUID withdrawn = consent(subject, "撤回银行", false, tenYears.minus(Duration.ofDays(100)),
                tenYears.plus(Duration.ofDays(200)), tenYears.minus(Duration.ofDays(1)), null, "self-service");
        UUID withdrawalVisit = visit(subject, "CONSENT_WITHDRAWAL", withdrawn, tenYears.minus(Duration.ofDays(1)));
        // Carried over from the older platform, expired a day more than ten years ago.
        UUID migrated = consent(subject, "迁移银行", false, tenYears.minus(Duration.ofDays(200)),
                tenYears.minus(Duration.ofDays(1)), null, null, "migration");
        jdbc.sql("""
                        INSERT INTO inquiry.migrated_consent (consent_id, subject_id, institution_id, purpose, granted_at)
                        VALUES (?, ?, ?, 'LENDING', ?)""")
                .params(migrated, subject, Ids.newId(), Timestamp.from(tenYears.minus(Duration.ofDays(200)))).update();
        // Withdrawn a day less than ten years ago (9 years 364 days), with its report: both stay.
        UUID young = consent(subject, "未满银行", false, tenYears.minus(Duration.ofDays(100)),
                tenYears.plus(Duration.ofDays(200)), tenYears.plus(Duration.ofDays(1)), null, "self-service");
        UUID youngReport = report(subject, young, "未满银行", tenYears.minus(Duration.ofDays(50)));
        // In force since eleven years (a consent carried over with a long validity): stays, whenever it was given.
        UUID live = consent(subject, "有效银行", false, at.minusYears(11).toInstant(),
                now.instant().plus(Duration.ofDays(400)), null, null, "migration");
        // The institution's query on the consent, in the audit log: 谁查询了我 keeps showing it after the consent goes.
        audit.record(AuditEntry.of(AuditCategory.QUERY, "report.issue").subject(pseudonym)
                .purpose("授权查询：保存期测试", "征信业管理条例 第十八条").consent(usedUp.toString()));
        String number = number(usedUpReport);
        verification(number, "RETAIN01").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("EXPIRED"));
        long audited = events();

        // Chunks of two consents: the pass goes on over several transactions.
        ConsentRetention.Deleted deleted = retention.prune(now, 2);

        assertThat(deleted.consents()).isGreaterThanOrEqualTo(3);
        assertThat(deleted.reports()).isGreaterThanOrEqualTo(1);
        assertThat(deleted.counterVisits()).isGreaterThanOrEqualTo(2);
        assertThat(deleted.counterPapers()).isGreaterThanOrEqualTo(1);
        assertThat(ids("SELECT id FROM inquiry.consent WHERE subject_id = ?", subject))
                .containsExactlyInAnyOrder(young, live);
        assertThat(ids("SELECT id FROM inquiry.report WHERE subject_id = ?", subject)).containsExactly(youngReport);
        for (String child : List.of("report_record", "report_entry", "report_superseded")) {
            assertThat(count("SELECT count(*) FROM inquiry." + child + " WHERE report_id = ?", usedUpReport))
                    .as(child).isZero();
        }
        assertThat(ids("SELECT id FROM inquiry.counter_visit WHERE subject_id = ?", subject)).isEmpty();
        assertThat(count("SELECT count(*) FROM inquiry.counter_paper WHERE id = ?", paper)).isZero();
        assertThat(count("SELECT count(*) FROM inquiry.counter_consent_review WHERE id = ?", usedUp)).isZero();
        assertThat(count("SELECT count(*) FROM inquiry.migrated_consent WHERE consent_id = ?", migrated)).isZero();
        assertThat(List.of(grantVisit, withdrawalVisit)).noneMatch(v -> count(
                "SELECT count(*) FROM inquiry.counter_visit WHERE id = ?", v) > 0);
        var pass = retention.pass(LocalDate.now(now)).orElseThrow();
        assertThat(pass.finished()).isTrue();
        assertThat(pass.holdersEvaluated()).isEqualTo(deleted.consents());
        // One audit event for the run, by count: no institution, purpose or report number.
        assertThat(events()).isEqualTo(audited + 1);
        String detail = jdbc.sql("SELECT detail FROM audit.event WHERE action = 'privacy.consent-retention' "
                + "ORDER BY seq DESC LIMIT 1").query(String.class).single();
        assertThat(detail).contains("CONSENTS_DELETED", String.valueOf(deleted.consents()))
                .doesNotContain("用尽银行", "撤回银行", number);
        // The day's pass is done: running again that day deletes nothing, whichever instance runs it.
        assertThat(retention.prune(now, 2)).isEqualTo(ConsentRetention.Deleted.NONE);
        assertThat(events()).isEqualTo(audited + 1);

        // What the person and a holder of the report see answers without the rows, never a 500.
        verification(number, "RETAIN01").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("NOT_FOUND"));
        String page = mvc.perform(post("/verify").param("number", number).param("code", "RETAIN01").with(csrf())
                        .with(r -> {
                            r.setRemoteAddr("10.78.1.2");
                            return r;
                        })).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("未能核验", "超过保存期限");
        String consents = mvc.perform(get("/me/consents").with(authentication(Principals.citizen(subjects, subject))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(consents).contains("未满银行", "有效银行").doesNotContain("用尽银行", "撤回银行", "迁移银行");
        String access = mvc.perform(get("/me/access").with(authentication(Principals.citizen(subjects, subject))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(access).as("the query stays in the audit log").contains("保存期测试");
        String copy = mvc.perform(get("/me/copy.json").with(authentication(Principals.citizen(subjects, subject))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<Map<String, Object>> given = JsonPath.read(copy, "$.consents[*]");
        assertThat(given).extracting(c -> (String) c.get("organisation"))
                .containsExactlyInAnyOrder("未满银行", "有效银行");
    }

    @Test
    void theOwnersFunctionKeepsTenYearsWhateverCutoffItIsGiven() {
        UUID subject = Ids.newId();
        Instant dbNow = jdbc.sql("SELECT now()").query(Timestamp.class).single().toInstant();
        ZonedDateTime at = dbNow.atZone(clock.getZone());
        UUID nineYears = consent(subject, "九年银行", false, at.minusYears(9).minusDays(30).toInstant(),
                at.plusYears(1).toInstant(), at.minusYears(9).toInstant(), null, "self-service");
        UUID almostTen = consent(subject, "将满银行", false, at.minusYears(10).minusDays(30).toInstant(),
                at.plusYears(1).toInstant(), at.minusYears(10).plusHours(1).toInstant(), null, "self-service");

        // A cutoff later than ten years back by the server's clock is refused outright.
        assertThatThrownBy(() -> delete(nineYears, "now()")).rootCause()
                .hasMessageContaining("kept for at least 10 years");
        assertThatThrownBy(() -> delete(nineYears, "now() - interval '9 years'")).rootCause()
                .hasMessageContaining("kept for at least 10 years");
        // Within the margin given for the application's clock, the function's own ten years still decide.
        assertThat(delete(almostTen, "now() - interval '10 years' + interval '12 hours'")).isZero();
        assertThat(ids("SELECT id FROM inquiry.consent WHERE subject_id = ?", subject))
                .containsExactlyInAnyOrder(nineYears, almostTen);
        // The pass run with a clock two years ahead hands the function such a cutoff: refused, nothing deleted.
        assertThatThrownBy(() -> retention.prune(Clock.offset(clock, Duration.ofDays(730)), 2)).rootCause()
                .hasMessageContaining("kept for at least 10 years");
        assertThat(ids("SELECT id FROM inquiry.consent WHERE subject_id = ?", subject)).hasSize(2);
    }

    @Test
    void privacyRulesStateTheConfiguredPeriod() throws Exception {
        String page = mvc.perform(get("/privacy")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("授权撤回、到期、使用完毕或未通过复核后 10年");
        String english = mvc.perform(get("/privacy").param("lang", "en")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(english).contains("10 years after the consent is withdrawn, expires, is used up or is rejected");
    }

    @Test
    void aPeriodBelowTenYearsIsRefusedAtStartAndALongerOneKept() {
        assertThatThrownBy(() -> new ConsentRetention(Period.of(9, 11, 30), jdbc, null, null, clock))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("chengxin.inquiry.consent-retention").hasMessageContaining("P10Y");
        assertThat(new ConsentRetention(Period.ofYears(12), jdbc, null, null, clock).period())
                .isEqualTo(Period.ofYears(12));
    }

    private UUID consent(UUID subject, String organisation, boolean singleUse, Instant granted, Instant expires,
                         Instant withdrawnAt, Instant usedAt, String via) {
        UUID id = Ids.newId();
        jdbc.sql("""
                        INSERT INTO inquiry.consent (id, subject_id, institution_id, institution, organisation, purpose,
                                                     single_use, granted_at, expires_at, withdrawn_at, withdrawn_by,
                                                     uses, last_used_at, granted_via)
                        VALUES (?, ?, ?, '信贷系统', ?, 'LENDING', ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, subject, Ids.newId(), organisation, singleUse, Timestamp.from(granted),
                        Timestamp.from(expires), withdrawnAt == null ? null : Timestamp.from(withdrawnAt),
                        withdrawnAt == null ? null : "self", usedAt == null ? 0 : 1,
                        usedAt == null ? null : Timestamp.from(usedAt), via)
                .update();
        return id;
    }

    /** An institution's report on the consent, emptied after its validity as reports are (ReportRetention). */
    private UUID report(UUID subject, UUID consent, String organisation, Instant generated) {
        UUID id = Ids.newId();
        String number = "RT" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 41), 36)
                .toUpperCase();
        Instant validUntil = generated.plus(Duration.ofDays(30));
        String summary = """
                {"title":"个人信用报告","maskedName":"保*","maskedNumber":"4117**********123X","generatedAt":"%s",\
                "validUntil":"%s","goodRecords":0,"negativeRecords":0,"lists":0,"requester":"%s"}"""
                .formatted(generated, validUntil, organisation);
        jdbc.sql("""
                        INSERT INTO inquiry.report (id, number, verification_code, kind, subject_id, requester_kind,
                                                    requester_id, requester_name, organisation, purpose, consent_id,
                                                    generated_at, valid_until, sm3, summary, emptied_at)
                        VALUES (?, ?, 'RETAIN01', 'AUTHORISED', ?, 'INSTITUTION', ?, '信贷系统', ?, '贷款审批', ?, ?, ?,
                                'sm3', ?::jsonb, ?)""")
                .params(id, number, subject, Ids.newId().toString(), organisation, consent, Timestamp.from(generated),
                        Timestamp.from(validUntil), summary, Timestamp.from(validUntil.plus(Duration.ofDays(183))))
                .update();
        return id;
    }

    private UUID visit(UUID subject, String service, UUID consent, Instant served) {
        UUID id = Ids.newId();
        jdbc.sql("""
                        INSERT INTO inquiry.counter_visit (id, subject_id, service, consent_id, person_document,
                                                           by_guardian, clerk_id, clerk_name, served_at)
                        VALUES (?, ?, ?, ?, 'RESIDENT_ID', false, 'retention-clerk', '窗口甲', ?)""")
                .params(id, subject, service, consent, Timestamp.from(served)).update();
        return id;
    }

    private UUID paper(UUID visit) {
        UUID id = Ids.newId();
        jdbc.sql("""
                        INSERT INTO inquiry.counter_paper (id, visit_id, kind, filename, content_type, content,
                                                           content_key_version, sha256, uploaded_at)
                        VALUES (?, ?, 'AUTHORISATION', 'authorisation.pdf', 'application/pdf', ?, 1, 'digest', now())""")
                .params(id, visit, new byte[] {1, 2, 3}).update();
        return id;
    }

    private int delete(UUID consent, String cutoff) {
        return jdbc.sql("SELECT consents FROM inquiry.delete_ended_consents(?, " + cutoff + ")")
                .param(new UUID[] {consent}).query(Integer.class).single();
    }

    private ResultActions verification(String number, String code) throws Exception {
        return mvc.perform(post("/api/v1/reports/verifications").contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .content("{\"number\":\"" + number + "\",\"code\":\"" + code + "\"}").with(r -> {
                    r.setRemoteAddr("10.78.1.1");
                    return r;
                }));
    }

    private String number(UUID report) {
        return jdbc.sql("SELECT number FROM inquiry.report WHERE id = ?").param(report).query(String.class).single();
    }

    private List<UUID> ids(String sql, UUID subject) {
        return jdbc.sql(sql).param(subject).query(UUID.class).list();
    }

    private long count(String sql, UUID id) {
        return jdbc.sql(sql).param(id).query(Long.class).single();
    }

    private long events() {
        return jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'privacy.consent-retention'")
                .query(Long.class).single();
    }
}
