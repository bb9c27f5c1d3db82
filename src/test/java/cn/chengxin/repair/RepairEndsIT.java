package cn.chengxin.repair;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.chengxin.account.ApiClients;
import cn.chengxin.account.Notices;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.commitment.Commitments;
import cn.chengxin.commitment.domain.CommitmentStatus;
import cn.chengxin.creditfile.CreditFile;
import cn.chengxin.creditfile.FileEntry;
import cn.chengxin.creditfile.RecordStatus;
import cn.chengxin.objection.Objections;
import cn.chengxin.objection.domain.Outcome;
import cn.chengxin.repair.domain.RepairStatus;
import cn.chengxin.shared.CodedProblem;
import cn.chengxin.shared.calendar.WorkingDays;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Principals;
import cn.chengxin.support.TestCitizens;
import cn.chengxin.support.TestRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static cn.chengxin.support.AsStaff.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * G8 and G11 on PostgreSQL: an open repair application follows its record — revoked or replaced, it ends (已终结) with
 * a notice, its commitment lapsed, and is neither decided nor overdue; in dispute, its deadline stands still and runs
 * again, moved, when the dispute ends. The applicant may withdraw an open application. The commitment of an approved
 * repair runs to the record's original last day of display and is kept after it, no longer open to a breach.
 */
@IntegrationTest
class RepairEndsIT {

    private static final byte[] PDF = "%PDF-1.4\n% 缴款凭证（测试）\n".getBytes(StandardCharsets.UTF_8);

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
    Repairs repairs;

    @Autowired
    Objections objections;

    @Autowired
    Commitments commitments;

    @Autowired
    Notices notices;

    @Autowired
    RepairFigures figures;

    @Autowired
    WorkingDays workingDays;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void revokingTheRecordOfAnOpenApplicationEndsItAndThePersonIsTold() throws Exception {
        Person p = person("终撤销");
        UUID id = repairs.apply(p.id(), p.record(), "已缴纳罚款", "终撤销", List.of(proof()), null);
        UUID commitment = repairs.find(id).commitmentId();

        deliver(p, "2", "REVOKE");

        assertThat(creditFile.fileOf(p.id()).get(0).status()).isEqualTo(RecordStatus.REVOKED);
        RepairApplication ended = repairs.find(id);
        assertThat(ended.status()).isEqualTo(RepairStatus.ENDED);
        assertThat(ended.reasons()).contains("已撤销", "无需修复");
        assertThat(ended.overdue(LocalDate.now(clock).plusYears(1))).isFalse();
        assertThat(notices.of(p.id())).filteredOn(n -> n.kind().equals("REPAIR_ENDED")).singleElement()
                .satisfies(n -> assertThat(n.body()).contains(p.decision(), "已撤销", "不是不予修复的决定"));
        assertThat(commitments.find(commitment).status()).isEqualTo(CommitmentStatus.LAPSED);
        assertThat(details("repair.end", p.id())).containsExactly(
                "reason=REPAIR_ENDED; concerning=P_ADMIN_PENALTY_GENERAL; status=#file.status.REVOKED");
        // Not a decision on its merits: the department's figures count it neither decided nor overdue.
        assertThat(figures.between(LocalDate.now(clock), LocalDate.now(clock)))
                .filteredOn(d -> d.departmentCode().equals("MARKET"))
                .allSatisfy(d -> assertThat(d.decided()).isEqualTo(jdbc.sql("""
                        SELECT count(*) FROM repair.application WHERE department_code = 'MARKET'
                        AND status IN ('APPROVED', 'REFUSED') AND decided_at >= ?""")
                        .param(java.sql.Timestamp.from(LocalDate.now(clock).atStartOfDay(clock.getZone()).toInstant()))
                        .query(Long.class).single()));
        String page = page(p.id());
        assertThat(page).contains("已终结").doesNotContain("/me/repairs/" + id + "/withdraw");
    }

    @Test
    void aRecordReplacedByANewVersionEndsTheApplication() throws Exception {
        Person p = person("终变更");
        UUID id = repairs.apply(p.id(), p.record(), "已缴纳罚款", "终变更", List.of(proof()), null);

        deliver(p, "2", "UPDATE");

        assertThat(creditFile.fileOf(p.id()).get(0).status()).isEqualTo(RecordStatus.ACTIVE);
        assertThat(repairs.find(id).status()).isEqualTo(RepairStatus.ENDED);
        assertThat(repairs.find(id).reasons()).contains("已变更", "重新申请");
        assertThat(details("repair.end", p.id())).containsExactly(
                "reason=REPAIR_ENDED_CHANGED; concerning=P_ADMIN_PENALTY_GENERAL; status=#file.status.ACTIVE");
        // The version now shown may be applied for afresh.
        UUID again = repairs.apply(p.id(), p.record(), "已缴纳罚款", "终变更", List.of(proof()), null);
        assertThat(repairs.find(again).status()).isEqualTo(RepairStatus.APPLIED);
    }

    @Test
    void theApplicantWithdrawsAnOpenApplicationAndItsCommitmentLapses() throws Exception {
        Person p = person("撤申请");
        UUID id = repairs.apply(p.id(), p.record(), "已缴纳罚款", "撤申请", List.of(proof()), null);
        var citizen = authentication(Principals.citizen(subjects, p.id()));
        assertThat(page(p.id())).contains("/me/repairs/" + id + "/withdraw");

        mvc.perform(post("/me/repairs/{id}/withdraw", id).with(citizen)).andExpect(status().isForbidden());
        assertThat(repairs.find(id).status()).isEqualTo(RepairStatus.APPLIED);

        Person other = person("他人撤");
        mvc.perform(post("/me/repairs/{id}/withdraw", id).with(csrf())
                        .with(authentication(Principals.citizen(subjects, other.id()))))
                .andExpect(flash().attribute("failureCode", "REPAIR_UNKNOWN"));
        assertThat(repairs.find(id).status()).isEqualTo(RepairStatus.APPLIED);

        mvc.perform(post("/me/repairs/{id}/withdraw", id).with(csrf()).with(citizen))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("successKey", "me.repair.withdrawn"));
        RepairApplication withdrawn = repairs.find(id);
        assertThat(withdrawn.status()).isEqualTo(RepairStatus.WITHDRAWN);
        assertThat(commitments.find(withdrawn.commitmentId()).status()).isEqualTo(CommitmentStatus.LAPSED);
        assertThat(details("repair.withdraw", p.id()))
                .containsExactly("reason=REPAIR_WITHDRAWN; concerning=P_ADMIN_PENALTY_GENERAL");
        assertThat(page(p.id())).contains("已撤回");

        mvc.perform(post("/me/repairs/{id}/withdraw", id).with(csrf()).with(citizen))
                .andExpect(flash().attribute("failureCode", "REPAIR_NOT_OPEN"));
        // Nothing is left open on the record: it may be applied for again.
        assertThat(repairs.apply(p.id(), p.record(), "已缴纳罚款", "撤申请", List.of(proof()), null)).isNotNull();
    }

    @Test
    void aRecordPutInDisputePausesTheDeadlineWhichRunsAgainMovedWhenTheDisputeEnds() throws Exception {
        Person p = person("停期限");
        UUID id = repairs.apply(p.id(), p.record(), "已缴纳罚款", "停期限", List.of(proof()), null);
        LocalDate today = LocalDate.now(clock);
        LocalDate due = repairs.find(id).feedbackDue();

        UUID objection = objections.file(p.id(), p.record(), "处罚金额有误", "本人");

        RepairApplication paused = repairs.find(id);
        assertThat(paused.status()).isEqualTo(RepairStatus.APPLIED);
        assertThat(paused.pausedSince()).isEqualTo(today);
        assertThat(details("repair.pause", p.id()))
                .containsExactly("reason=REPAIR_PAUSED; concerning=P_ADMIN_PENALTY_GENERAL; from=" + today);
        // Paused before its deadline, it is not overdue however long the dispute lasts.
        assertThat(paused.overdue(due.plusMonths(2))).isFalse();
        assertThat(page(p.id())).contains("异议处理中，办理期限自 " + today + " 起中止计算");

        // Say the dispute began three weeks ago: its working days are added to the deadline once it ends.
        LocalDate since = today.minusWeeks(3);
        jdbc.sql("UPDATE repair.application SET paused_since = ? WHERE id = ?").params(since, id).update();
        as("office-pause", () -> {
            objections.decide(objection, objections.find(objection).version(), Outcome.UPHOLD, "经核实，记录无误");
            return null;
        });

        RepairApplication resumed = repairs.find(id);
        assertThat(creditFile.fileOf(p.id()).get(0).status()).isEqualTo(RecordStatus.ACTIVE);
        assertThat(resumed.status()).isEqualTo(RepairStatus.APPLIED);
        assertThat(resumed.pausedSince()).isNull();
        var calendar = workingDays.calendar();
        assertThat(resumed.feedbackDue()).isEqualTo(calendar.plusWorkingDays(due,
                calendar.workingDaysBetween(since, today))).isAfter(due);
        assertThat(details("repair.resume", p.id())).containsExactly(
                "reason=REPAIR_RESUMED; concerning=P_ADMIN_PENALTY_GENERAL; due=" + resumed.feedbackDue());
    }

    /**
     * G11: the commitment signed with an approved repair runs to the repaired record's original last day of display;
     * settled the day after, it is kept and can no longer be reported breached.
     */
    @Test
    void anApprovedRepairsCommitmentRunsToTheRecordsLastDayAndIsKeptAfterIt() throws Exception {
        Person p = person("守承诺");
        FileEntry record = creditFile.fileOf(p.id()).get(0);
        assertThat(record.publicationEnd()).isNotNull();
        UUID id = repairs.apply(p.id(), p.record(), "已缴纳罚款", "守承诺", List.of(proof()), null);
        as("reviewer-term-1", () -> {
            repairs.propose(id, repairs.find(id).version(), "材料齐全");
            return null;
        });
        as("reviewer-term-2", () -> {
            repairs.approve(id, repairs.find(id).version());
            return null;
        });
        UUID commitment = repairs.find(id).commitmentId();
        assertThat(commitments.find(commitment).due()).isEqualTo(record.publicationEnd());
        assertThat(commitments.find(commitment).status()).isEqualTo(CommitmentStatus.IN_FORCE);
        assertThat(audited("commitment.term", p.id())).isEqualTo(1);

        commitments.settleDue(record.publicationEnd().plusDays(1));

        assertThat(commitments.find(commitment).status()).isIn(CommitmentStatus.KEPT, CommitmentStatus.KEPT_RECORD_OWED);
        CodedProblem refused = catchThrowableOfType(CodedProblem.class, () -> as("office-term",
                () -> commitments.reportBreach(commitment, "CREDIT_OFFICE", "信用办违诺〔2026〕77号",
                        LocalDate.now(clock), "未按承诺缴清罚款")));
        assertThat(refused).isNotNull();
        assertThat(refused.code()).isEqualTo("COMMITMENT_NOT_IN_FORCE");
    }

    private long audited(String action, UUID subjectId) {
        return jdbc.sql("SELECT count(*) FROM audit.event WHERE action = ? AND subject_pseudonym = ?")
                .params(action, subjects.pseudonymOf(subjectId).orElseThrow()).query(Long.class).single();
    }

    /** The details of the subject's events of {@code action}, oldest first: reason codes and values (K7). */
    private List<String> details(String action, UUID subjectId) {
        return jdbc.sql("SELECT detail FROM audit.event WHERE action = ? AND subject_pseudonym = ? ORDER BY seq")
                .params(action, subjects.pseudonymOf(subjectId).orElseThrow()).query(String.class).list();
    }

    private String page(UUID subjectId) throws Exception {
        return mvc.perform(get("/me/repairs").with(authentication(Principals.citizen(subjects, subjectId))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static Repairs.Upload proof() {
        return new Repairs.Upload("PROOF", "缴款凭证.pdf", PDF);
    }

    record Person(UUID id, UUID record, String number, String name, String source, String decision) {
    }

    /** A person with a general penalty decided four months ago (repairable), delivered by the market regulator. */
    private Person person(String name) throws Exception {
        TestCitizens.Person p = TestCitizens.register(subjects, name);
        String source = "R-" + UUID.randomUUID();
        String decision = "驻市监罚〔2026〕" + (System.nanoTime() % 100_000) + "号";
        Person person = new Person(null, null, p.number(), name, source, decision);
        deliver(person, "1", "ADD");
        UUID id = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, p.number())).orElseThrow();
        return new Person(id, creditFile.fileOf(id).get(0).recordKey(), p.number(), name, source, decision);
    }

    private void deliver(Person p, String version, String action) throws Exception {
        TestRecords.deliver(mvc, apiClients, directory, new TestRecords.Penalty(p.number(), p.name(),
                "P_ADMIN_PENALTY_GENERAL", p.source(), version, action, p.decision(),
                "UPDATE".equals(action) ? "无照经营（更正金额）" : "无照经营"), LocalDate.now(clock).minusMonths(4));
    }
}
