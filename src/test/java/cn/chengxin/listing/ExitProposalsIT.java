package cn.chengxin.listing;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.account.ApiClient;
import cn.chengxin.account.ApiClients;
import cn.chengxin.account.Department;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.listing.domain.ExitGround;
import cn.chengxin.listing.domain.SeriousGround;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.TestCitizens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static cn.chengxin.support.AsStaff.as;
import static cn.chengxin.support.ConsoleStaff.staff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * H1 (issue #5, RULES.md §7): an exit by hand is one reviewer's proposal and another's decision. While it waits the
 * entry stays in force and in checks; its proposer cannot decide it; approved, the entry ends with its exit notice;
 * rejected, it stays. An entry resting on a court's record is not taken off by hand at all.
 */
@IntegrationTest
class ExitProposalsIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    Listing listing;

    @Autowired
    cn.chengxin.account.ElectronicServiceAgreements agreements;

    @Autowired
    ExitProposals exits;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    StaffDirectory directory;

    @Autowired
    ApiClients apiClients;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    java.time.Clock clock;

    private String hrChecks;

    @BeforeEach
    void keys() {
        if (directory.departments().stream().noneMatch(d -> d.code().equals("HRSS"))) {
            directory.createDepartment("HRSS", "市人力资源和社会保障局", Department.Kind.DATA_PROVIDER, List.of());
        }
        hrChecks = key("HRSS", Permission.API_SUBJECT_CHECK);
    }

    @Test
    void oneReviewersExitLeavesTheEntryInForceUntilASecondReviewerApprovesIt() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "窦怀瑾");
        UUID entry = effectiveBlackEntry(person);
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> check(person.number())
                .andExpect(jsonPath("$.entries[*].listType", hasItem("BLACK"))));

        mvc.perform(post("/console/lists/{id}/exit", entry).param("ground", "BASIS_REVOKED")
                        .param("reference", "驻市监撤〔2026〕8号").param("reason", "所依据的处罚决定已被撤销")
                        .with(staff("exit-maker", "list:review")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("successKey", "lists.exitProposed"));

        assertThat(listing.entry(entry).orElseThrow().status()).as("in force while the proposal waits")
                .isEqualTo(EntryStatus.EFFECTIVE);
        assertThat(listing.noticesOfEntry(entry)).extracting(ListNotice::kind).doesNotContain(ListNotice.Kind.EXIT);
        check(person.number()).andExpect(jsonPath("$.entries[*].listType", hasItem("BLACK")));
        String makersPage = entryPage(entry, "exit-maker");
        assertThat(part(makersPage, "id=\"exit\"", "</section>")).contains("id=\"exit-proposal\"", "认定依据被撤销",
                "驻市监撤〔2026〕8号", "所依据的处罚决定已被撤销", "id=\"own-exit-proposal\"")
                .doesNotContain("id=\"approve-exit\"", "id=\"propose-exit\"");
        assertThat(part(entryPage(entry, "exit-checker"), "id=\"exit\"", "</section>"))
                .contains("id=\"approve-exit\"", "id=\"reject-exit\"", "exit-maker").doesNotContain("id=\"propose-exit\"");
        assertThat(waitingExits()).contains("/console/lists/" + entry + "\"", "认定依据被撤销");

        // The proposer may not decide it (双人复核), by the page or the service; a second proposal is refused too.
        String refused = mvc.perform(post("/console/lists/{id}/exit/approve", entry)
                        .with(staff("exit-maker", "list:review")).with(csrf()))
                .andExpect(status().isForbidden()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("LIST_SELF_REVIEW");
        assertThat(codeOf(() -> as("exit-maker", () -> {
            exits.reject(entry, "重新考虑");
            return null;
        }))).isEqualTo("LIST_SELF_REVIEW");
        assertThat(codeOf(() -> as("exit-other", () -> exits.propose(entry, ExitGround.OTHER, null, "再次提出"))))
                .isEqualTo("EXIT_PROPOSAL_PENDING");
        assertThat(listing.entry(entry).orElseThrow().status()).isEqualTo(EntryStatus.EFFECTIVE);

        mvc.perform(post("/console/lists/{id}/exit/approve", entry).param("note", "核实撤销决定")
                        .with(staff("exit-checker", "list:review")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("successKey", "lists.exited"));

        ListEntry ended = listing.entry(entry).orElseThrow();
        assertThat(ended.status()).isEqualTo(EntryStatus.EXITED);
        assertThat(ended.exitReason()).isEqualTo("认定依据被撤销（驻市监撤〔2026〕8号）：所依据的处罚决定已被撤销");
        assertThat(listing.noticesOfEntry(entry)).filteredOn(n -> n.kind() == ListNotice.Kind.EXIT).singleElement()
                .satisfies(n -> assertThat(n.body()).contains("认定依据被撤销"));
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> check(person.number())
                .andExpect(jsonPath("$.entries").isEmpty()));
        assertThat(exits.pending(entry)).isEmpty();
        assertThat(waitingExits()).doesNotContain("/console/lists/" + entry + "\"");
        assertThat(auditActions(person)).contains("listing.exit.propose", "listing.exit.approve", "listing.exit");
    }

    @Test
    void aRejectedExitLeavesTheEntryInForceAndTheProposalClosedWithItsReasons() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "窦清和");
        UUID entry = effectiveBlackEntry(person);
        as("exit-maker", () -> exits.propose(entry, ExitGround.REPAIRED, "XF-2026-001", "已完成信用修复"));

        assertThat(codeOf(() -> as("exit-checker", () -> {
            exits.reject(entry, " ");
            return null;
        }))).isEqualTo("REVIEW_NOTE_REQUIRED");
        mvc.perform(post("/console/lists/{id}/exit/reject", entry).param("note", "修复申请未经批准")
                        .with(staff("exit-checker", "list:review")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("successKey", "lists.exitRejected"));

        assertThat(listing.entry(entry).orElseThrow().status()).isEqualTo(EntryStatus.EFFECTIVE);
        assertThat(exits.pending(entry)).isEmpty();
        assertThat(exits.ofEntry(entry)).singleElement().satisfies(p -> {
            assertThat(p.status()).isEqualTo(ExitProposal.Status.REJECTED);
            assertThat(p.decidedBy()).isEqualTo("exit-checker");
            assertThat(p.note()).isEqualTo("修复申请未经批准");
        });
        assertThat(codeOf(() -> as("exit-checker", () -> {
            exits.approve(entry, "");
            return null;
        }))).as("nothing left to approve").isEqualTo("EXIT_NOT_PROPOSED");
        String page = part(entryPage(entry, "exit-checker"), "id=\"exit\"", "</section>");
        assertThat(page).contains("id=\"exit-history\"", "不同意移出", "修复申请未经批准", "id=\"propose-exit\"");
        assertThat(auditActions(person)).contains("listing.exit.propose", "listing.exit.reject")
                .doesNotContain("listing.exit");
    }

    @Test
    void anExitNeedsAGroundAndTheDocumentItRestsOn() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "窦明远");
        UUID entry = effectiveBlackEntry(person);

        assertThat(codeOf(() -> as("exit-maker", () -> exits.propose(entry, null, null, "依申请移出"))))
                .isEqualTo("EXIT_GROUND_REQUIRED");
        assertThat(codeOf(() -> as("exit-maker", () -> exits.propose(entry, ExitGround.OBJECTION_UPHELD, " ",
                "异议成立")))).isEqualTo("EXIT_REFERENCE_REQUIRED");
        assertThat(codeOf(() -> as("exit-maker", () -> exits.propose(entry, ExitGround.OTHER, null, ""))))
                .isEqualTo("EXIT_REASON_REQUIRED");
        String page = mvc.perform(post("/console/lists/{id}/exit", entry).param("ground", "ISSUER_REMOVED")
                        .param("reason", "作出机关已决定移出").with(staff("exit-maker", "list:review")).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("EXIT_REFERENCE_REQUIRED", "value=\"作出机关已决定移出\"");
        assertThat(exits.ofEntry(entry)).isEmpty();
    }

    /** An entry ended otherwise while a proposal waited (here an approved repair) leaves nothing to decide. */
    @Test
    void aProposalLapsesWhenTheEntryEndsOtherwise() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "窦安然");
        UUID entry = effectiveBlackEntry(person);
        as("exit-maker", () -> exits.propose(entry, ExitGround.OTHER, null, "当事人已迁出本市"));

        as("repair-office", () -> {
            listing.exit(entry, "信用修复");
            return null;
        });

        assertThat(exits.pending(entry)).isEmpty();
        assertThat(exits.ofEntry(entry)).singleElement().extracting(ExitProposal::status)
                .isEqualTo(ExitProposal.Status.LAPSED);
        assertThat(codeOf(() -> as("exit-checker", () -> {
            exits.approve(entry, "");
            return null;
        }))).isEqualTo("LIST_ALREADY_DECIDED");
    }

    /** RULES.md §7: the court removes its defaulters; the entry ends when it revokes its record, not by hand. */
    @Test
    void aCourtDefaultersEntryIsNotTakenOffByHand() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "窦守信");
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        courtDefaulter(person);
        ListEntry proposal = await().atMost(Duration.ofSeconds(10)).until(() -> listing.entriesOf(subject).stream()
                .filter(e -> "BLACK_COURT_DEFAULTER".equals(e.ruleCode())).findFirst().orElse(null), e -> e != null);
        as("exit-checker", () -> listing.approve(proposal.id(), "核实无误"));
        assertThat(listing.entry(proposal.id()).orElseThrow().status()).isEqualTo(EntryStatus.EFFECTIVE);

        String refused = mvc.perform(post("/console/lists/{id}/exit", proposal.id()).param("ground", "ISSUER_REMOVED")
                        .param("reference", "(2026)豫1702执88号之一").param("reason", "法院已决定删除失信信息")
                        .with(staff("exit-maker", "list:review")).with(csrf()))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("EXIT_BY_OTHER_AUTHORITY");
        assertThat(listing.entry(proposal.id()).orElseThrow().status()).isEqualTo(EntryStatus.EFFECTIVE);
        assertThat(exits.ofEntry(proposal.id())).isEmpty();
        assertThat(part(entryPage(proposal.id(), "exit-maker"), "id=\"exit\"", "</section>"))
                .contains("id=\"exit-by-other-authority\"", "人民法院").doesNotContain("id=\"propose-exit\"");
    }

    /**
     * L2 of gaps review xxx (驻政办〔2017〕102号 四(三)): a person told on day 0 pays on day 2 and files the proof in
     * 我的名单; a reviewer approves it, and the entry never takes effect: no measures, a withdrawn notice, not the
     * notice that measures stop.
     */
    @Test
    void proofOfCorrectionFiledInTheNoticePeriodAndApprovedMeansTheEntryNeverTakesEffect() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "窦履约");
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        UUID entry = servedBlackEntry(subject);
        var citizen = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .authentication(cn.chengxin.support.Principals.citizen(subjects, subject));
        assertThat(mvc.perform(get("/me/lists").with(citizen)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("id=\"proof-" + entry + "\"", "/me/lists/" + entry + "/proof",
                "提交履行证明").doesNotContain("data-field=\"proof-pending\"");

        // Refused without the proof's number: back to the form, what was typed kept.
        mvc.perform(post("/me/lists/{id}/proof", entry).with(citizen).with(csrf()).param("reasons", "已缴清税款"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("failureCode", "EXIT_REFERENCE_REQUIRED"))
                .andExpect(flash().attribute("proofReasons", "已缴清税款"));
        mvc.perform(post("/me/lists/{id}/proof", entry).with(citizen).with(csrf())
                        .param("reference", "豫税完证〔2026〕0123号").param("reasons", "已于告知后第2日缴清所欠税款及滞纳金"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("successKey", "me.lists.proofFiled"));
        assertThat(exits.pending(entry)).hasValueSatisfying(p -> {
            assertThat(p.ground()).isEqualTo(ExitGround.CORRECTED_IN_NOTICE);
            assertThat(p.bySubject()).isTrue();
        });
        assertThat(mvc.perform(get("/me/lists").with(citizen)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("data-field=\"proof-pending\"", "履行证明审核中")
                .doesNotContain("id=\"proof-" + entry + "\"");
        String reviewersPage = part(entryPage(entry, "exit-checker"), "id=\"exit\"", "</section>");
        assertThat(reviewersPage).contains("告知期内纠正失信行为", "豫税完证〔2026〕0123号", "本人（个人中心）",
                "id=\"approve-exit\"");

        // The period is over while the proof is reviewed: the entry waits.
        jdbc.sql("UPDATE listing.entry SET effective_from = now() - interval '1 hour' WHERE id = ?").param(entry)
                .update();
        listing.activateDue();
        assertThat(listing.entry(entry).orElseThrow().status()).isEqualTo(EntryStatus.NOTIFIED);

        mvc.perform(post("/console/lists/{id}/exit/approve", entry).param("note", "经核实已缴清")
                        .with(staff("exit-checker", "list:review")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("successKey", "lists.exited"));
        listing.activateDue();
        ListEntry ended = listing.entry(entry).orElseThrow();
        assertThat(ended.status()).isEqualTo(EntryStatus.EXITED);
        assertThat(ended.exitReason()).startsWith("告知期内纠正失信行为（豫税完证〔2026〕0123号）");
        assertThat(listing.noticesOfEntry(entry)).extracting(ListNotice::kind)
                .containsExactly(ListNotice.Kind.PRIOR, ListNotice.Kind.EXIT);
        assertThat(listing.noticesOfEntry(entry)).filteredOn(n -> n.kind() == ListNotice.Kind.EXIT).singleElement()
                .satisfies(n -> {
                    assertThat(n.title()).isEqualTo("终止列入严重失信主体名单告知书");
                    assertThat(n.body()).contains("该名单不会生效，相应惩戒措施不会执行", "告知期内纠正失信行为")
                            .doesNotContain("停止执行");
                });
        check(person.number()).andExpect(jsonPath("$.entries").isEmpty());
        assertThat(auditActions(person)).contains("listing.exit.propose", "listing.exit.approve", "listing.exit");
    }

    /**
     * L2: at the counter a reviewer files the proof on the same ground, which another reviewer decides; the ground
     * stops only an entry not yet in force, and another person's entry is unknown in self-service.
     */
    @Test
    void atTheCounterTheProofIsAnExitOnItsGroundOnlyForAnEntryInItsNoticePeriod() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "窦窗口");
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        UUID notified = servedBlackEntry(subject);
        UUID effective = effectiveBlackEntry(TestCitizens.register(subjects, "窦已生效"));

        assertThat(entryPage(notified, "exit-maker")).contains("value=\"CORRECTED_IN_NOTICE\"");
        assertThat(entryPage(effective, "exit-maker")).doesNotContain("value=\"CORRECTED_IN_NOTICE\"");
        assertThat(codeOf(() -> as("exit-maker", () -> exits.propose(effective, ExitGround.CORRECTED_IN_NOTICE,
                "缴款凭证 001", "已缴清")))).isEqualTo("EXIT_NOT_IN_NOTICE");
        mvc.perform(post("/me/lists/{id}/proof", effective).with(
                        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .authentication(cn.chengxin.support.Principals.citizen(subjects, subject)))
                        .with(csrf()).param("reference", "缴款凭证 002").param("reasons", "已缴清"))
                .andExpect(status().isNotFound());

        mvc.perform(post("/console/lists/{id}/exit", notified).param("ground", "CORRECTED_IN_NOTICE")
                        .param("reference", "缴款凭证 003").param("reason", "本人到窗口提交缴款凭证，已履行义务")
                        .with(staff("exit-maker", "list:review")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("successKey", "lists.exitProposed"));
        assertThat(codeOf(() -> as("exit-maker", () -> {
            exits.approve(notified, "");
            return null;
        }))).isEqualTo("LIST_SELF_REVIEW");
        as("exit-checker", () -> {
            exits.approve(notified, "核实无误");
            return null;
        });
        assertThat(listing.entry(notified).orElseThrow().status()).isEqualTo(EntryStatus.EXITED);
        assertThat(listing.noticesOfEntry(notified)).extracting(ListNotice::title).contains("终止列入严重失信主体名单告知书");
    }

    /** A black entry proposed by hand, its prior notice served today: in its notice period. */
    private UUID servedBlackEntry(UUID subject) throws Exception {
        UUID entry = as("exit-proposer", () -> listing.propose(subject, ListType.BLACK,
                SeriousGround.FAIR_COMPETITION_AND_SOCIAL_ORDER, "国办发〔2020〕49号", "欠缴税款，严重违法失信",
                LocalDate.now(clock).minusMonths(1), LocalDate.now(clock).plusYears(1)));
        assertThat(as("exit-approver", () -> listing.approve(entry, "核实无误"))).isEqualTo(EntryStatus.NOTIFIED);
        cn.chengxin.support.ElectronicServiceAgreed.agree(agreements, subjects, subject);
        as("exit-clerk", () -> listing.readInSelfService(subject));
        assertThat(listing.entry(entry).orElseThrow().effectiveFrom()).isNotNull();
        return entry;
    }

    /** A black entry proposed by hand (the platform's own), served its prior notice and in force. */
    private UUID effectiveBlackEntry(TestCitizens.Person person) throws Exception {
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        UUID entry = as("exit-proposer", () -> listing.propose(subject, ListType.BLACK,
                SeriousGround.FAIR_COMPETITION_AND_SOCIAL_ORDER, "国办发〔2020〕49号", "严重违法失信",
                LocalDate.now(clock).minusMonths(1), LocalDate.now(clock).plusYears(1)));
        as("exit-approver", () -> listing.approve(entry, "核实无误"));
        as("exit-clerk", () -> {
            listing.recordService(listing.noticesOfEntry(entry).stream().filter(n -> n.kind() == ListNotice.Kind.PRIOR)
                    .findFirst().orElseThrow().id(), NoticeDelivery.Channel.IN_PERSON, LocalDate.now(clock), "");
            return null;
        });
        jdbc.sql("UPDATE listing.entry SET effective_from = now() - interval '1 second' WHERE id = ?").param(entry)
                .update();
        listing.activateDue();
        assertThat(listing.entry(entry).orElseThrow().status()).isEqualTo(EntryStatus.EFFECTIVE);
        return entry;
    }

    private String entryPage(UUID entry, String reviewer) throws Exception {
        return mvc.perform(get("/console/lists/{id}", entry).with(staff(reviewer, "list:review")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** The reviewers' queue of exits waiting on 名单管理 (empty when none waits). */
    private String waitingExits() throws Exception {
        String page = mvc.perform(get("/console/lists").with(staff("exit-checker", "list:review")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return page.contains("id=\"waiting-exits\"") ? part(page, "id=\"waiting-exits\"", "</table>") : "";
    }

    private List<String> auditActions(TestCitizens.Person person) {
        return jdbc.sql("SELECT action FROM audit.event WHERE subject_pseudonym = ? ORDER BY seq")
                .param(subjects.pseudonymOf(subjects.validate(null, person.number()))).query(String.class).list();
    }

    private static String codeOf(org.assertj.core.api.ThrowableAssert.ThrowingCallable action) {
        Throwable refused = org.assertj.core.api.Assertions.catchThrowable(action);
        assertThat(refused).isInstanceOf(ListingProblem.class);
        return ((ListingProblem) refused).code();
    }

    private static String part(String page, String from, String to) {
        int start = page.indexOf(from);
        assertThat(start).as(from).isNotNegative();
        return page.substring(start, page.indexOf(to, start));
    }

    private org.springframework.test.web.servlet.ResultActions check(String number) throws Exception {
        return mvc.perform(post("/api/v1/checks").header("Authorization", "Bearer " + hrChecks)
                .contentType(MediaType.APPLICATION_JSON).content("{\"subjectNumber\":\"" + number
                        + "\",\"scenario\":\"HIRING\",\"purpose\":\"审批业务编号 2026-001\"}"));
    }

    private void courtDefaulter(TestCitizens.Person person) throws Exception {
        mvc.perform(post("/api/v1/submissions").header("Authorization", "Bearer " + key("COURT",
                                Permission.RECORD_SUBMIT))
                        .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"records\":[{\"itemCode\":\"P_COURT_DEFAULTER\",\"subjectNumber\":\""
                                + person.number() + "\",\"subjectName\":\"" + person.name() + "\",\"sourceRecordId\":\"SX-"
                                + UUID.randomUUID() + "\",\"version\":\"1\",\"action\":\"ADD\",\"decisionNumber\":"
                                + "\"(2026)豫1702执88号\",\"decisionDate\":\"" + LocalDate.now(clock).minusMonths(1)
                                + "\",\"fields\":{\"case_number\":\"(2026)豫1702执88号\",\"court\":\"驿城区人民法院\","
                                + "\"obligation\":\"给付货款\",\"performance\":\"全部未履行\",\"behaviour\":\"违反限制消费令\"}}]}"))
                .andExpect(jsonPath("$.accepted").value(1));
    }

    private String key(String department, Permission permission) {
        UUID departmentId = directory.departments().stream().filter(d -> d.code().equals(department)).findFirst()
                .orElseThrow().id();
        return apiClients.issue(department + " 系统", department, ApiClient.Kind.DEPARTMENT, departmentId,
                Set.of(permission), 6000).key();
    }
}
