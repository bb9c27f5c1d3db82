package cn.chengxin.inquiry;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.chengxin.account.ApiClient;
import cn.chengxin.account.ApiClients;
import cn.chengxin.account.InstitutionViolations;
import cn.chengxin.account.ViolationGround;
import cn.chengxin.inquiry.domain.Consent;
import cn.chengxin.inquiry.domain.Purpose;
import cn.chengxin.shared.CodedProblem;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.PdfText;
import cn.chengxin.support.Principals;
import cn.chengxin.support.TestCitizens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static cn.chengxin.support.AsStaff.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A person authorises an institution, not one of its keys (gaps review xxix K2; RULES.md §9): the consent holds when
 * the bank's key is renewed and the old key revoked (RULES.md §10, a key expires every year), and the consent form
 * lists each institution once, only while a key of it can query.
 *
 * It also covers a person the register knew nothing of until their identity was verified (gaps review xxix K3).
 */
@IntegrationTest
class ConsentsIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    ApiClients apiClients;

    @Autowired
    Consents consents;

    @Autowired
    InstitutionViolations violations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    BannedInstitutionConsents bannedConsents;

    @Autowired
    Reports reports;

    @Autowired
    cn.chengxin.shared.jdbc.ClusterJobs cluster;

    /**
     * A nurse from another city, with no records here, registered once the real-name provider confirmed her: she
     * consents in self-service, the hospital's query is answered with a report that says in words that it found no
     * record, and so do her own report's page and PDF, in Chinese and in English.
     */
    @Test
    void aPersonRegisteredWithNoRecordsConsentsAndEveryReportSaysNoRecordWasCollected() throws Exception {
        String number = TestCitizens.unregisteredNumber();
        UUID subjectId = subjects.registerVerifiedPerson(subjects.validate(DocumentType.RESIDENT_ID, number),
                "柏新籍", cn.chengxin.audit.AuditDetail.of("VERIFIED_ONLINE_REAL_NAME"));
        RequestPostProcessor citizen = authentication(Principals.citizen(subjects, subjectId));
        ApiClients.IssuedKey hospital = apiClients.issue("人事系统新籍", "癸医院", ApiClient.Kind.INSTITUTION, null,
                Set.of(Permission.API_REPORT_QUERY), 6000);

        assertThat(mvc.perform(get("/me/consents").with(citizen)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).contains(hospital.institutionId().toString());
        mvc.perform(post("/me/consents").param("clientId", hospital.institutionId().toString())
                        .param("purpose", Purpose.LENDING.name()).param("days", "30").with(csrf()).with(citizen))
                .andExpect(flash().attribute("successKey", "me.consent.granted"));
        assertThat(consents.inForce(subjectId)).extracting(Consent::institutionId).containsExactly(hospital.institutionId());

        MockHttpServletResponse answered = mvc.perform(post("/api/v1/reports")
                        .header("Authorization", "Bearer " + hospital.key()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subjectNumber\":\"" + number + "\",\"purpose\":\"LENDING\"}"))
                .andExpect(status().isOk()).andReturn().getResponse();
        String institutions = PdfText.compact(answered.getContentAsByteArray());
        assertThat(institutions).contains("本报告范围内未采集到该主体的信用记录", answered.getHeader("X-Report-Number"),
                subjects.profile(subjectId).orElseThrow().maskedNumber()).doesNotContain(number);

        String own = mvc.perform(post("/me/reports").param("kind", "SELF_FULL").with(csrf()).with(citizen))
                .andExpect(flash().attribute("successKey", "me.report.generated")).andReturn().getResponse()
                .getRedirectedUrl();
        String page = mvc.perform(get(own).with(citizen)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("id=\"no-records\"", "未采集到该主体的信用记录。").doesNotContain("本报告范围内");
        assertThat(PdfText.compact(mvc.perform(get(own + ".pdf").with(citizen)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray()))
                .contains("未采集到该主体的信用记录。").doesNotContain("本报告范围内");

        String english = mvc.perform(post("/me/reports").param("kind", "SELF_FULL").param("lang", "en")
                        .with(csrf()).with(citizen))
                .andExpect(flash().attribute("successKey", "me.report.generated")).andReturn().getResponse()
                .getRedirectedUrl();
        assertThat(PdfText.compact(mvc.perform(get(english + ".pdf").with(citizen)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray()))
                .contains("Nocreditrecordshavebeencollectedforthissubject.");
    }

    @Test
    void aConsentHoldsForTheRenewedKeyOnceTheOldKeyIsRevoked() throws Exception {
        Person person = person("甘续安");
        String organisation = "续签银行 " + UUID.randomUUID();
        ApiClients.IssuedKey old = bank(organisation);
        Consent consent = consents.grant(person.id(), old.institutionId(), Purpose.LENDING, 30, false);
        report(old.key(), person).andExpect(status().isOk());

        UUID proposal = as("consents-maker", () -> apiClients.proposeRenewal(old.clientId()));
        ApiClients.IssuedKey renewed = as("consents-checker", () -> apiClients.approve(proposal));
        as("consents-maker", () -> {
            apiClients.revoke(old.clientId(), ViolationGround.OTHER, "测试停用");
            return null;
        });

        report(old.key(), person).andExpect(status().isUnauthorized());
        report(renewed.key(), person).andExpect(status().isOk());
        assertThat(renewed.institutionId()).isEqualTo(old.institutionId());
        assertThat(consents.of(person.id())).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(consent.id());
            assertThat(c.uses()).as("both keys used the one consent").isEqualTo(2);
        });
    }

    /**
     * Gaps review xxx L4: an institution on the violation register (违规机构名单) is not offered on the consent form, nor
     * authorised, while its ban lasts — here the same bank under its name written otherwise, with a key issued before
     * the ban, which the ban's revocation of the banned institution's own keys did not reach. The counter's form reads
     * the same list.
     */
    @Test
    void aBannedInstitutionIsNotOfferedAndCannotBeAuthorised() throws Exception {
        Person person = person("甘违规");
        String bank = "违规授权银行" + UUID.randomUUID().toString().substring(0, 8) + "（股份）有限公司";
        ApiClients.IssuedKey banned = bank(bank);
        ApiClients.IssuedKey alike = bank(bank.replace("（", " (").replace("）", ") "));
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        UUID entry = as("consents-maker", () -> violations.propose(banned.institutionId(),
                ViolationGround.BEYOND_PURPOSE, "信用办〔2026〕31号", today, today.plusDays(30)));
        assertThat(consents.institutions()).as("not yet confirmed").extracting(i -> i.id())
                .contains(alike.institutionId());
        as("consents-checker", () -> {
            violations.confirm(entry);
            return null;
        });

        assertThat(consents.institutions()).extracting(i -> i.id())
                .doesNotContain(banned.institutionId(), alike.institutionId());
        String page = mvc.perform(get("/me/consents").with(authentication(Principals.citizen(subjects, person.id()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain(alike.institutionId().toString(), banned.institutionId().toString());
        Throwable refused = catchThrowable(() -> consents.grant(person.id(), alike.institutionId(), Purpose.LENDING,
                30, false));
        assertThat(refused).isInstanceOf(CodedProblem.class).extracting("code")
                .isEqualTo("CONSENT_INSTITUTION_BANNED");
        assertThat(consents.of(person.id())).isEmpty();
    }

    /**
     * L4 rest (session xxxv): an entry naming a unified social credit code holds the institution of that code written
     * otherwise ("某某银行" for "某某银行股份有限公司"): it is no longer offered, and the consent the person gave it is
     * withdrawn by the platform, audited about the person and told by a notice in Chinese and English; another
     * institution's consent stays; a second run withdraws, audits and tells nothing more.
     */
    @Test
    void aBanByCreditCodeWithdrawsTheConsentsGivenToTheInstitutionAndTellsThePerson() throws Exception {
        Person person = person("甘代码");
        String code = cn.chengxin.support.TestCreditCodes.next();
        String bank = "代码授权银行" + UUID.randomUUID().toString().substring(0, 8);
        ApiClients.IssuedKey shortName = as("consents-setup", () -> apiClients.issue("信贷系统", bank,
                ApiClient.Kind.INSTITUTION, null, Set.of(Permission.API_REPORT_QUERY), 6000, code));
        ApiClients.IssuedKey longName = as("consents-setup", () -> apiClients.issue("信贷系统", bank + "股份有限公司",
                ApiClient.Kind.INSTITUTION, null, Set.of(Permission.API_REPORT_QUERY), 6000, code));
        ApiClients.IssuedKey other = bank("无关授权银行 " + UUID.randomUUID());
        Consent given = consents.grant(person.id(), shortName.institutionId(), Purpose.LENDING, 30, false);
        Consent kept = consents.grant(person.id(), other.institutionId(), Purpose.LENDING, 30, false);
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        UUID entry = as("consents-maker", () -> violations.propose(longName.institutionId(),
                ViolationGround.BEYOND_PURPOSE, "信用办〔2026〕51号", today, today.plusDays(30)));
        as("consents-checker", () -> {
            violations.confirm(entry);
            return null;
        });

        assertThat(consents.institutions()).extracting(i -> i.id())
                .doesNotContain(shortName.institutionId(), longName.institutionId()).contains(other.institutionId());
        bannedConsents.withdrawBegun(); // whatever the reaction after the confirmation left, if anything
        assertThat(withdrawnBy(given.id())).isEqualTo("ban");
        assertThat(withdrawnBy(kept.id())).isNull();
        assertThat(consents.inForce(person.id())).extracting(Consent::id).containsExactly(kept.id());
        String notices = "SELECT count(*) FROM account.notice WHERE subject_id = ? AND kind = 'CONSENT_WITHDRAWN_FOR_BAN'"
                + " AND title = ? AND wording = 'CONSENT_WITHDRAWN_FOR_BAN'";
        assertThat(jdbc.sql(notices).params(person.id(), "您授权" + bank + "查询信用报告的授权已撤回")
                .query(Long.class).single()).isOne();
        String audited = "SELECT count(*) FROM audit.event WHERE action = 'consent.withdraw.ban' AND consent_id = ?"
                + " AND detail LIKE ?";
        String detail = "reason=CONSENT_WITHDRAWN_FOR_BAN; organisation=" + bank
                + "; purpose=#me.consent.purpose.LENDING; ground=#console.violations.ground.BEYOND_PURPOSE; "
                + "reference=信用办〔2026〕51号; from=" + today + "; until=" + today.plusDays(30);
        assertThat(jdbc.sql(audited).params(given.id().toString(), detail).query(Long.class).single()).isOne();
        String page = mvc.perform(get("/me/notices").param("lang", "en")
                        .with(authentication(Principals.citizen(subjects, person.id()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Your consent to " + bank + " querying your credit report was withdrawn");

        assertThat(bannedConsents.withdrawBegun()).as("a second run").isZero();
        assertThat(jdbc.sql(notices).params(person.id(), "您授权" + bank + "查询信用报告的授权已撤回")
                .query(Long.class).single()).isOne();
        assertThat(jdbc.sql(audited).params(given.id().toString(), detail).query(Long.class).single()).isOne();
    }

    /**
     * S7 of gaps-review-xxxviii: a ban confirmed today from tomorrow refuses the use of the consents given to the
     * institution from tomorrow's first second, whether or not the night's withdrawal ran (none runs here); the report
     * refused is audited; an instance starting after the night's hour withdraws the consent (the durable record).
     */
    @Test
    void aBanFromTomorrowRefusesTheConsentFromItsFirstSecondThoughTheNightsRunWasMissed() throws Exception {
        Person person = person("甘明禁");
        String bank = "明日禁入授权银行" + UUID.randomUUID().toString().substring(0, 8);
        ApiClients.IssuedKey key = bank(bank);
        Consent given = consents.grant(person.id(), key.institutionId(), Purpose.LENDING, 30, false);
        cn.chengxin.account.ApiClientPrincipal client = apiClients.authenticate(key.key()).orElseThrow();
        java.time.ZoneId beijing = java.time.ZoneId.of("Asia/Shanghai");
        java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(beijing));
        java.time.LocalDate tomorrow = today.plusDays(1);
        UUID entry = as("consents-maker", () -> violations.propose(key.institutionId(),
                ViolationGround.BEYOND_PURPOSE, "信用办〔2026〕62号", tomorrow, tomorrow.plusDays(30)));
        as("consents-checker", () -> {
            violations.confirm(entry);
            return null;
        });
        assertThat(withdrawnBy(given.id())).as("not in force yet").isNull();

        // The clock moved to tomorrow, and no instance ran the night's withdrawal at 00:10.
        java.time.Instant midnight = tomorrow.atStartOfDay(beijing).toInstant();
        assertThat(consents.allowing(person.id(), key.institutionId(), Purpose.LENDING, null, null,
                midnight.minusSeconds(1)).id()).as("the ban's eve").isEqualTo(given.id());
        assertThat(catchThrowable(() -> consents.allowing(person.id(), key.institutionId(), Purpose.LENDING,
                given.id(), null, midnight))).isInstanceOf(CodedProblem.class).extracting("code")
                .isEqualTo("CONSENT_INSTITUTION_BANNED");

        // The report path, on the real clock: the entry's day moved back by one instead.
        jdbc.sql("UPDATE account.institution_violation SET banned_from = banned_from - 1 WHERE id = ?").param(entry)
                .update();
        assertThat(catchThrowable(() -> reports.forInstitution(client, person.number(), null, Purpose.LENDING, null,
                null, null))).isInstanceOf(CodedProblem.class).extracting("code")
                .isEqualTo("CONSENT_INSTITUTION_BANNED");
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'report.issue' AND result = 'DENIED'"
                        + " AND actor_id = ? AND detail LIKE ?")
                .params(key.clientId().toString(), "%problem.CONSENT_INSTITUTION_BANNED%").query(Long.class).single())
                .isOne();
        assertThat(consents.of(person.id())).singleElement().extracting(Consent::uses).isEqualTo(0);
        assertThat(withdrawnBy(given.id())).as("the night's run was missed").isNull();

        // An instance starts after 00:10 on a day the withdrawal did not run: it withdraws the consent for good.
        jdbc.sql("INSERT INTO shared.cluster_job (job, done_through) VALUES (?, ?) ON CONFLICT (job) "
                        + "DO UPDATE SET done_through = EXCLUDED.done_through")
                .params(BannedInstitutionConsents.JOB, java.sql.Date.valueOf(today.minusDays(1))).update();
        java.time.Instant started = today.atTime(0, 30).atZone(beijing).toInstant();
        assertThat(new cn.chengxin.shared.jdbc.MissedDays(java.util.List.of(bannedConsents), cluster, clock, false)
                .catchUp(started)).containsExactly(BannedInstitutionConsents.JOB);
        assertThat(withdrawnBy(given.id())).isEqualTo("ban");
    }

    private String withdrawnBy(UUID consentId) {
        return jdbc.sql("SELECT withdrawn_by FROM inquiry.consent WHERE id = ?").param(consentId).query(String.class)
                .list().get(0);
    }

    @Test
    void theFormListsAnInstitutionOnceAndNotOneWhoseOnlyKeyExpired() throws Exception {
        Person person = person("甘列一");
        String renewing = "两把密钥银行 " + UUID.randomUUID();
        ApiClients.IssuedKey old = bank(renewing);
        UUID proposal = as("consents-maker", () -> apiClients.proposeRenewal(old.clientId()));
        as("consents-checker", () -> apiClients.approve(proposal));
        String lapsed = "密钥过期银行 " + UUID.randomUUID();
        ApiClients.IssuedKey expired = bank(lapsed);
        jdbc.sql("UPDATE account.api_client SET expires_at = ? WHERE id = ?")
                .params(Timestamp.from(clock.instant().minus(Duration.ofDays(1))), expired.clientId()).update();

        String page = mvc.perform(get("/me/consents").with(authentication(Principals.citizen(subjects, person.id()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String form = page.substring(page.indexOf("id=\"grant-form\""), page.indexOf("</form>",
                page.indexOf("id=\"grant-form\"")));

        assertThat(occurrences(form, renewing)).as("both keys live: the bank once").isOne();
        assertThat(form).contains("value=\"" + old.institutionId() + "\"").doesNotContain(lapsed);
        Throwable refused = catchThrowable(() -> consents.grant(person.id(), expired.institutionId(), Purpose.LENDING, 30,
                false));
        assertThat(refused).isInstanceOf(CodedProblem.class).extracting("code").isEqualTo("INSTITUTION_UNKNOWN");
    }

    private ApiClients.IssuedKey bank(String organisation) throws Exception {
        return as("consents-setup", () -> apiClients.issue("信贷系统", organisation, ApiClient.Kind.INSTITUTION, null,
                Set.of(Permission.API_REPORT_QUERY), 6000));
    }

    private record Person(UUID id, String number) {
    }

    private Person person(String name) {
        String number = TestCitizens.register(subjects, name).number();
        return new Person(subjects.find(subjects.validate(DocumentType.RESIDENT_ID, number)).orElseThrow(), number);
    }

    private ResultActions report(String key, Person person) throws Exception {
        return mvc.perform(post("/api/v1/reports").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"subjectNumber\":\"" + person.number() + "\",\"purpose\":\"LENDING\"}"));
    }

    private static int occurrences(String text, String part) {
        Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
