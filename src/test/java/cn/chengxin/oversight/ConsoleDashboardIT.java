package cn.chengxin.oversight;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.chengxin.account.ApiClient;
import cn.chengxin.account.ApiClients;
import cn.chengxin.account.Department;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.creditfile.CreditFile;
import cn.chengxin.exchange.Exchange;
import cn.chengxin.exchange.ListLoad;
import cn.chengxin.listing.ListType;
import cn.chengxin.listing.Listing;
import cn.chengxin.objection.Objection;
import cn.chengxin.objection.Objections;
import cn.chengxin.objection.domain.Outcome;
import cn.chengxin.repair.Repairs;
import cn.chengxin.scoring.Scoring;
import cn.chengxin.scoring.domain.ScoreModel;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Principals;
import cn.chengxin.support.TestCitizens;
import cn.chengxin.support.TestRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;

import static cn.chengxin.support.AsStaff.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Finding K6: 工作台 tells each staff member what waits for them — a providing department its routed objections and
 * their deadline (RULES.md §5), the second person of a maker-checker pair the proposals another made (issue #5,
 * RULES.md §10), the key administrators the keys about to expire. The database is shared with other tests, so each
 * test reads a line's count before and after what it does.
 */
@IntegrationTest
class ConsoleDashboardIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    ApiClients apiClients;

    @Autowired
    StaffDirectory directory;

    @Autowired
    CreditFile creditFile;

    @Autowired
    Objections objections;

    @Autowired
    Listing listing;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    Scoring scoring;

    @Autowired
    Exchange exchange;

    @Autowired
    Repairs repairs;

    @Test
    void aDepartmentOperatorSeesTheObjectionRoutedToItAndItsDeadline() throws Exception {
        UsernamePasswordAuthenticationToken operator = Principals.staff("k6-operator-market", "MARKET",
                Permission.CONSOLE_HOME, Permission.OBJECTION_ANSWER);
        UsernamePasswordAuthenticationToken court = Principals.staff("k6-operator-court", "COURT",
                Permission.CONSOLE_HOME, Permission.OBJECTION_ANSWER);
        long before = count(dashboard(operator), "waiting-answers");
        long courtBefore = count(dashboard(court), "waiting-answers");

        TestCitizens.Person person = TestCitizens.register(subjects, "仇德明");
        TestRecords.penalty(mvc, apiClients, directory, person.number(), person.name(), "P_ADMIN_PENALTY_GENERAL",
                "驻市监罚〔2026〕961号");
        UUID subject = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, person.number())).orElseThrow();
        UUID id = objections.file(subject, creditFile.fileOf(subject).get(0).recordKey(), "处罚决定书号登记有误",
                "本人");
        as("k6-office", () -> {
            objections.route(id, objections.find(id).version());
            return null;
        });
        LocalDate due = objections.find(id).departmentDue();
        assertThat(due).isNotNull();

        String page = dashboard(operator);
        assertThat(count(page, "waiting-answers")).as("its routed case is counted").isEqualTo(before + 1);
        LocalDate earliest = objections.routedTo("MARKET").stream().map(Objections.RoutedCase::objection)
                .filter(o -> o.answer() == null).map(Objection::departmentDue).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElseThrow();
        assertThat(earliest).isBeforeOrEqualTo(due);
        assertThat(line(page, "waiting-answers")).contains("href=\"/console/objection-answers\"",
                "转办本部门待核查答复的异议", "最早期限 " + earliest);
        assertThat(page).doesNotContain(person.number());
        assertThat(count(dashboard(court), "waiting-answers")).as("another department owes nothing for it")
                .isEqualTo(courtBefore);
        assertThat(line(dashboard(operator, "en"), "waiting-answers"))
                .contains("objections routed to your department await its answer", "earliest deadline " + earliest);
    }

    @Test
    void aDepartmentOperatorSeesTheCorrectionItOwes() throws Exception {
        UsernamePasswordAuthenticationToken operator = Principals.staff("k6-operator-market", "MARKET",
                Permission.CONSOLE_HOME, Permission.OBJECTION_ANSWER);
        long before = count(dashboard(operator), "waiting-corrections");

        TestCitizens.Person person = TestCitizens.register(subjects, "仇更正");
        TestRecords.penalty(mvc, apiClients, directory, person.number(), person.name(), "P_ADMIN_PENALTY_GENERAL",
                "驻市监罚〔2026〕962号");
        UUID subject = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, person.number())).orElseThrow();
        UUID id = objections.file(subject, creditFile.fileOf(subject).get(0).recordKey(), "处罚金额录入错误", "本人");
        as("k6-office", () -> {
            objections.decide(id, objections.find(id).version(), Outcome.CORRECT, "经核实，金额有误，予以更正");
            return null;
        });

        String page = dashboard(operator);
        assertThat(count(page, "waiting-corrections")).as("the correction decided on its record is owed")
                .isEqualTo(before + 1);
        assertThat(line(page, "waiting-corrections")).contains(
                "href=\"/console/objection-answers#corrections-owed\"", "本部门待报送的更正", "最早期限 ");
    }

    @Test
    void aListReviewerSeesAnotherMakersProposalButNotTheirOwn() throws Exception {
        UsernamePasswordAuthenticationToken reviewer = Principals.staff("k6-reviewer", "CREDIT_OFFICE",
                Permission.CONSOLE_HOME, Permission.LIST_PROPOSE, Permission.LIST_REVIEW);
        long before = count(dashboard(reviewer), "waiting-list-proposals");

        UUID other = subject("仇文静");
        as("k6-maker", () -> listing.propose(other, ListType.RED, "国办发〔2016〕98号", "市级道德模范",
                LocalDate.now(clock).minusMonths(1), LocalDate.now(clock).plusYears(1)));
        String page = dashboard(reviewer);
        assertThat(count(page, "waiting-list-proposals")).as("another maker's proposal waits for this reviewer")
                .isEqualTo(before + 1);
        assertThat(line(page, "waiting-list-proposals")).contains("href=\"/console/lists?status=PROPOSED\"",
                "待审核的名单认定建议");

        UUID own = subject("仇文雅");
        as(reviewer, () -> listing.propose(own, ListType.RED, "国办发〔2016〕98号", "市级道德模范",
                LocalDate.now(clock).minusMonths(1), LocalDate.now(clock).plusYears(1)));
        assertThat(count(dashboard(reviewer), "waiting-list-proposals"))
                .as("their own proposal waits for someone else, not for them").isEqualTo(before + 1);
    }

    @Test
    void aSystemAdministratorSeesAKeyExpiringWithinThirtyDays() throws Exception {
        UsernamePasswordAuthenticationToken admin = Principals.staff("k6-admin", "CREDIT_OFFICE",
                Permission.CONSOLE_HOME, Permission.ACCOUNT_API_CLIENT_MANAGE);
        long before = count(dashboard(admin), "waiting-keys-expiring");

        ApiClients.IssuedKey key = bankKey("工作台到期测试 ");
        assertThat(count(dashboard(admin), "waiting-keys-expiring")).as("a key valid for a year is not due yet")
                .isEqualTo(before);
        jdbc.sql("UPDATE account.api_client SET expires_at = ? WHERE id = ?")
                .params(Timestamp.from(clock.instant().plus(Duration.ofDays(10))), key.clientId()).update();

        String page = dashboard(admin);
        assertThat(count(page, "waiting-keys-expiring")).isEqualTo(before + 1);
        assertThat(line(page, "waiting-keys-expiring")).contains("alert warning", "href=\"/console/api-clients\"",
                "将在 30 天内到期");
        assertThat(count(dashboard(Principals.staff("k6-clerk", "CREDIT_OFFICE", Permission.CONSOLE_HOME)),
                "waiting-keys-expiring")).as("only for whoever manages the keys").isZero();
    }

    /**
     * Gaps review xxxi M7: the key administrators see how many keys in use answer from any address with nobody having
     * said why; a key naming networks, one with a written reason and a revoked one are not counted.
     */
    @Test
    void aSystemAdministratorSeesKeysUsableFromAnyAddressWithNoReason() throws Exception {
        UsernamePasswordAuthenticationToken admin = Principals.staff("m7-admin", "CREDIT_OFFICE",
                Permission.CONSOLE_HOME, Permission.ACCOUNT_API_CLIENT_MANAGE);
        long before = count(dashboard(admin), "waiting-keys-unrestricted");
        ApiClients.IssuedKey key = bankKey("工作台地址测试 ");
        assertThat(count(dashboard(admin), "waiting-keys-unrestricted")).as("the key names loopback")
                .isEqualTo(before);

        jdbc.sql("UPDATE account.api_client SET allowed_addresses = '{}' WHERE id = ?").param(key.clientId()).update();
        String page = dashboard(admin);
        assertThat(count(page, "waiting-keys-unrestricted")).isEqualTo(before + 1);
        assertThat(line(page, "waiting-keys-unrestricted")).contains("alert warning", "href=\"/console/api-clients\"",
                "未限定访问地址");
        assertThat(count(dashboard(Principals.staff("m7-clerk", "CREDIT_OFFICE", Permission.CONSOLE_HOME)),
                "waiting-keys-unrestricted")).as("only for whoever manages the keys").isZero();

        jdbc.sql("UPDATE account.api_client SET any_address_reason = '终端地址不固定' WHERE id = ?")
                .param(key.clientId()).update();
        assertThat(count(dashboard(admin), "waiting-keys-unrestricted")).as("a reason was given").isEqualTo(before);
        jdbc.sql("UPDATE account.api_client SET any_address_reason = NULL, revoked_at = now() WHERE id = ?")
                .param(key.clientId()).update();
        assertThat(count(dashboard(admin), "waiting-keys-unrestricted")).as("revoked").isEqualTo(before);
    }

    /** A bank's report key the platform issues itself, valid for a year and usable from loopback. */
    private ApiClients.IssuedKey bankKey(String name) throws Exception {
        return as("k6-platform", () -> apiClients.issue(name + UUID.randomUUID(), "某银行", ApiClient.Kind.INSTITUTION,
                null, Set.of(Permission.API_REPORT_QUERY), 60));
    }

    /**
     * H3, RULES.md §7: the department that holds {@code measure:lifted} sees the measures it must confirm lifted, how
     * many are past their working days (red), and where to confirm them; another department does not.
     */
    @Test
    void aDepartmentSeesTheLiftsItMustConfirm() throws Exception {
        String department = "K6LIFT" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        directory.createDepartment(department, "解除确认测试局" + department, Department.Kind.DATA_PROVIDER, List.of());
        UsernamePasswordAuthenticationToken operator = Principals.staff("k6-lifts", department,
                Permission.CONSOLE_HOME, Permission.MEASURE_LIFTED);
        UsernamePasswordAuthenticationToken court = Principals.staff("k6-lifts-court", "COURT",
                Permission.CONSOLE_HOME, Permission.MEASURE_LIFTED);
        long courtBefore = count(dashboard(court), "waiting-lifts");
        assertThat(line(dashboard(operator), "waiting-lifts")).as("nothing to confirm: no line").isEmpty();
        try {
            lifted(department, clock.instant());
            lifted(department, clock.instant().minus(Duration.ofDays(14)));

            String page = dashboard(operator);
            assertThat(count(page, "waiting-lifts")).isEqualTo(2);
            assertThat(line(page, "waiting-lifts")).contains("alert error", "href=\"/console/measures-lifted\"",
                    "本部门待确认解除的联合奖惩措施 2 条，其中已超期 1 条");
            assertThat(line(page, "nothing-waiting")).as("something waits: no empty-state text").isEmpty();
            assertThat(count(dashboard(court), "waiting-lifts")).as("another department confirms none of them")
                    .isEqualTo(courtBefore);
        } finally {
            jdbc.sql("DELETE FROM measures.check_lifted WHERE department_code = ?").param(department).update();
            jdbc.sql("DELETE FROM measures.check_made WHERE department_code = ?").param(department).update();
        }
    }

    /** Issue #5, RULES.md §10: a score model version waits for a second person, never for whoever proposed it. */
    @Test
    void aScoreModelApproverSeesAnotherPersonsProposalButNotTheirOwn() throws Exception {
        UsernamePasswordAuthenticationToken approver = Principals.staff("k6-model-approver", "CREDIT_OFFICE",
                Permission.CONSOLE_HOME, Permission.SCORING_EDIT, Permission.SCORING_APPROVE);
        long before = count(dashboard(approver), "waiting-score-models");
        String code = ScoreModel.fiveLabels().code();
        int other = as("k6-model-maker", () -> scoring.propose(ScoreModel.fiveLabels()));
        int own = 0;
        try {
            String page = dashboard(approver);
            assertThat(count(page, "waiting-score-models")).as("another person's version waits for this approver")
                    .isEqualTo(before + 1);
            assertThat(line(page, "waiting-score-models")).contains("href=\"/console/scoring#models\"",
                    "待审核启用的信用评分模型版本");
            assertThat(line(dashboard(approver, "en"), "waiting-score-models"))
                    .contains("credit score model versions to approve");

            own = as(approver, () -> scoring.propose(ScoreModel.fiveLabels()));
            assertThat(count(dashboard(approver), "waiting-score-models"))
                    .as("their own version waits for someone else, not for them").isEqualTo(before + 1);
            assertThat(count(dashboard(Principals.staff("k6-model-clerk", "CREDIT_OFFICE", Permission.CONSOLE_HOME,
                    Permission.SCORING_EDIT)), "waiting-score-models")).as("only for the approvers").isZero();
        } finally {
            for (int version : new int[] {other, own}) {
                if (version > 0) {
                    as("k6-model-checker", () -> {
                        scoring.reject(code, version, "工作台测试，不予启用");
                        return null;
                    });
                }
            }
        }
    }

    /** Issue #5: a national list file waits for a second person's approval, never its uploader's. */
    @Test
    void aListFileApproverSeesAnotherPersonsUploadButNotTheirOwn() throws Exception {
        UsernamePasswordAuthenticationToken approver = Principals.staff("k6-file-approver", "CREDIT_OFFICE",
                Permission.CONSOLE_HOME, Permission.EXCHANGE_MANAGE, Permission.EXCHANGE_APPROVE);
        long before = count(dashboard(approver), "waiting-list-files");
        ListLoad other = as("k6-file-maker", () -> exchange.uploadCourtDefaulters("sxbzxr.csv", courtFile()));
        ListLoad own = null;
        try {
            String page = dashboard(approver);
            assertThat(count(page, "waiting-list-files")).isEqualTo(before + 1);
            assertThat(line(page, "waiting-list-files")).contains("href=\"/console/exchange#list-loads\"",
                    "待审核导入的全国名单文件");
            own = as(approver, () -> exchange.uploadCourtDefaulters("sxbzxr.csv", courtFile()));
            assertThat(count(dashboard(approver), "waiting-list-files"))
                    .as("their own upload waits for someone else").isEqualTo(before + 1);
        } finally {
            for (ListLoad load : new ListLoad[] {other, own}) {
                if (load != null) {
                    as("k6-file-checker", () -> {
                        exchange.rejectLoad(load.id(), "工作台测试，不予导入");
                        return null;
                    });
                }
            }
        }
    }

    /**
     * One rule for every line (finding K6): a queue that holds nothing shows no line, the credit office's objections
     * and repairs as much as the newer queues, so that what shows is what waits; and when nothing waits at all, 待我处理
     * says so in words, in either language.
     */
    @Test
    void aQueueThatHoldsNothingShowsNoLine() throws Exception {
        UsernamePasswordAuthenticationToken office = Principals.staff("k6-office-handler", "CREDIT_OFFICE",
                Permission.CONSOLE_HOME, Permission.OBJECTION_HANDLE, Permission.REPAIR_DECIDE);
        String page = dashboard(office);
        assertThat(line(page, "objection-workload").isEmpty()).as("the objections line shows only when some are open")
                .isEqualTo(objections.workload().open() == 0);
        assertThat(line(page, "repair-workload").isEmpty()).as("the repairs line shows only when some are open")
                .isEqualTo(repairs.workload().open() == 0);

        String department = "K6NONE" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        String idle = dashboard(Principals.staff("k6-idle", department, Permission.CONSOLE_HOME,
                Permission.OBJECTION_ANSWER, Permission.MEASURE_LIFTED));
        assertThat(idle).doesNotContain("id=\"waiting-answers\"", "id=\"waiting-corrections\"",
                "id=\"waiting-lifts\"", "data-field=\"waiting\"");
        assertThat(line(idle, "nothing-waiting")).contains("empty-state", "目前没有待您处理的事项。");
        assertThat(idle).contains("待我处理");
        assertThat(line(dashboard(Principals.staff("k6-idle", department, Permission.CONSOLE_HOME,
                Permission.OBJECTION_ANSWER, Permission.MEASURE_LIFTED), "en"), "nothing-waiting"))
                .contains("Nothing is waiting for you.");
    }

    /** A check of {@code department} whose measures were lifted at {@code at} and not yet confirmed. */
    private void lifted(String department, java.time.Instant at) {
        UUID check = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO measures.check_made (id, at, client_id, department_code, subject_pseudonym,
                               scenario, purpose, entries, measure_codes, owed_codes, feedback_due)
                        VALUES (?, ?, 'k6-test', ?, NULL, 'TRAVEL', '测试', 1, '{NO_FLIGHTS_TRAINS}',
                                '{NO_FLIGHTS_TRAINS}', true)""")
                .params(check, Timestamp.from(at.minus(Duration.ofDays(30))), department).update();
        jdbc.sql("""
                        INSERT INTO measures.check_lifted (check_id, department_code, measure_codes, ended_on,
                               lifted_at)
                        VALUES (?, ?, '{NO_FLIGHTS_TRAINS}', ?, ?)""")
                .params(check, department, LocalDate.ofInstant(at, clock.getZone()), Timestamp.from(at)).update();
    }

    /** A one-row court defaulters file (docs/exchange-format.md), of a company not on the registry. */
    private static byte[] courtFile() {
        return ("姓名,身份证号码,执行法院,案号,生效法律文书确定的义务,失信被执行人行为具体情形,发布日期\n"
                + "工作台测试商贸有限公司," + cn.chengxin.support.TestCreditCodes.next() + ",驿城区人民法院,(2026)豫1702执"
                + System.nanoTime() % 100000 + "号,给付,拒不履行,2026-11-01\n").getBytes(StandardCharsets.UTF_8);
    }

    private UUID subject(String name) {
        TestCitizens.Person person = TestCitizens.register(subjects, name);
        return subjects.find(subjects.validate(null, person.number())).orElseThrow();
    }

    private String dashboard(UsernamePasswordAuthenticationToken who) throws Exception {
        return dashboard(who, "zh-CN");
    }

    private String dashboard(UsernamePasswordAuthenticationToken who, String lang) throws Exception {
        return mvc.perform(get("/console").param("lang", lang).with(authentication(who)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** The dashboard's line {@code id}, from its opening tag to its end; empty when not shown. */
    private static String line(String page, String id) {
        int at = page.indexOf("id=\"" + id + "\"");
        return at < 0 ? "" : page.substring(page.lastIndexOf('<', at), page.indexOf("</p>", at));
    }

    /** The first number the line's link says (its count); 0 when the line is not shown. */
    private static long count(String page, String id) {
        String line = line(page, id);
        if (line.isEmpty()) {
            return 0;
        }
        Matcher m = Pattern.compile("<a [^>]*>[^<0-9]*([0-9,]+)").matcher(line);
        assertThat(m.find()).as(line).isTrue();
        return Long.parseLong(m.group(1).replace(",", ""));
    }
}
