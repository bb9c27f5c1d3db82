package cn.chengxin.commitment;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import cn.chengxin.account.ApiClient;
import cn.chengxin.account.ApiClients;
import cn.chengxin.account.Department;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.account.StaffPrincipal;
import cn.chengxin.commitment.domain.CommitmentKind;
import cn.chengxin.commitment.domain.CommitmentStatus;
import cn.chengxin.creditfile.CreditFile;
import cn.chengxin.creditfile.FileEntry;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.NewOrganisation;
import cn.chengxin.subject.NewPerson;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.support.ClearIdentityNumbers;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.TestCitizens;
import cn.chengxin.support.TestCreditCodes;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue #8's commitments on PostgreSQL: a department records a commitment signed at its window; only that department
 * reports its breach, once, and the breach becomes a 违背信用承诺信息 record through collection; a commitment whose due
 * date passed without a breach is kept and recorded.
 */
@IntegrationTest
class CommitmentsIT {

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
    Commitments commitments;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aBreachReportedByTheDepartmentBecomesANegativeRecordOnce() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "苗春生");
        String hrss = client("HRSS");
        String market = client("MARKET");
        String body = record(hrss, "{\"subjectNumber\":\"" + person.number() + "\",\"kind\":\"APPROVAL_SUBSTITUTE\","
                + "\"text\":\"本人承诺所提交的职业资格证书真实有效，如有虚假愿承担法律责任。\",\"reference\":\"人社许可〔2026〕88号\","
                + "\"due\":\"" + LocalDate.now().plusMonths(6) + "\"}").andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        UUID id = UUID.fromString(JsonPath.read(body, "$.id"));
        Commitment signed = commitments.find(id);
        assertThat(signed.departmentCode()).isEqualTo("HRSS");
        assertThat(commitments.intact(signed)).isTrue();

        breach(market, id).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("COMMITMENT_UNKNOWN"));
        breach(hrss, id).andExpect(status().isOk()).andExpect(jsonPath("$.accepted").value(1));
        breach(hrss, id).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("COMMITMENT_NOT_IN_FORCE"));

        UUID subject = signed.subjectId();
        assertThat(commitments.find(id).status()).isEqualTo(CommitmentStatus.BREACHED);
        assertThat(creditFile.fileOf(subject)).singleElement().satisfies(e -> {
            assertThat(e.itemCode()).isEqualTo("P_COMMITMENT_BREACH");
            assertThat(e.departmentCode()).isEqualTo("HRSS");
            assertThat(e.content().get("facts")).isEqualTo("经核查，所提交的证书系伪造");
        });
        assertThat(ClearIdentityNumbers.inDatabase(jdbc)).isEmpty();

        // Bad input: unknown kind, unknown subject.
        record(hrss, "{\"subjectNumber\":\"" + person.number() + "\",\"kind\":\"NOPE\",\"text\":\"x\"}")
                .andExpect(status().isBadRequest());
        record(hrss, "{\"subjectNumber\":\"" + TestCitizens.withCheckCharacter("41170219700101999")
                + "\",\"kind\":\"TOLERANCE\",\"text\":\"补交材料\"}").andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("COMMITMENT_SUBJECT_UNKNOWN"));
    }

    /**
     * A repair commitment is given to the credit office (signed with no department): another department that may
     * supply breaches is refused and no negative record is made in its name; the credit office reports it.
     */
    @Test
    void onlyTheCreditOfficeReportsTheBreachOfARepairCommitment() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "贺立群");
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        Commitment repair = cn.chengxin.support.AsStaff.as("counter-c", () -> commitments.sign(subject,
                CommitmentKind.REPAIR, "本人承诺已纠正失信行为，所交材料真实。", "信用修复申请 测试", null, null, "本人"));

        breach(client("HRSS"), repair.id()).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("COMMITMENT_UNKNOWN"));
        assertThat(commitments.find(repair.id()).status()).isEqualTo(CommitmentStatus.IN_FORCE);
        assertThat(creditFile.fileOf(subject)).isEmpty();

        breach(client("CREDIT_OFFICE"), repair.id()).andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(1));
        assertThat(creditFile.fileOf(subject)).singleElement()
                .satisfies(e -> assertThat(e.departmentCode()).isEqualTo("CREDIT_OFFICE"));
    }

    /**
     * A repair commitment, signed with no department, is the credit office's: its console lists it beside its own
     * window's commitments, and the breach is reported there; another department's console does not list it.
     */
    @Test
    void theCreditOfficesConsoleListsRepairCommitmentsAndReportsTheirBreach() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "邵景行");
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        Commitment repair = cn.chengxin.support.AsStaff.as("counter-c", () -> commitments.sign(subject,
                CommitmentKind.REPAIR, "本人承诺按期缴清罚款。", "信用修复申请 邵景行", null, null, "本人"));
        var office = authentication(operator("CREDIT_OFFICE"));

        assertThat(page(get("/console/commitments").with(office)))
                .contains("data-commitment=\"" + repair.id() + "\"", "信用修复申请 邵景行");
        assertThat(page(get("/console/commitments").with(authentication(operator("HRSS")))))
                .doesNotContain(repair.id().toString());
        mvc.perform(post("/console/commitments/{id}/breach", repair.id()).with(office).with(csrf())
                        .param("decisionNumber", "信用办违诺〔2026〕2号")
                        .param("decisionDate", LocalDate.now().minusDays(1).toString())
                        .param("facts", "承诺期满仍未缴清罚款"))
                .andExpect(flash().attribute("successKey", "commitments.breached"));
        assertThat(commitments.find(repair.id()).status()).isEqualTo(CommitmentStatus.BREACHED);
        assertThat(creditFile.fileOf(subject)).singleElement()
                .satisfies(e -> assertThat(e.departmentCode()).isEqualTo("CREDIT_OFFICE"));
    }

    /**
     * A department that may not supply 信用承诺信息 or 违背信用承诺信息 (the public security bureau) cannot record a
     * commitment: collection would refuse its breach or kept record once the subject relied on it.
     */
    @Test
    void aDepartmentThatCannotSupplyCommitmentRecordsCannotRecordACommitment() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "韦思远");
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();

        record(client("PUBLIC_SECURITY"), "{\"subjectNumber\":\"" + person.number() + "\",\"kind\":\"TOLERANCE\","
                + "\"text\":\"本人承诺在 30 日内补交户籍证明。\",\"due\":\"" + LocalDate.now().plusDays(30) + "\"}")
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("COMMITMENT_OUTSIDE_REMIT"));
        assertThat(commitments.of(subject)).isEmpty();
    }

    /**
     * The commitment items are a person's: an organisation named by its credit code cannot be given a commitment whose
     * breach or kept record collection would refuse (SUBJECT_TYPE_MISMATCH) every night once due.
     */
    @Test
    void aCommitmentIsRefusedForASubjectTheCommitmentItemsDoNotTake() throws Exception {
        String code = TestCreditCodes.next();
        UUID organisation = subjects.registerOrganisation(new NewOrganisation(subjects.validate(null, code),
                "驻马店市守信建材有限公司", LocalDate.of(2016, 5, 1), List.of(), false));

        record(client("HRSS"), "{\"subjectNumber\":\"" + code + "\",\"kind\":\"TOLERANCE\","
                + "\"text\":\"本单位承诺在 30 日内补交营业执照副本。\",\"due\":\"" + LocalDate.now().plusDays(30) + "\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("COMMITMENT_SUBJECT_TYPE"));
        assertThat(commitments.of(organisation)).isEmpty();
    }

    @Test
    void aCommitmentKeptToItsDueDateIsRecordedAsKept() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "井秀兰");
        String body = record(client("HRSS"), "{\"subjectNumber\":\"" + person.number() + "\",\"kind\":\"TOLERANCE\","
                + "\"text\":\"本人承诺在 30 日内补交学历证明。\",\"due\":\"" + LocalDate.now().plusDays(30) + "\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        UUID id = UUID.fromString(JsonPath.read(body, "$.id"));

        assertThat(commitments.settleDue(LocalDate.now())).isZero();
        // Thirty days pass (the due date moves back instead of the clock forward: collection checks dates with it).
        jdbc.sql("UPDATE commitment.commitment SET due = ? WHERE id = ?").params(LocalDate.now().minusDays(1), id)
                .update();
        assertThat(commitments.settleDue(LocalDate.now())).isPositive();
        Commitment kept = commitments.find(id);
        assertThat(kept.status()).isEqualTo(CommitmentStatus.KEPT);
        FileEntry record = creditFile.fileOf(kept.subjectId()).get(0);
        assertThat(record.itemCode()).isEqualTo("P_COMMITMENT");
        assertThat(record.content().get("kind")).isEqualTo("容缺受理型");
    }

    /**
     * Gaps review xlii W7: a run records every kept commitment owed, a page at a time, not the first page only (it took
     * 1,000 a night: 30,000 due on one day were recorded over a month). Three are due, the run reads one a page.
     */
    @Test
    void aRunRecordsEveryKeptCommitmentOwedPageAfterPage() throws Exception {
        List<UUID> ids = new java.util.ArrayList<>();
        for (String name : List.of("翁守一", "翁守二", "翁守三")) {
            TestCitizens.Person person = TestCitizens.register(subjects, name);
            String body = record(client("HRSS"), "{\"subjectNumber\":\"" + person.number()
                    + "\",\"kind\":\"TOLERANCE\",\"text\":\"本人承诺在 30 日内补交学历证明。\",\"due\":\""
                    + LocalDate.now().plusDays(30) + "\"}")
                    .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
            ids.add(UUID.fromString(JsonPath.read(body, "$.id")));
        }
        jdbc.sql("UPDATE commitment.commitment SET due = ? WHERE id = ANY (?)")
                .params(LocalDate.now().minusDays(1), ids.toArray(UUID[]::new)).update();

        assertThat(commitments.settleDue(LocalDate.now(), 1)).isGreaterThanOrEqualTo(3);
        for (UUID id : ids) {
            Commitment kept = commitments.find(id);
            assertThat(kept.status()).as("recorded in the same run").isEqualTo(CommitmentStatus.KEPT);
            assertThat(creditFile.fileOf(kept.subjectId())).singleElement()
                    .satisfies(r -> assertThat(r.itemCode()).isEqualTo("P_COMMITMENT"));
        }
    }

    /**
     * Kept, a commitment owes its 信用承诺信息 record until collection takes it, but a refusal ends the owing: given,
     * before departments were checked, to one collection does not take the item from, it is kept with no record, the
     * refusal audited with its code, and a later run submits it no more — even once the department may supply it.
     */
    @Test
    void aKeptCommitmentWhoseRecordIsRefusedIsKeptWithNoRecordAndNotSubmittedAgain() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "龙晓岚");
        String body = record(client("HRSS"), "{\"subjectNumber\":\"" + person.number() + "\",\"kind\":\"TOLERANCE\","
                + "\"text\":\"本人承诺在 10 日内补交婚姻状况证明。\",\"due\":\"" + LocalDate.now().plusDays(10) + "\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        UUID id = UUID.fromString(JsonPath.read(body, "$.id"));
        jdbc.sql("UPDATE commitment.commitment SET due = ?, department_code = 'PUBLIC_SECURITY' WHERE id = ?")
                .params(LocalDate.now().minusDays(1), id).update();

        assertThat(commitments.settleDue(LocalDate.now())).isPositive();
        Commitment kept = commitments.find(id);
        assertThat(kept.status()).isEqualTo(CommitmentStatus.KEPT);
        assertThat(creditFile.fileOf(kept.subjectId())).isEmpty();
        assertThat(jdbc.sql("SELECT detail FROM audit.event WHERE action = 'commitment.kept.refused' "
                        + "AND subject_pseudonym = ? AND result = 'DENIED'")
                .param(subjects.pseudonymOf(kept.subjectId()).orElseThrow()).query(String.class).list())
                .singleElement().asString().startsWith("reason=COMMITMENT_RECORD_REFUSED; kind=#commitments.kind.")
                .endsWith("; problem=ITEM_OUTSIDE_REMIT");

        jdbc.sql("UPDATE commitment.commitment SET department_code = 'HRSS' WHERE id = ?").param(id).update();
        commitments.settleDue(LocalDate.now().plusDays(1));
        assertThat(commitments.find(id).status()).isEqualTo(CommitmentStatus.KEPT);
        assertThat(creditFile.fileOf(kept.subjectId())).isEmpty();
    }

    /**
     * A kept commitment whose record collection refused owes nothing more, but it does not look recorded: the
     * department's console and the citizen's page say that its record was refused and why, and the console lists it
     * among the commitments whose record was refused, for the department to correct and submit by hand.
     */
    @Test
    void aKeptCommitmentWhoseRecordIsRefusedShowsTheRefusalAndIsListedForItsDepartment() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "闻雁秋");
        String body = record(client("HRSS"), "{\"subjectNumber\":\"" + person.number() + "\",\"kind\":\"TOLERANCE\","
                + "\"reference\":\"补交户籍证明\",\"text\":\"本人承诺在 10 日内补交户籍证明。\",\"due\":\""
                + LocalDate.now().plusDays(10) + "\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        UUID id = UUID.fromString(JsonPath.read(body, "$.id"));
        jdbc.sql("UPDATE commitment.commitment SET due = ?, department_code = 'PUBLIC_SECURITY' WHERE id = ?")
                .params(LocalDate.now().minusDays(1), id).update();
        var police = authentication(operator("PUBLIC_SECURITY"));
        assertThat(page(get("/console/commitments").with(police))).doesNotContain("id=\"record-refused\"");

        commitments.settleDue(LocalDate.now());
        Commitment kept = commitments.find(id);
        assertThat(kept.status()).isEqualTo(CommitmentStatus.KEPT);
        assertThat(kept.recordRefused()).isEqualTo("ITEM_OUTSIDE_REMIT");
        String refusal = "已履约（信用记录未被归集：该事项不在本部门的报送职责范围内";
        String console = page(get("/console/commitments").with(police));
        assertThat(console).contains("记录被拒的承诺");
        assertThat(console.substring(console.indexOf("id=\"record-refused\""), console.indexOf("id=\"commitments\"")))
                .contains("data-commitment=\"" + id + "\"", "补交户籍证明", refusal);
        assertThat(console.substring(console.indexOf("id=\"commitments\""))).contains(refusal);
        assertThat(commitments.recordRefused("PUBLIC_SECURITY")).extracting(Commitment::id).contains(id);
        assertThat(commitments.recordRefused("HRSS")).extracting(Commitment::id).doesNotContain(id);

        var citizen = authentication(cn.chengxin.support.Principals.citizen(subjects, kept.subjectId()));
        assertThat(page(get("/me/commitments").with(citizen))).contains("<span>" + refusal);
        assertThat(page(get("/me/commitments").param("lang", "en").with(citizen)))
                .contains("<span>Kept (its credit record was refused by collection: The item is outside");
    }

    /**
     * Issue #8: the console lists a commitment's 事项, free text its department typed or sent, with any identity number
     * in it masked (RULES.md §10: masked on every screen), in both of its tables and on the commitment's own page; and
     * the table of commitments whose record was refused names the subject masked, as the list does, so that the
     * department knows whose record to submit again. The number here is mistyped (a wrong check character): still
     * personal data, masked by its shape. Given to FINANCE, whose remit takes no commitment record, so that the
     * refused table of the departments other tests look at stays theirs.
     */
    @Test
    void theConsoleMasksNumbersInTheReferenceAndNamesTheSubjectOfARefusedRecordMasked() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "江晚晴");
        String body = record(client("HRSS"), "{\"subjectNumber\":\"" + person.number() + "\",\"kind\":\"TOLERANCE\","
                + "\"text\":\"本人承诺在 10 日内补交户籍证明。\",\"due\":\"" + LocalDate.now().plusDays(10) + "\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        UUID id = UUID.fromString(JsonPath.read(body, "$.id"));
        String typed = TestCitizens.withWrongCheckCharacter(person.number());
        String masked = typed.substring(0, 4) + "**********" + typed.substring(14);
        jdbc.sql("UPDATE commitment.commitment SET due = ?, department_code = 'FINANCE', reference = ? "
                + "WHERE id = ?").params(LocalDate.now().minusDays(1), "补交户籍证明（" + typed + "）", id).update();
        commitments.settleDue(LocalDate.now());
        assertThat(commitments.find(id).recordRefused()).isNotNull();

        var finance = authentication(operator("FINANCE"));
        String console = page(get("/console/commitments").with(finance));
        assertThat(console).doesNotContain(typed);
        String refused = console.substring(console.indexOf("id=\"record-refused\""), console.indexOf("id=\"commitments\""));
        assertThat(refused).contains("补交户籍证明（" + masked + "）", "江*晴 · ", "承诺人");
        assertThat(console.substring(console.indexOf("id=\"commitments\""))).contains("补交户籍证明（" + masked + "）");
        assertThat(page(get("/console/commitments/{id}", id).with(finance))).doesNotContain(typed)
                .contains("补交户籍证明（" + masked + "）");
    }

    /**
     * A reported breach owes its 违背信用承诺信息 record until collection takes it: left owed with no record (as a crash
     * between the mark and the submission leaves it), it is neither kept nor reported again, and the next run submits
     * it, once.
     */
    @Test
    void aBreachWhoseRecordIsOwedIsSubmittedByTheNextRun() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "顾南屏");
        String hrss = client("HRSS");
        String body = record(hrss, "{\"subjectNumber\":\"" + person.number() + "\",\"kind\":\"TOLERANCE\","
                + "\"text\":\"本人承诺在 20 日内补交体检报告。\",\"due\":\"" + LocalDate.now().plusDays(20) + "\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        UUID id = UUID.fromString(JsonPath.read(body, "$.id"));
        owe(id, LocalDate.now().minusDays(2));
        jdbc.sql("UPDATE commitment.commitment SET due = ? WHERE id = ?").params(LocalDate.now().minusDays(1), id)
                .update();

        breach(hrss, id).andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("COMMITMENT_NOT_IN_FORCE"));
        Commitment owed = commitments.find(id);
        assertThat(owed.status()).isEqualTo(CommitmentStatus.BREACHED_RECORD_OWED);
        assertThat(creditFile.fileOf(owed.subjectId())).isEmpty();

        commitments.settleDue(LocalDate.now());
        commitments.settleDue(LocalDate.now().plusDays(1));
        assertThat(commitments.find(id).status()).isEqualTo(CommitmentStatus.BREACHED);
        assertThat(creditFile.fileOf(owed.subjectId())).singleElement().satisfies(e -> {
            assertThat(e.itemCode()).isEqualTo("P_COMMITMENT_BREACH");
            assertThat(e.departmentCode()).isEqualTo("HRSS");
            assertThat(e.content().get("facts")).isEqualTo("逾期未补交体检报告");
        });
    }

    /**
     * A breach collection refuses when reported is taken back (the caller is answered with the refusal's code); the
     * department then reports it again, corrected, in a batch of its own.
     */
    @Test
    void aRefusedBreachIsTakenBackAndCanBeReportedAgain() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "廖青禾");
        String hrss = client("HRSS");
        String body = record(hrss, "{\"subjectNumber\":\"" + person.number() + "\",\"kind\":\"TOLERANCE\","
                + "\"text\":\"本人承诺在 20 日内补交无犯罪记录证明。\",\"due\":\"" + LocalDate.now().plusDays(20)
                + "\"}").andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        UUID id = UUID.fromString(JsonPath.read(body, "$.id"));
        UUID subject = commitments.find(id).subjectId();

        breach(hrss, id, LocalDate.now().plusDays(3)).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("DECISION_DATE_FUTURE"));
        assertThat(commitments.find(id).status()).isEqualTo(CommitmentStatus.IN_FORCE);
        assertThat(creditFile.fileOf(subject)).isEmpty();

        String pseudonym = subjects.pseudonymOf(subject).orElseThrow();
        assertThat(refusals(pseudonym)).singleElement().asString().contains("DECISION_DATE_FUTURE");

        breach(hrss, id, LocalDate.now().minusDays(1)).andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(1));
        assertThat(commitments.find(id).status()).isEqualTo(CommitmentStatus.BREACHED);
        assertThat(creditFile.fileOf(subject)).singleElement()
                .satisfies(e -> assertThat(e.itemCode()).isEqualTo("P_COMMITMENT_BREACH"));
        assertThat(events("commitment.breach", pseudonym)).containsExactly("DENIED", "SUCCESS");
    }

    /**
     * A breach whose owed record a run refuses stands: the department was answered that it need not report it again.
     * The commitment is breached with no record, the refusal audited with its code, and it is never kept once due —
     * not even were its status in force again — so the subject who broke it gets no positive record.
     */
    @Test
    void aBreachWhoseOwedRecordIsRefusedAtNightStandsAndIsNeverKept() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "祁远舟");
        String hrss = client("HRSS");
        String body = record(hrss, "{\"subjectNumber\":\"" + person.number() + "\",\"kind\":\"TOLERANCE\","
                + "\"text\":\"本人承诺在 20 日内补交体检报告。\",\"due\":\"" + LocalDate.now().plusDays(20) + "\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        UUID id = UUID.fromString(JsonPath.read(body, "$.id"));
        UUID subject = commitments.find(id).subjectId();
        owe(id, LocalDate.now().plusDays(3));
        jdbc.sql("UPDATE commitment.commitment SET due = ? WHERE id = ?").params(LocalDate.now().minusDays(1), id)
                .update();

        commitments.settleDue(LocalDate.now());
        commitments.settleDue(LocalDate.now().plusDays(1));
        assertThat(commitments.find(id).status()).isEqualTo(CommitmentStatus.BREACHED);
        assertThat(creditFile.fileOf(subject)).isEmpty();
        assertThat(jdbc.sql("SELECT detail FROM audit.event WHERE action = 'commitment.breach.refused' "
                        + "AND subject_pseudonym = ? AND result = 'DENIED'")
                .param(subjects.pseudonymOf(subject).orElseThrow()).query(String.class).list())
                .singleElement().asString().contains("DECISION_DATE_FUTURE");
        assertThat(commitments.find(id).recordRefused()).isEqualTo("DECISION_DATE_FUTURE");
        breach(hrss, id).andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("COMMITMENT_NOT_IN_FORCE"));

        jdbc.sql("UPDATE commitment.commitment SET status = 'IN_FORCE' WHERE id = ?").param(id).update();
        commitments.settleDue(LocalDate.now().plusDays(2));
        assertThat(commitments.find(id).status()).isEqualTo(CommitmentStatus.IN_FORCE);
        assertThat(creditFile.fileOf(subject)).isEmpty();
    }

    /**
     * A breach taken by collection is marked breached with its audit event or not at all: an audit log that refuses
     * the event leaves the breach owed (202 COMMITMENT_BREACH_OWED, as its record is in the file), and the next run
     * marks it, audited once.
     */
    @Test
    void aBreachWhoseAuditEventCannotBeStoredStaysOwedAndIsMarkedByTheNextRun() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "庞慕白");
        String hrss = client("HRSS");
        UUID id = recorded(hrss, "{\"subjectNumber\":\"" + person.number() + "\",\"kind\":\"TOLERANCE\","
                + "\"text\":\"本人承诺在 20 日内补交学位证明。\",\"due\":\"" + LocalDate.now().plusDays(20) + "\"}");
        UUID subject = commitments.find(id).subjectId();
        String pseudonym = subjects.pseudonymOf(subject).orElseThrow();

        // Gaps review xxxvii R9: registered, the rest left to the platform, so not a 503 that a retry policy repeats
        // into a 409: 202 Accepted, "do not send it again".
        refuseAuditEvents("commitment.breach", pseudonym, () -> breach(hrss, id)
                .andExpect(status().isAccepted())
                .andExpect(header().doesNotExist("Retry-After"))
                .andExpect(jsonPath("$.commitmentId").value(id.toString()))
                .andExpect(jsonPath("$.status").value("BREACHED_RECORD_OWED"))
                .andExpect(jsonPath("$.code").value("COMMITMENT_BREACH_OWED"))
                .andExpect(jsonPath("$.retry").value("never")));
        assertThat(commitments.find(id).status()).isEqualTo(CommitmentStatus.BREACHED_RECORD_OWED);
        assertThat(events("commitment.breach", pseudonym)).isEmpty();
        assertThat(creditFile.fileOf(subject)).extracting(FileEntry::itemCode).containsExactly("P_COMMITMENT_BREACH");

        commitments.settleDue(LocalDate.now());
        assertThat(commitments.find(id).status()).isEqualTo(CommitmentStatus.BREACHED);
        assertThat(events("commitment.breach", pseudonym)).containsExactly("SUCCESS");
        assertThat(creditFile.fileOf(subject)).extracting(FileEntry::itemCode).containsExactly("P_COMMITMENT_BREACH");
    }

    /**
     * A kept commitment is marked kept with its audit event (commitment.kept) or not at all: refused by the audit log,
     * it still owes its record's mark, and the next run marks it, audited once.
     */
    @Test
    void aKeptCommitmentIsMarkedKeptOnlyWithItsAuditEvent() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "柏怀瑾");
        UUID id = recorded(client("HRSS"), "{\"subjectNumber\":\"" + person.number() + "\",\"kind\":\"TOLERANCE\","
                + "\"text\":\"本人承诺在 10 日内补交健康证明。\",\"due\":\"" + LocalDate.now().plusDays(10) + "\"}");
        jdbc.sql("UPDATE commitment.commitment SET due = ? WHERE id = ?").params(LocalDate.now().minusDays(1), id)
                .update();
        UUID subject = commitments.find(id).subjectId();
        String pseudonym = subjects.pseudonymOf(subject).orElseThrow();

        refuseAuditEvents("commitment.kept", pseudonym, () -> commitments.settleDue(LocalDate.now()));
        assertThat(commitments.find(id).status()).isEqualTo(CommitmentStatus.KEPT_RECORD_OWED);
        assertThat(events("commitment.kept", pseudonym)).isEmpty();

        commitments.settleDue(LocalDate.now().plusDays(1));
        assertThat(commitments.find(id).status()).isEqualTo(CommitmentStatus.KEPT);
        assertThat(events("commitment.kept", pseudonym)).containsExactly("SUCCESS");
        assertThat(creditFile.fileOf(subject)).extracting(FileEntry::itemCode).containsExactly("P_COMMITMENT");
    }

    /**
     * A refused report of a breach — by another department, on a commitment already kept — changes nothing and is
     * audited once, with its code.
     */
    @Test
    void aRefusedBreachReportChangesNothingAndIsAuditedOnce() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "费若溪");
        String hrss = client("HRSS");
        UUID id = recorded(hrss, "{\"subjectNumber\":\"" + person.number() + "\",\"kind\":\"TOLERANCE\","
                + "\"text\":\"本人承诺在 10 日内补交居住证明。\",\"due\":\"" + LocalDate.now().plusDays(10) + "\"}");
        UUID subject = commitments.find(id).subjectId();
        String pseudonym = subjects.pseudonymOf(subject).orElseThrow();

        breach(client("MARKET"), id).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("COMMITMENT_UNKNOWN"));
        Commitment untouched = commitments.find(id);
        assertThat(untouched.status()).isEqualTo(CommitmentStatus.IN_FORCE);
        assertThat(untouched.breachFacts()).isNull();
        assertThat(untouched.breachReportedAt()).isNull();
        assertThat(refusals(pseudonym)).singleElement().asString().contains("COMMITMENT_OTHER_DEPARTMENT");

        jdbc.sql("UPDATE commitment.commitment SET due = ? WHERE id = ?").params(LocalDate.now().minusDays(1), id)
                .update();
        commitments.settleDue(LocalDate.now());
        breach(hrss, id).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("COMMITMENT_NOT_IN_FORCE"));
        Commitment kept = commitments.find(id);
        assertThat(kept.status()).isEqualTo(CommitmentStatus.KEPT);
        assertThat(kept.breachFacts()).isNull();
        assertThat(kept.breachReportedAt()).isNull();
        assertThat(refusals(pseudonym)).hasSize(2).last().asString().contains("COMMITMENT_NOT_IN_FORCE");
        assertThat(events("commitment.breach", pseudonym)).containsExactly("DENIED", "DENIED");
        assertThat(creditFile.fileOf(subject)).extracting(FileEntry::itemCode).containsExactly("P_COMMITMENT");
    }

    /** The details of the refused reports of a breach about the subject, oldest first. */
    private List<String> refusals(String pseudonym) {
        return jdbc.sql("SELECT detail FROM audit.event WHERE action = 'commitment.breach' AND result = 'DENIED' "
                + "AND subject_pseudonym = ? ORDER BY seq").param(pseudonym).query(String.class).list();
    }

    /** The results of the events of this action about the subject, oldest first. */
    private List<String> events(String action, String pseudonym) {
        return jdbc.sql("SELECT result FROM audit.event WHERE action = ? AND subject_pseudonym = ? ORDER BY seq")
                .params(action, pseudonym).query(String.class).list();
    }

    /** Runs {@code action} while the audit log refuses the events of this action about the subject. */
    private void refuseAuditEvents(String action, String pseudonym, ThrowingRunnable during) throws Exception {
        jdbc.sql("ALTER TABLE audit.event ADD CONSTRAINT test_commitment_refused CHECK (action <> '" + action
                + "' OR subject_pseudonym IS DISTINCT FROM '" + pseudonym + "') NOT VALID").update();
        try {
            during.run();
        } finally {
            jdbc.sql("ALTER TABLE audit.event DROP CONSTRAINT test_commitment_refused").update();
        }
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** Leaves the commitment as a crash right after its breach was marked would: owed, with no record submitted. */
    private void owe(UUID id, LocalDate decisionDate) {
        jdbc.sql("""
                        UPDATE commitment.commitment
                        SET status = 'BREACHED_RECORD_OWED', breach_facts = '逾期未补交体检报告',
                            breach_decision_number = '人社违诺〔2026〕5号', breach_decision_date = ?,
                            breach_reported_by = '人社报送员', breach_reported_at = now()
                        WHERE id = ?""").params(decisionDate, id).update();
    }

    @Test
    void anOperatorRecordsACommitmentAndReportsItsBreachInTheConsole() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "卜少华");
        var operator = operator("HRSS");
        mvc.perform(post("/console/commitments").with(authentication(operator)).with(csrf())
                        .param("number", person.number()).param("kind", "VOLUNTARY").param("reference", "入职诚信承诺")
                        .param("text", "本人承诺履历真实。").param("due", LocalDate.now().plusYears(1).toString()))
                .andExpect(flash().attribute("successKey", "commitments.recorded"));
        Commitment c = commitments.recent("HRSS").get(0);
        assertThat(c.reference()).isEqualTo("入职诚信承诺");
        mvc.perform(get("/console/commitments").with(authentication(operator)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("入职诚信承诺")))
                .andExpect(content().string(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString(person.number()))));
        mvc.perform(post("/console/commitments/{id}/breach", c.id()).with(authentication(operator)).with(csrf())
                        .param("decisionNumber", "人社违诺〔2026〕9号")
                        .param("decisionDate", LocalDate.now().minusDays(2).toString())
                        .param("facts", "履历中工作经历系虚构"))
                .andExpect(flash().attribute("successKey", "commitments.breached"));
        assertThat(creditFile.fileOf(c.subjectId())).extracting(FileEntry::itemCode).containsExactly("P_COMMITMENT_BREACH");
    }

    /**
     * A commitment or a breach report the console refuses for what was typed comes back with the refusal and the text
     * typed, not redirected to an empty form (issue #8); the subject's number is not shown again.
     */
    @Test
    void aRefusedCommitmentOrBreachReportKeepsItsTypedText() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "蓝若溪");
        var operator = operator("HRSS");
        String text = "本人承诺如实申报从业经历，并于三十日内补交学历证明。";
        String page = mvc.perform(post("/console/commitments").with(authentication(operator)).with(csrf())
                        .param("documentType", "驾驶证").param("number", person.number()).param("kind", "TOLERANCE")
                        .param("reference", "招聘资格审查").param("text", text))
                .andExpect(status().isUnprocessableContent())
                .andExpect(model().attribute("failureCode", "DOCUMENT_TYPE_UNKNOWN"))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains(">" + text + "</textarea>", "value=\"招聘资格审查\"")
                .containsPattern("value=\"TOLERANCE\"\\s+selected").doesNotContain(person.number());

        mvc.perform(post("/console/commitments").with(authentication(operator)).with(csrf())
                        .param("number", person.number()).param("kind", "VOLUNTARY").param("text", "本人承诺履历真实。"))
                .andExpect(flash().attribute("successKey", "commitments.recorded"));
        Commitment c = commitments.recent("HRSS").get(0);
        String facts = "履历中工作经历系虚构，".repeat(200);
        String refused = mvc.perform(post("/console/commitments/{id}/breach", c.id()).with(authentication(operator))
                        .with(csrf()).param("decisionNumber", "人社违诺〔2026〕11号")
                        .param("decisionDate", LocalDate.now().minusDays(1).toString()).param("facts", facts))
                .andExpect(status().isUnprocessableContent())
                .andExpect(model().attribute("failureCode", "COMMITMENT_BREACH_FACTS"))
                .andReturn().getResponse().getContentAsString();
        assertThat(refused).contains(">" + facts + "</textarea>", "value=\"人社违诺〔2026〕11号\"");
        assertThat(commitments.find(c.id()).status()).isEqualTo(CommitmentStatus.IN_FORCE);
    }

    /**
     * The console's and the citizen's commitment pages name kinds and states in the reader's language (issues #5, #8);
     * in Chinese, the default, as before.
     */
    @Test
    void theCommitmentPagesNameKindsAndStatesInTheReadersLanguage() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "江映雪");
        var operator = authentication(operator("HRSS"));
        mvc.perform(post("/console/commitments").with(operator).with(csrf()).param("number", person.number())
                        .param("kind", "SELF_DISCIPLINE").param("text", "本人承诺遵守行业自律公约。"))
                .andExpect(flash().attribute("successKey", "commitments.recorded"));
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        var citizen = authentication(cn.chengxin.support.Principals.citizen(subjects, subject));

        assertThat(page(get("/console/commitments").param("lang", "en").with(operator)))
                .contains("<td>Industry self-discipline</td>", "<td>In force</td>", ">Voluntary</option>")
                .doesNotContain("<td>行业自律型</td>", "<td>履约中</td>", ">主动型</option>");
        assertThat(page(get("/console/commitments").with(operator)))
                .contains("<td>行业自律型</td>", "<td>履约中</td>", ">主动型</option>");
        assertThat(page(get("/me/commitments").param("lang", "en").with(citizen)))
                .contains("<td>Industry self-discipline</td>", "<span>In force</span>")
                .doesNotContain("行业自律型", "履约中");
        assertThat(page(get("/me/commitments").with(citizen))).contains("<td>行业自律型</td>", "<span>履约中</span>");
    }

    /**
     * The console lists the department's commitments with their subjects masked and no text; a commitment's text is
     * shown one at a time once the operator gives a purpose, the look audited with it (the subject sees it), and
     * only to the department it was given to.
     */
    @Test
    void theConsoleShowsACommitmentsTextOnlyForAPurposeAndAuditsTheLook() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "池映雪");
        String text = "本人池映雪承诺所填学历与工作经历真实。";
        UUID id = recorded(client("HRSS"), "{\"subjectNumber\":\"" + person.number() + "\",\"kind\":\"VOLUNTARY\","
                + "\"reference\":\"入职诚信承诺\",\"text\":\"" + text + "\"}");
        String pseudonym = subjects.pseudonymOf(commitments.find(id).subjectId()).orElseThrow();
        var hrss = authentication(operator("HRSS"));
        var market = authentication(operator("MARKET"));

        String list = page(get("/console/commitments").with(hrss));
        assertThat(list).contains("data-commitment=\"" + id + "\"", "池*雪 · 居民身份证",
                        "/console/commitments/" + id + "\"")
                .doesNotContain(text, "池映雪", person.number());
        String one = page(get("/console/commitments/{id}", id).with(hrss));
        assertThat(one).contains("池*雪", "入职诚信承诺", "id=\"look\"", "name=\"purpose\"")
                .doesNotContain(text, "池映雪", person.number());
        assertThat(events("commitment.view", pseudonym)).isEmpty();

        String shown = mvc.perform(post("/console/commitments/{id}/view", id).with(hrss).with(csrf())
                        .param("purpose", "DATA_QUALITY")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(shown).contains(text).doesNotContain(person.number());
        assertThat(jdbc.sql("SELECT purpose FROM audit.event WHERE action = 'commitment.view' "
                        + "AND subject_pseudonym = ? AND result = 'SUCCESS'").param(pseudonym).query(String.class).list())
                .containsExactly("数据质量核查");

        mvc.perform(get("/console/commitments/{id}", id).with(market))
                .andExpect(flash().attribute("failureCode", "COMMITMENT_OTHER_DEPARTMENT"));
        mvc.perform(post("/console/commitments/{id}/view", id).with(market).with(csrf())
                        .param("purpose", "DATA_QUALITY"))
                .andExpect(flash().attribute("failureCode", "COMMITMENT_OTHER_DEPARTMENT"));
        assertThat(events("commitment.view", pseudonym)).containsExactly("SUCCESS");
    }

    private String page(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /**
     * A passport holder's commitment is recorded by naming the document type, code or label, through the API and in
     * the console; an unknown type is refused with its code, and without a type the number is refused as before
     * (issue #8).
     */
    @Test
    void aPassportHoldersCommitmentIsRecordedByNamingTheDocumentType() throws Exception {
        String passport = "E" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        UUID holder = subjects.registerPerson(new NewPerson(subjects.validate(DocumentType.PASSPORT, passport), "史密斯",
                LocalDate.of(1982, 7, 7), null, List.of(), List.of(), false));
        String hrss = client("HRSS");
        String typed = "{\"subjectNumber\":\"" + passport + "\",\"documentType\":\"PASSPORT\",\"kind\":\"TOLERANCE\","
                + "\"text\":\"本人承诺在 30 日内补交护照公证译本。\"}";

        record(hrss, typed).andExpect(status().isCreated());
        record(hrss, typed.replace("\"PASSPORT\"", "\"护照\"")).andExpect(status().isCreated());
        record(hrss, typed.replace("\"PASSPORT\"", "\"驾驶证\"")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("DOCUMENT_TYPE_UNKNOWN"));
        record(hrss, typed.replace(",\"documentType\":\"PASSPORT\"", "")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("ID_FORMAT"));
        assertThat(commitments.of(holder)).hasSize(2);

        var operator = operator("HRSS");
        mvc.perform(get("/console/commitments").with(authentication(operator)))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"documentType\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("护照")));
        mvc.perform(recordInConsole(operator, passport, "PASSPORT"))
                .andExpect(flash().attribute("successKey", "commitments.recorded"));
        mvc.perform(recordInConsole(operator, passport, "驾驶证")).andExpect(status().isUnprocessableContent())
                .andExpect(model().attribute("failureCode", "DOCUMENT_TYPE_UNKNOWN"));
        mvc.perform(recordInConsole(operator, passport, "")).andExpect(status().isUnprocessableContent())
                .andExpect(model().attribute("failureCode", "ID_FORMAT"));
        assertThat(commitments.of(holder)).hasSize(3);
        assertThat(ClearIdentityNumbers.inDatabase(jdbc)).isEmpty();
    }

    /**
     * The records made from a passport holder's commitment name the document type with the number: its breach and,
     * kept, its 信用承诺信息 record reach the holder's own file (without the type, collection read the number as a
     * resident identity number and refused the row).
     */
    @Test
    void aPassportHoldersBreachAndKeptCommitmentReachTheHoldersFile() throws Exception {
        UUID holder = passportHolder("琼斯");
        String passport = subjects.revealNumber(holder).orElseThrow().number();
        String hrss = client("HRSS");
        UUID broken = recorded(hrss, "{\"subjectNumber\":\"" + passport + "\",\"documentType\":\"PASSPORT\","
                + "\"kind\":\"TOLERANCE\",\"text\":\"本人承诺在 30 日内补交护照公证译本。\",\"due\":\""
                + LocalDate.now().plusDays(30) + "\"}");
        UUID kept = recorded(hrss, "{\"subjectNumber\":\"" + passport + "\",\"documentType\":\"护照\","
                + "\"kind\":\"TOLERANCE\",\"text\":\"本人承诺在 10 日内补交签证复印件。\",\"due\":\""
                + LocalDate.now().plusDays(10) + "\"}");

        breach(hrss, broken).andExpect(status().isOk()).andExpect(jsonPath("$.accepted").value(1));
        assertThat(commitments.find(broken).status()).isEqualTo(CommitmentStatus.BREACHED);
        jdbc.sql("UPDATE commitment.commitment SET due = ? WHERE id = ?").params(LocalDate.now().minusDays(1), kept)
                .update();
        commitments.settleDue(LocalDate.now());
        assertThat(commitments.find(kept).status()).isEqualTo(CommitmentStatus.KEPT);
        assertThat(commitments.find(kept).recordRefused()).isNull();

        assertThat(creditFile.fileOf(holder)).extracting(FileEntry::itemCode)
                .containsExactlyInAnyOrder("P_COMMITMENT_BREACH", "P_COMMITMENT");
        assertThat(ClearIdentityNumbers.inDatabase(jdbc)).isEmpty();
    }

    private UUID passportHolder(String name) {
        String passport = "E" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        return subjects.registerPerson(new NewPerson(subjects.validate(DocumentType.PASSPORT, passport), name,
                LocalDate.of(1979, 3, 3), null, List.of(), List.of(), false));
    }

    private UUID recorded(String key, String json) throws Exception {
        String body = record(key, json).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString();
        return UUID.fromString(JsonPath.read(body, "$.id"));
    }

    private static org.springframework.test.web.servlet.RequestBuilder recordInConsole(
            UsernamePasswordAuthenticationToken operator, String number, String documentType) {
        return post("/console/commitments").with(authentication(operator)).with(csrf())
                .param("documentType", documentType).param("number", number).param("kind", "VOLUNTARY")
                .param("text", "本人承诺所填护照信息真实。");
    }

    private static UsernamePasswordAuthenticationToken operator(String department) {
        Set<Permission> permissions = Set.of(Permission.CONSOLE_HOME, Permission.RECORD_SUBMIT);
        List<SimpleGrantedAuthority> authorities = new java.util.ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("STAFF"));
        permissions.forEach(p -> authorities.add(new SimpleGrantedAuthority(p.code())));
        return UsernamePasswordAuthenticationToken.authenticated(new StaffPrincipal(UUID.randomUUID(),
                "hrss-operator", "人社报送员", UUID.randomUUID(), department, "市人力资源和社会保障局",
                Department.Kind.RESPONDING_UNIT, List.of(), permissions), null, authorities);
    }

    private ResultActions record(String key, String json) throws Exception {
        return mvc.perform(post("/api/v1/commitments").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private ResultActions breach(String key, UUID id) throws Exception {
        return breach(key, id, LocalDate.now().minusDays(1));
    }

    private ResultActions breach(String key, UUID id, LocalDate decisionDate) throws Exception {
        return mvc.perform(post("/api/v1/commitments/{id}/breach", id).header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON).content("{\"decisionNumber\":\"人社违诺〔2026〕3号\","
                        + "\"decisionDate\":\"" + decisionDate + "\",\"facts\":\"经核查，所提交的证书系伪造\"}"));
    }

    private String client(String department) {
        UUID id = directory.departments().stream().filter(d -> d.code().equals(department)).findFirst().orElseThrow()
                .id();
        return apiClients.issue(department + " 承诺", department, ApiClient.Kind.DEPARTMENT, id,
                Set.of(Permission.RECORD_SUBMIT), 600).key();
    }
}
