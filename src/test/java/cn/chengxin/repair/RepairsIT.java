package cn.chengxin.repair;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import cn.chengxin.account.ApiClients;
import cn.chengxin.account.CitizenPrincipal;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.catalog.Catalogue;
import cn.chengxin.catalog.domain.ItemDefinition;
import cn.chengxin.commitment.Commitment;
import cn.chengxin.creditfile.CreditFile;
import cn.chengxin.creditfile.NewRecord;
import cn.chengxin.creditfile.RecordAction;
import cn.chengxin.creditfile.RecordStatus;
import cn.chengxin.listing.EntryStatus;
import cn.chengxin.listing.ListEntry;
import cn.chengxin.listing.Listing;
import cn.chengxin.repair.domain.RepairStatus;
import cn.chengxin.shared.CodedProblem;
import cn.chengxin.shared.calendar.WorkingDays;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.Masking;
import cn.chengxin.support.AuditLogPages;
import cn.chengxin.support.CatalogueVersions;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.OlderLinks;
import cn.chengxin.support.Principals;
import cn.chengxin.support.TestCitizens;
import cn.chengxin.support.TestImages;
import cn.chengxin.support.TestRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.test.web.servlet.MockMvc;

import static cn.chengxin.support.AsStaff.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue #8's credit repair on PostgreSQL: refused before the minimum period with the date it becomes possible, without
 * proof or signature, with an executable renamed .pdf; another person's record is unknown (404 on the page); two
 * reviewers are needed and neither may have filed it; two approvals at once end in one; approval repairs the record
 * and ends the list entry resting on it in the same transaction.
 */
@IntegrationTest
class RepairsIT {

    private static final byte[] PDF = "%PDF-1.4\n% 缴款凭证（测试）\n".getBytes(StandardCharsets.UTF_8);

    @Autowired
    MockMvc mvc;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    cn.chengxin.objection.Objections objections;

    @Autowired
    ApiClients apiClients;

    @Autowired
    StaffDirectory directory;

    @Autowired
    CreditFile creditFile;

    @Autowired
    Listing listing;

    @Autowired
    Repairs repairs;

    @Autowired
    Catalogue catalogue;

    @Autowired
    WorkingDays workingDays;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    cn.chengxin.account.Notices notices;

    @Autowired
    cn.chengxin.commitment.Commitments commitments;

    @Autowired
    org.springframework.context.ApplicationContext context;

    /** The platform's clock: its dates are Beijing dates, a day ahead of UTC from 16:00 UTC. */
    @Autowired
    java.time.Clock clock;

    @Test
    void aRepairBeforeTheMinimumPeriodIsRefusedWithTheDateItBecomesPossible() throws Exception {
        LocalDate decided = LocalDate.now().minusMonths(1);
        Person p = person("池美玲", "P_ADMIN_PENALTY_GENERAL", "驻市监罚〔2026〕701号", decided);
        CodedProblem early = catchThrowableOfType(CodedProblem.class, () -> repairs.apply(p.id(), p.record(),
                "已缴纳罚款", "池美玲", List.of(proof()), null));
        assertThat(early.code()).isEqualTo("REPAIR_TOO_EARLY");
        assertThat(early.getMessage()).contains(decided.plusMonths(3) + " 起可申请");
        assertThat(repairs.of(p.id())).isEmpty();
    }

    /**
     * Maker-checker (issue #4): a catalogue version being prepared does not count before a second person approves
     * it; a draft shortening the minimum period, under another name, changes nothing for the person.
     */
    @Test
    void aCatalogueVersionInPreparationDoesNotChangeWhenARecordMayBeRepaired() throws Exception {
        Person p = person("缪晓峰", "P_ADMIN_PENALTY_GENERAL", "驻市监罚〔2026〕707号", LocalDate.now().minusMonths(2));
        ItemDefinition general = catalogue.active("P_ADMIN_PENALTY_GENERAL").orElseThrow().definition();
        assertThat(general.publicationMinMonths()).isEqualTo(3);
        try {
            CatalogueVersions.draft(catalogue, CatalogueVersions.revised(general, "一般行政处罚（草稿）", 1,
                    general.usableForScoring()));
            CatalogueVersions.submit(catalogue, general.code());

            Repairs.Repairable repairable = repairs.repairable(p.id()).get(p.record());
            assertThat(repairable.periodServed(LocalDate.now(clock))).isFalse();
            assertThat(repairable.item().name()).isEqualTo(general.name());
            CodedProblem early = catchThrowableOfType(CodedProblem.class, () -> repairs.apply(p.id(), p.record(),
                    "已缴纳罚款", "缪晓峰", List.of(proof()), null));
            assertThat(early.code()).isEqualTo("REPAIR_TOO_EARLY");
        } finally {
            CatalogueVersions.restore(catalogue, general);
        }
    }

    /**
     * Issue #4: a record is repaired by the item version it was stored under. A later version shortening the minimum
     * period to one month leaves a record stored before it at its three months (and its holder is told then, not
     * after one month), while a record stored under the new version is repairable after one month.
     */
    @Test
    void aRecordIsRepairableByTheItemVersionItWasStoredUnder() throws Exception {
        String code = CatalogueVersions.newItemLike(catalogue, "P_ADMIN_PENALTY_GENERAL", "P_REPAIR_VER_", "按版本修复的行政处罚");
        assertThat(catalogue.active(code).orElseThrow().definition().publicationMinMonths()).isEqualTo(3);
        LocalDate today = LocalDate.now(clock);
        LocalDate decided = today.minusMonths(2);
        Person before = person("贺旧版", code, "驻市监罚〔2026〕741号", decided);

        ItemDefinition v1 = catalogue.active(code).orElseThrow().definition();
        CatalogueVersions.draft(catalogue, CatalogueVersions.revised(v1, v1.name(), 1, v1.usableForScoring()));
        CatalogueVersions.submit(catalogue, code);
        CatalogueVersions.approve(catalogue, code);
        Person after = person("贺新版", code, "驻市监罚〔2026〕742号", decided);

        Repairs.Repairable old = repairs.repairable(before.id()).get(before.record());
        assertThat(old.periodServed(today)).isFalse();
        assertThat(old.eligibility().from()).isEqualTo(decided.plusMonths(3));
        assertThat(old.item().publicationMinMonths()).isEqualTo(3);
        CodedProblem early = catchThrowableOfType(CodedProblem.class, () -> repairs.apply(before.id(),
                before.record(), "已缴纳罚款", "贺旧版", List.of(proof()), null));
        assertThat(early.code()).isEqualTo("REPAIR_TOO_EARLY");
        assertThat(repairs.repairable(after.id()).get(after.record()).periodServed(today)).isTrue();

        repairs.notifyEligible(decided.plusMonths(1));
        assertThat(kinds(before.id())).isEmpty();
        assertThat(kinds(after.id())).containsExactly("REPAIR_ELIGIBLE");
        repairs.notifyEligible(decided.plusMonths(3));
        assertThat(kinds(before.id())).containsExactly("REPAIR_ELIGIBLE");
        assertThat(kinds(after.id())).containsExactly("REPAIR_ELIGIBLE");
    }

    @Test
    void thePersonIsToldOnTheDayARecordBecomesRepairableAndWhenTheApplicationIsReceivedAndDecided()
            throws Exception {
        LocalDate today = LocalDate.now(clock);
        Person due = person("谭晓东", "P_ADMIN_PENALTY_GENERAL", "驻市监罚〔2026〕705号", today.minusMonths(3));
        Person notYet = person("费雨桐", "P_ADMIN_PENALTY_GENERAL", "驻市监罚〔2026〕706号",
                today.minusMonths(3).plusDays(1));
        assertThat(repairs.notifyEligible(today)).isPositive();
        assertThat(kinds(due.id())).containsExactly("REPAIR_ELIGIBLE");
        assertThat(kinds(notYet.id())).isEmpty();

        UUID id = repairs.apply(due.id(), due.record(), "已缴纳罚款", "谭晓东", List.of(proof()), null);
        assertThat(kinds(due.id())).containsExactlyInAnyOrder("REPAIR_ELIGIBLE", "REPAIR_RECEIVED");
        LocalDate firstDue = repairs.find(id).dueOn();
        as("clerk-n", () -> {
            repairs.extend(id, repairs.find(id).version(), 2, "待核实缴款凭证");
            return null;
        });
        // G10: the new deadline and its reason are told, not discovered when the first one passes.
        assertThat(notices.of(due.id())).filteredOn(n -> n.kind().equals("REPAIR_EXTENDED")).singleElement()
                .satisfies(n -> {
                    assertThat(n.title()).contains(repairs.find(id).dueOn().toString());
                    assertThat(n.body()).contains("驻市监罚〔2026〕705号", "延长 2 个工作日", "待核实缴款凭证");
                });
        assertThat(repairs.find(id).dueOn()).isAfter(firstDue);
        as("clerk-n", () -> {
            repairs.refuse(id, repairs.find(id).version(), "缴款凭证不清晰");
            return null;
        });
        // L3 of gaps-review-xxx: the refusal ends with 行政复议 and the lawsuit and their last days from today.
        String reconsideration = today.plusDays(60).toString();
        String lawsuit = today.plusMonths(6).toString();
        assertThat(notices.of(due.id())).filteredOn(n -> n.kind().equals("REPAIR_REFUSED")).singleElement()
                .satisfies(n -> {
                    assertThat(n.body()).contains("缴款凭证不清晰").doesNotContain(number(due.id()))
                            .endsWith("您可在补充材料后重新申请。对处理决定不服的，可于 " + reconsideration
                                    + " 前依法申请行政复议，或于 " + lawsuit + " 前依法提起行政诉讼。");
                    assertThat(cn.chengxin.support.NoticeBundles.inChinese("REPAIR_REFUSED", "body", n.args()))
                            .isEqualTo(n.body());
                    assertThat(context.getBean(cn.chengxin.account.NoticeWording.class)
                            .render(n, java.util.Locale.ENGLISH).body()).endsWith("You may apply again with further "
                            + "documents. Against the decision you may apply for administrative reconsideration by "
                            + reconsideration + " or bring an administrative lawsuit by " + lawsuit + ".");
                });
    }

    /**
     * G11, RULES.md §6 and §2: the commitment signed with a repair is one of its conditions. Refused, the repair never
     * happens: the commitment lapses (已失效, not 履约中 forever in 我的信用承诺), audited, and the credit office cannot
     * report it breached — no negative record comes of a promise made for a repair that never happened.
     */
    @Test
    void aRefusedRepairsCommitmentLapsesAndCannotBeBreached() throws Exception {
        Person p = person("祁守约", "P_ADMIN_PENALTY_GENERAL", "驻市监罚〔2026〕" + (System.nanoTime() % 100_000) + "号",
                LocalDate.now(clock).minusMonths(4));
        UUID id = repairs.apply(p.id(), p.record(), "已缴纳罚款", "祁守约", List.of(proof()), null);
        UUID commitment = repairs.find(id).commitmentId();
        assertThat(commitments.find(commitment).status())
                .isEqualTo(cn.chengxin.commitment.domain.CommitmentStatus.IN_FORCE);
        as("clerk-n", () -> {
            repairs.refuse(id, repairs.find(id).version(), "缴款凭证不清晰");
            return null;
        });

        assertThat(commitments.find(commitment).status())
                .isEqualTo(cn.chengxin.commitment.domain.CommitmentStatus.LAPSED);
        int records = creditFile.fileOf(p.id()).size();
        CodedProblem refused = catchThrowableOfType(CodedProblem.class, () -> as("office-d",
                () -> commitments.reportBreach(commitment, "CREDIT_OFFICE", "信用办违诺〔2026〕9号",
                        LocalDate.now(clock).minusDays(1), "未按承诺缴清罚款")));
        assertThat(refused).isNotNull();
        assertThat(refused.code()).isEqualTo("COMMITMENT_NOT_IN_FORCE");
        assertThat(commitments.find(commitment).status())
                .isEqualTo(cn.chengxin.commitment.domain.CommitmentStatus.LAPSED);
        assertThat(creditFile.fileOf(p.id())).hasSize(records);
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'commitment.lapse' AND "
                + "subject_pseudonym = ?").param(subjects.pseudonymOf(p.id()).orElseThrow()).query(Long.class)
                .single()).isEqualTo(1);
        String mine = mvc.perform(get("/me/commitments").with(authentication(Principals.citizen(subjects, p.id()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(mine).contains("已失效").doesNotContain("履约中");
    }

    /**
     * Decided on the last day of a 31-day month whose third month after has fewer days (31 Aug: 30 Nov), a record is
     * repairable from that shorter month's last day, and its holder is told on that day, not never.
     */
    @Test
    void aRecordDecidedOnAMonthsLastDayIsAnnouncedRepairableOnTheShorterMonthsLastDay() throws Exception {
        LocalDate decided = null;
        for (LocalDate month = LocalDate.now(clock).minusMonths(3).withDayOfMonth(1);
             decided == null; month = month.minusMonths(1)) {
            if (month.lengthOfMonth() == 31 && month.plusMonths(3).lengthOfMonth() < 31) {
                decided = month.withDayOfMonth(31);
            }
        }
        Person late = person("尹月末", "P_ADMIN_PENALTY_GENERAL", "驻市监罚〔2026〕731号", decided);
        LocalDate repairableFrom = decided.plusMonths(3);

        repairs.notifyEligible(repairableFrom.minusDays(1));
        assertThat(kinds(late.id())).isEmpty();
        repairs.notifyEligible(repairableFrom);
        assertThat(kinds(late.id())).containsExactly("REPAIR_ELIGIBLE");
    }

    /**
     * N5 of gaps-review-xxxiii: the 08:00 job fires on every instance; the day's people are told once, whichever runs
     * it first. The day after a day every instance missed (down at 08:00), the run tells the missed day's people too,
     * and a run after that tells nobody again. Days 200 days back: no other test's records become repairable on them.
     */
    @Test
    void theRepairableNoticesGoOutOnceADayAcrossInstancesAndAMissedDayIsCaughtUp() throws Exception {
        LocalDate missed = LocalDate.now(clock).minusDays(200);
        LocalDate next = missed.plusDays(1);
        Person ofMissed = person("毛漏日", "P_ADMIN_PENALTY_GENERAL", "驻市监罚〔2026〕795号", missed.minusMonths(3));
        Person ofNext = person("毛次日", "P_ADMIN_PENALTY_GENERAL", "驻市监罚〔2026〕796号", next.minusMonths(3));
        // The job last ran the day before: on the missed day no instance was up at 08:00.
        jdbc.sql("INSERT INTO shared.cluster_job (job, done_through) VALUES (?, ?) "
                        + "ON CONFLICT (job) DO UPDATE SET done_through = EXCLUDED.done_through")
                .params(RepairJobs.JOB, missed.minusDays(1)).update();
        cn.chengxin.shared.jdbc.ClusterJobs jobs = context.getBean(cn.chengxin.shared.jdbc.ClusterJobs.class);
        RepairJobs one = new RepairJobs(repairs, jobs, clock, "0 0 8 * * *");
        RepairJobs other = new RepairJobs(repairs, jobs, clock, "0 0 8 * * *");

        assertThat(one.eligible(next)).as("the missed day first").containsExactly(missed, next);
        assertThat(other.eligible(next)).as("the day is done").isEmpty();
        assertThat(one.eligible(next)).isEmpty();
        assertThat(kinds(ofMissed.id())).containsExactly("REPAIR_ELIGIBLE");
        assertThat(kinds(ofNext.id())).containsExactly("REPAIR_ELIGIBLE");
        assertThat(jobs.lastDay(RepairJobs.JOB)).hasValueSatisfying(d -> assertThat(d.doneThrough()).isEqualTo(next));
    }

    private List<String> kinds(UUID subjectId) {
        return notices.of(subjectId).stream().map(n -> n.kind()).toList();
    }

    @Test
    void badApplicationsAreRefusedAndStoreNothing() throws Exception {
        Person p = person("温振宇", "P_ADMIN_PENALTY_GENERAL", "驻市监罚〔2026〕702号", LocalDate.now().minusMonths(4));
        Person other = person("尤海燕", "P_ADMIN_PENALTY_GENERAL", "驻市监罚〔2026〕703号", LocalDate.now().minusMonths(4));

        byte[] exe = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0};
        assertThat(code(() -> repairs.apply(p.id(), p.record(), "已缴纳罚款", "温振宇",
                List.of(new Repairs.Upload("PROOF", "缴款凭证.pdf", exe)), null))).isEqualTo("EVIDENCE_TYPE");
        assertThat(code(() -> repairs.apply(p.id(), p.record(), "已缴纳罚款", "温振宇",
                List.of(new Repairs.Upload("PROOF", "big.pdf", new byte[5 * 1024 * 1024 + 1])), null)))
                .isEqualTo("EVIDENCE_TOO_LARGE");
        assertThat(code(() -> repairs.apply(p.id(), p.record(), "已缴纳罚款", "温振宇", List.of(), null)))
                .isEqualTo("REPAIR_PROOF_REQUIRED");
        assertThat(code(() -> repairs.apply(p.id(), p.record(), "已缴纳罚款", "别人", List.of(proof()), null)))
                .isEqualTo("REPAIR_COMMITMENT_UNSIGNED");
        assertThat(code(() -> repairs.apply(p.id(), other.record(), "已缴纳罚款", "温振宇", List.of(proof()), null)))
                .isEqualTo("REPAIR_RECORD_UNKNOWN");
        assertThat(repairs.of(p.id())).isEmpty();

        // Another person's record behind the page's address: 404, as for a record that does not exist.
        var citizen = UsernamePasswordAuthenticationToken.authenticated(new CitizenPrincipal(UUID.randomUUID(), p.id(),
                        subjects.pseudonymOf(p.id()).orElseThrow(), "温*宇"), null,
                List.of(new SimpleGrantedAuthority("CITIZEN"),
                        new SimpleGrantedAuthority(Permission.SELF_SERVICE.code())));
        mvc.perform(get("/me/repairs/apply/{id}", other.record()).with(authentication(citizen)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/me/repairs/notice/{id}", p.record()).with(authentication(citizen)))
                .andExpect(status().isOk());

        // Refused on the page, the form comes back with what was written in it (the files are chosen again), an
        // identity number typed into it masked as the stored text would be.
        var refused = mvc.perform(multipart("/me/repairs/apply/{id}", p.record())
                        .file(new MockMultipartFile("proof", "缴款凭证.pdf", "application/pdf", PDF))
                        .param("performance", "已于十月缴清罚款，身份证 " + number(p.id()) + " 的缴款凭证附后")
                        .param("signature", "温振语").param("otherKind", "DONATION")
                        .with(authentication(citizen)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        String again = mvc.perform(get(refused.getResponse().getRedirectedUrl()).with(authentication(citizen))
                        .with(cn.chengxin.support.Sessions.flashOf(refused)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(again).contains("REPAIR_COMMITMENT_UNSIGNED", "已于十月缴清罚款，身份证 ", " 的缴款凭证附后</textarea>",
                        "value=\"温振语\"", "<option value=\"DONATION\" selected=\"selected\"")
                .doesNotContain(number(p.id()));
        assertThat(repairs.of(p.id())).isEmpty();

        UUID id = repairs.apply(p.id(), p.record(), "已缴纳罚款并停止违法行为", "温振宇", List.of(proof()), null);
        assertThat(code(() -> repairs.apply(p.id(), p.record(), "再次申请", "温振宇", List.of(proof()), null)))
                .isEqualTo("REPAIR_ALREADY_APPLIED");
        RepairApplication applied = repairs.find(id);
        assertThat(applied.feedbackDue()).isEqualTo(workingDays.calendar().plusWorkingDays(LocalDate.now(clock), 10));
        Commitment signed = repairs.commitmentOf(applied);
        assertThat(signed.text()).contains("本人温振宇").contains("驻市监罚〔2026〕702号").doesNotContain(number(p.id()));
        assertThat(signed.signedBy()).isEqualTo("本人");
        assertThat(repairs.attachmentsOf(List.of(applied)).get(id)).singleElement()
                .satisfies(f -> assertThat(f.contentType()).isEqualTo("application/pdf"));
        assertThat(code(() -> as("clerk-r", () -> {
            repairs.refuse(id, applied.version(), " ");
            return null;
        }))).isEqualTo("REPAIR_REASONS_REQUIRED");
        as("clerk-r", () -> {
            repairs.refuse(id, applied.version(), "缴款凭证与决定书金额不符");
            return null;
        });
        assertThat(repairs.find(id).status()).isEqualTo(RepairStatus.REFUSED);
        assertThat(creditFile.fileOf(p.id()).get(0).status()).isEqualTo(RecordStatus.ACTIVE);
    }

    /**
     * Gaps review xxvii I6: the commitment is signed in the person's own name however it is written — here the
     * full-width space an input method gives between the parts of a Uyghur name the registry keeps with a plain one —
     * and refused in any other name.
     */
    @Test
    void theCommitmentIsSignedInTheRegistrysNameHoweverItIsWritten() throws Exception {
        Person p = person("热依拉 买买提", "P_ADMIN_PENALTY_GENERAL", "驻市监罚〔2026〕741号",
                LocalDate.now(clock).minusMonths(4));

        assertThat(code(() -> repairs.apply(p.id(), p.record(), "已缴纳罚款", "热依拉 买买", List.of(proof()), null)))
                .as("another name").isEqualTo("REPAIR_COMMITMENT_UNSIGNED");
        UUID id = repairs.apply(p.id(), p.record(), "已缴纳罚款", "热依拉\u3000买买提", List.of(proof()), null);

        assertThat(repairs.find(id).status()).isEqualTo(RepairStatus.APPLIED);
    }

    @Test
    void twoOtherReviewersApproveOnceAndTheRecordAndItsListEntryEndTogether() throws Exception {
        if (directory.departments().stream().noneMatch(d -> d.code().equals("MEDICAL_INSURANCE"))) {
            directory.createDepartment("MEDICAL_INSURANCE", "市医疗保障局", cn.chengxin.account.Department.Kind.DATA_PROVIDER,
                    List.of("P_MEDICAL_INSURANCE_FRAUD"));
        }
        // A serious record a year old (repairable) with a black-list entry valid for three years resting on it.
        Person p = person("葛建勋", "P_MEDICAL_INSURANCE_FRAUD", "驻医保罚〔2025〕704号", LocalDate.now().minusMonths(13),
                "MEDICAL_INSURANCE");
        ListEntry entry = await().atMost(Duration.ofSeconds(10)).until(() -> listing.entriesOf(p.id()).stream()
                .filter(e -> p.record().equals(e.recordKey())).findFirst().orElse(null), e -> e != null);
        assertThat(entry.status().open()).isTrue();

        // A serious penalty: its repair asks for the training certificate and a credit report too (RULES.md §6).
        UUID id = as("counter-r", () -> repairs.applyAtCounter(number(p.id()), null, "驻医保罚〔2025〕704号",
                "已履行处罚决定", "葛建勋", seriousMaterials()));
        RepairApplication applied = repairs.find(id);
        assertThat(applied.counterStaff()).isEqualTo("counter-r");
        assertThat(repairs.commitmentOf(applied).signedBy()).isEqualTo("窗口代办：counter-r");
        assertThat(code(() -> as("counter-r", () -> {
            repairs.propose(id, applied.version(), "材料齐全");
            return null;
        }))).isEqualTo("REPAIR_OWN_APPLICATION");
        assertThat(code(() -> as("reviewer-1", () -> {
            repairs.approve(id, applied.version());
            return null;
        }))).isEqualTo("REPAIR_ALREADY_DECIDED");
        as("reviewer-1", () -> {
            repairs.propose(id, applied.version(), "材料齐全");
            return null;
        });
        RepairApplication proposed = repairs.find(id);
        assertThat(proposed.status()).isEqualTo(RepairStatus.PROPOSED);
        assertThat(proposed.dueOn()).isEqualTo(workingDays.calendar().plusWorkingDays(LocalDate.now(clock), 3));
        assertThat(code(() -> as("reviewer-1", () -> {
            repairs.approve(id, proposed.version());
            return null;
        }))).isEqualTo("REPAIR_SAME_REVIEWER");
        assertThat(code(() -> as("counter-r", () -> {
            repairs.approve(id, proposed.version());
            return null;
        }))).isEqualTo("REPAIR_OWN_APPLICATION");

        // Two reviewers approve at once: exactly one approval.
        int version = proposed.version();
        CompletableFuture<Throwable> a = CompletableFuture.supplyAsync(() -> approve("reviewer-2", id, version));
        CompletableFuture<Throwable> b = CompletableFuture.supplyAsync(() -> approve("reviewer-3", id, version));
        List<Throwable> results = java.util.Arrays.asList(a.get(), b.get());
        assertThat(results).filteredOn(t -> t == null).hasSize(1);
        assertThat(results).filteredOn(t -> t != null).singleElement()
                .satisfies(t -> assertThat(((CodedProblem) t).code()).isEqualTo("REPAIR_ALREADY_DECIDED"));

        assertThat(repairs.find(id).status()).isEqualTo(RepairStatus.APPROVED);
        assertThat(creditFile.fileOf(p.id()).get(0).status()).isEqualTo(RecordStatus.REPAIRED);
        ListEntry ended = listing.entry(entry.id()).orElseThrow();
        assertThat(ended.status()).isEqualTo(EntryStatus.EXITED);
        assertThat(ended.exitReason()).isEqualTo("信用修复");
        assertThat(repairs.repairable(p.id())).isEmpty();

        // K7: the application's events record reason codes and values, named on 审计日志 in the reader's language.
        assertThat(jdbc.sql("SELECT action || ' ' || detail FROM audit.event WHERE subject_pseudonym = ? AND action IN "
                        + "('repair.apply', 'repair.propose', 'repair.approve') ORDER BY seq")
                .param(subjects.pseudonymOf(p.id()).orElseThrow()).query(String.class).list()).containsExactly(
                "repair.apply reason=REPAIR_APPLIED; item=P_MEDICAL_INSURANCE_FRAUD; decision=驻医保罚〔2025〕704号; "
                        + "materials=3",
                "repair.propose reason=REPAIR_PROPOSED; concerning=P_MEDICAL_INSURANCE_FRAUD",
                "repair.approve reason=REPAIR_APPROVED; item=P_MEDICAL_INSURANCE_FRAUD");
        assertThat(AuditLogPages.events(mvc, "repair.apply", "counter-r", false))
                .contains("P_MEDICAL_INSURANCE_FRAUD 驻医保罚〔2025〕704号；材料 3 份").doesNotContain("reason=REPAIR_APPLIED");
        assertThat(AuditLogPages.events(mvc, "repair.propose", "reviewer-1", true))
                .contains("P_MEDICAL_INSURANCE_FRAUD: passed first review, awaiting the decision")
                .doesNotContain("reason=REPAIR_PROPOSED");
    }

    /**
     * A counter application is one transaction with its commitment: filed twice for the same record, the second is
     * refused and leaves no signed 信用修复型 commitment behind it.
     */
    @Test
    void aSecondCounterApplicationForTheSameRecordLeavesNoCommitmentBehind() throws Exception {
        Person p = person("侯志远", "P_ADMIN_PENALTY_GENERAL", "驻市监罚〔2026〕741号", LocalDate.now().minusMonths(4));
        as("counter-t", () -> repairs.applyAtCounter(number(p.id()), null, "驻市监罚〔2026〕741号", "已缴纳罚款",
                "侯志远", List.of(proof())));

        assertThat(code(() -> as("counter-t", () -> repairs.applyAtCounter(number(p.id()), null,
                "驻市监罚〔2026〕741号", "已缴纳罚款", "侯志远", List.of(proof()))))).isEqualTo("REPAIR_ALREADY_APPLIED");
        assertThat(repairs.of(p.id())).hasSize(1);
        assertThat(commitments.of(p.id())).singleElement()
                .satisfies(c -> assertThat(c.id()).isEqualTo(repairs.of(p.id()).get(0).commitmentId()));
    }

    /**
     * Review X7: an application the old system received two working days before the cut-over, filed here at the
     * counter with that day and its old case number, is due 10 working days from that day (RULES.md §6), not from the
     * filing; the day and the number are kept with it, shown on its page (原系统案卷号) and audited. A day in the future,
     * one whose feedback deadline has passed, or a day without its number are refused, nothing filed.
     */
    @Test
    void anApplicationReceivedInTheOldSystemIsDueFromThatDay() throws Exception {
        String decision = "驻市监罚〔2026〕" + (System.nanoTime() % 100_000) + "号";
        Person p = person("甘旧收", "P_ADMIN_PENALTY_GENERAL", decision, LocalDate.now().minusMonths(4));
        var calendar = workingDays.calendar();
        LocalDate today = LocalDate.now(clock);
        LocalDate received = today;
        for (int back = 0; back < 2; ) {
            received = received.minusDays(1);
            if (calendar.isWorkingDay(received)) {
                back++;
            }
        }
        LocalDate twoWorkingDaysBack = received;
        for (LocalDate refused : List.of(today.plusDays(1), today.minusDays(30))) {
            assertThat(code(() -> as("counter-x7", () -> repairs.applyAtCounter(number(p.id()), null, decision,
                    "已缴纳罚款", "甘旧收", List.of(proof()), refused, "旧修〔2026〕17号"))))
                    .as("received on " + refused).isEqualTo("REPAIR_EARLIER_RECEIPT_DAY");
        }
        assertThat(code(() -> as("counter-x7", () -> repairs.applyAtCounter(number(p.id()), null, decision,
                "已缴纳罚款", "甘旧收", List.of(proof()), twoWorkingDaysBack, " "))))
                .isEqualTo("REPAIR_EARLIER_RECEIPT_REFERENCE");
        assertThat(code(() -> as("counter-x7", () -> repairs.applyAtCounter(number(p.id()), null, decision,
                "已缴纳罚款", "甘旧收", List.of(proof()), null, "旧修〔2026〕17号"))))
                .isEqualTo("REPAIR_EARLIER_RECEIPT_DAY");
        assertThat(repairs.of(p.id())).as("nothing filed").isEmpty();

        UUID id = as("counter-x7", () -> repairs.applyAtCounter(number(p.id()), null, decision, "已缴纳罚款",
                "甘旧收", List.of(proof()), twoWorkingDaysBack, "旧修〔2026〕17号"));
        RepairApplication filed = repairs.of(p.id()).get(0);
        assertThat(filed.id()).isEqualTo(id);
        assertThat(filed.receivedOn()).isEqualTo(twoWorkingDaysBack);
        assertThat(filed.earlierReference()).isEqualTo("旧修〔2026〕17号");
        assertThat(filed.feedbackDue()).isEqualTo(calendar.plusWorkingDays(twoWorkingDaysBack, 10))
                .isBefore(calendar.plusWorkingDays(today, 10));
        assertThat(jdbc.sql("SELECT detail FROM audit.event WHERE subject_pseudonym = ? "
                        + "AND action = 'repair.earlier-receipt'")
                .param(subjects.pseudonymOf(p.id()).orElseThrow()).query(String.class).list()).containsExactly(
                "reason=REPAIR_EARLIER_RECEIPT; receivedOn=" + twoWorkingDaysBack + "; reference=旧修〔2026〕17号");
        assertThat(body(get("/console/repairs/{id}", id).with(authentication(Principals.staff("office-x7",
                "CREDIT_OFFICE", Permission.CONSOLE_HOME, Permission.REPAIR_DECIDE)))))
                .contains("原系统收件日期 " + twoWorkingDaysBack + "，原系统案卷号 旧修〔2026〕17号");
        // Filed without the old system's day, an application is received the day it is filed, with no old number.
        Person q = person("甘新收", "P_ADMIN_PENALTY_GENERAL", decision.replace("号", "1号"), LocalDate.now().minusMonths(4));
        as("counter-x7", () -> repairs.applyAtCounter(number(q.id()), null, decision.replace("号", "1号"), "已缴纳罚款", "甘新收",
                List.of(proof())));
        assertThat(repairs.of(q.id())).singleElement().satisfies(a -> {
            assertThat(a.receivedOn()).isNull();
            assertThat(a.earlierReference()).isNull();
            assertThat(a.feedbackDue()).isEqualTo(calendar.plusWorkingDays(today, 10));
        });
    }

    /**
     * RULES.md §6's local yearly limit, here one repair: two applications filed the same day are each under it, so
     * the second approval counts the first and is refused; its record stays shown.
     */
    @Test
    void theYearlyLimitIsCountedAgainWhenARepairIsApproved() throws Exception {
        Repairs limited = repairsLimitedTo(1);
        TestCitizens.Person person = TestCitizens.register(subjects, "房静怡");
        for (String decision : List.of("驻市监罚〔2026〕761号", "驻市监罚〔2026〕762号")) {
            TestRecords.deliver(mvc, apiClients, directory, new TestRecords.Penalty(person.number(), "房静怡",
                    "P_ADMIN_PENALTY_GENERAL", "R-" + UUID.randomUUID(), "1", "ADD", decision, "无照经营"),
                    LocalDate.now().minusMonths(4), "MARKET");
        }
        UUID subject = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, person.number())).orElseThrow();
        List<UUID> applications = new java.util.ArrayList<>();
        for (var record : creditFile.fileOf(subject)) {
            UUID id = limited.apply(subject, record.recordKey(), "已缴纳罚款", "房静怡", List.of(proof()), null);
            as("reviewer-1", () -> {
                limited.propose(id, limited.find(id).version(), "材料齐全");
                return null;
            });
            applications.add(id);
        }

        as("reviewer-2", () -> {
            limited.approve(applications.get(0), limited.find(applications.get(0)).version());
            return null;
        });
        assertThat(code(() -> as("reviewer-2", () -> {
            limited.approve(applications.get(1), limited.find(applications.get(1)).version());
            return null;
        }))).isEqualTo("REPAIR_LIMIT_REACHED");
        assertThat(limited.find(applications.get(1)).status()).isEqualTo(RepairStatus.PROPOSED);
        assertThat(creditFile.fileOf(subject)).extracting(e -> e.status())
                .containsExactlyInAnyOrder(RecordStatus.REPAIRED, RecordStatus.ACTIVE);
    }

    /**
     * Issue #8 and RULES.md §6: the deadlines are configuration. Henan's "repair within 1 working day once the
     * conditions are met", set as the property a city sets ({@code chengxin.repair.deadlines.decision-days}, bound as
     * the platform binds it), with a shorter feedback too, gives an application those deadlines. One Spring context
     * serves every integration test, so the settings are bound here rather than given to a second context.
     */
    @Test
    void theDeadlinesOfAnApplicationComeFromTheConfiguredWorkingDays() throws Exception {
        RepairSettings henan = new org.springframework.boot.context.properties.bind.Binder(
                new org.springframework.boot.context.properties.source.MapConfigurationPropertySource(Map.of(
                        "chengxin.repair.deadlines.decision-days", "1",
                        "chengxin.repair.deadlines.feedback-days", "5")))
                .bindOrCreate("chengxin.repair", RepairSettings.class);
        Repairs configured = repairsWith(henan, "repairsInHenan");
        Person p = person("豫快办", "P_ADMIN_PENALTY_GENERAL", "驻市监罚〔2026〕" + (System.nanoTime() % 100_000) + "号",
                LocalDate.now().minusMonths(4));
        LocalDate today = LocalDate.now(clock);
        var calendar = workingDays.calendar();

        UUID id = configured.apply(p.id(), p.record(), "已缴纳罚款", "豫快办", List.of(proof()), null);
        assertThat(configured.find(id).feedbackDue()).isEqualTo(calendar.plusWorkingDays(today, 5))
                .isNotEqualTo(calendar.plusWorkingDays(today, 10));
        as("reviewer-1", () -> {
            configured.propose(id, configured.find(id).version(), "材料齐全");
            return null;
        });
        assertThat(configured.find(id).decisionDue()).isEqualTo(calendar.plusWorkingDays(today, 1));
        assertThat(configured.deadlines().maxExtensionDays()).as("left unset: the default").isEqualTo(10);
    }

    /**
     * Gaps review xxxvii (tests) Q5: the deadlines are pinned to days written here, not to the calendar's own answer.
     * Applied on Friday 18 September 2026 in the platform's calendar (V21): Sunday 20 September is a 调休 working day,
     * 中秋节 is 25–27 September and 国庆节 1–7 October. The 10 working days' feedback (RULES.md §6) are 20, 21–24,
     * 28–30 September, 8 and 9 October: due Friday 9 October; proposed the same day, the 3 days' decision is due
     * Tuesday 22 September. Calendar days would give 28 and 21 September, weekdays without the calendar 2 October and
     * 23 September: a service wired to either fails here whatever day the test runs.
     */
    @Test
    void anApplicationBeforeMidAutumnIsDueOnTheWorkingDaysOfThePlatformsCalendar() throws Exception {
        Repairs onTheEighteenth = repairsWith(context.getBean(RepairSettings.class), "repairsOn20260918",
                java.time.Clock.fixed(LocalDate.of(2026, 9, 18).atTime(10, 0).atZone(java.time.ZoneId.of(
                        "Asia/Shanghai")).toInstant(), java.time.ZoneId.of("Asia/Shanghai")));
        Person p = person("中秋前", "P_ADMIN_PENALTY_GENERAL", "驻市监罚〔2026〕" + (System.nanoTime() % 100_000) + "号",
                LocalDate.of(2026, 3, 2));

        UUID id = onTheEighteenth.apply(p.id(), p.record(), "已缴纳罚款", "中秋前", List.of(proof()), null);
        assertThat(onTheEighteenth.find(id).feedbackDue()).isEqualTo(LocalDate.of(2026, 10, 9));
        as("reviewer-1", () -> {
            onTheEighteenth.propose(id, onTheEighteenth.find(id).version(), "材料齐全");
            return null;
        });
        assertThat(onTheEighteenth.find(id).decisionDue()).isEqualTo(LocalDate.of(2026, 9, 22));

        // Decided, so that no other test's overdue counts meet an application of last September.
        as("reviewer-2", () -> {
            onTheEighteenth.approve(id, onTheEighteenth.find(id).version());
            return null;
        });
        assertThat(onTheEighteenth.find(id).status()).isEqualTo(RepairStatus.APPROVED);
    }

    /**
     * Issue #8: the pages state the deadlines the platform is configured with (here the defaults), not a fixed text —
     * the citizen's repair notice, objections and file, the repair and objection consoles, a department's answers.
     */
    @Test
    void thePagesStateTheConfiguredDeadlines() throws Exception {
        Person p = person("期限明", "P_ADMIN_PENALTY_GENERAL", "驻市监罚〔2026〕" + (System.nanoTime() % 100_000) + "号",
                LocalDate.now().minusMonths(4));
        var citizen = authentication(Principals.citizen(subjects, p.id()));
        assertThat(body(get("/me/repairs/notice/" + p.record()).with(citizen)))
                .contains("平台在 10 个工作日内反馈，认定部门在 3 个工作日内作出决定");
        assertThat(body(get("/me/objections").with(citizen))).contains("平台在 3 个工作日内办结；需提供单位核实的，在 7 个工作日内办结");
        assertThat(body(get("/me/file").with(citizen))).contains("平台在 3 个工作日内办结");
        assertThat(consolePage()).contains("平台 10 个工作日内反馈，初审同意后 3 个工作日内");
        UUID application = repairs.apply(p.id(), p.record(), "已缴纳罚款", "期限明", List.of(proof()), null);
        assertThat(body(get("/console/repairs/{id}", application).with(authentication(Principals.staff(
                "office-dl", "CREDIT_OFFICE", Permission.CONSOLE_HOME, Permission.REPAIR_DECIDE)))))
                .as("the extension form, on the application's own page").contains("max=\"10\"");
        assertThat(body(get("/console/objections").with(authentication(Principals.staff("office-dl", "CREDIT_OFFICE",
                Permission.CONSOLE_HOME, Permission.OBJECTION_HANDLE)))))
                .contains("平台自行核实的 3 个工作日内办结；转提供单位核实的，单位 3 个工作日内答复，7 个工作日内办结");
        assertThat(body(get("/console/objection-answers").with(authentication(Principals.staff("operator-dl",
                "MARKET", Permission.CONSOLE_HOME, Permission.OBJECTION_ANSWER))))).contains("请在 3 个工作日内核实并答复");
    }

    /**
     * K9: 我的信用修复 is paged. With more applications than one page, the oldest (here the only open one, a year old)
     * is not on the first page, which links to older records; following the link reaches it. Withdrawn there, the
     * person is back on that older page.
     */
    @Test
    void theOldestApplicationIsReachedOnAnOlderPage() throws Exception {
        Person p = person("庞旧申", "P_ADMIN_PENALTY_GENERAL", "驻市监罚〔2026〕" + (System.nanoTime() % 100_000) + "号",
                LocalDate.now(clock).minusMonths(4));
        UUID oldest = repairs.apply(p.id(), p.record(), "已缴纳罚款", "庞旧申", List.of(proof()), null);
        jdbc.sql("UPDATE repair.application SET filed_at = filed_at - interval '1 year' WHERE id = ?").param(oldest)
                .update();
        jdbc.sql("""
                        INSERT INTO repair.application (id, subject_id, record_key, item_code, department_code,
                                                        decision_number, performance, commitment_id, filed_by, filed_at,
                                                        status, feedback_due, reasons)
                        SELECT gen_random_uuid(), subject_id, record_key, item_code, department_code, decision_number,
                               performance, commitment_id, filed_by, filed_at + n * interval '1 day', 'REFUSED',
                               feedback_due, '不予修复 ' || n
                        FROM repair.application, generate_series(1, ?) n WHERE id = ?""")
                .params(20, oldest).update(); // a full page (MyRepairs.APPLICATIONS_PER_PAGE) newer than the oldest
        var citizen = authentication(Principals.citizen(subjects, p.id()));

        String newest = body(get("/me/repairs").with(citizen));
        String withdraw = "/me/repairs/" + oldest + "/withdraw";
        assertThat(newest).doesNotContain(withdraw).doesNotContain("data-field=\"newest\"");
        String olderPage = OlderLinks.of(newest);
        String older = body(get(olderPage).with(citizen));
        assertThat(older).contains(withdraw).contains("data-field=\"newest\"");
        assertThat(OlderLinks.present(older)).isFalse();

        // 撤回申请 there returns to that older page, not to the newest.
        String before = OlderLinks.before(olderPage);
        assertThat(older).contains("name=\"before\" value=\"" + before + "\"");
        mvc.perform(post(withdraw).param("before", before).with(csrf()).with(citizen))
                .andExpect(flash().attribute("successKey", "me.repair.withdrawn"))
                .andExpect(redirectedUrl(olderPage));
        assertThat(body(get(olderPage).with(citizen))).doesNotContain(withdraw);
    }

    /** K5: the console's 信用档案 lists the person's repair applications, each linking to its page, to a reviewer. */
    @Test
    void theCreditFileLinksThePersonsApplicationsForThoseWhoDecideThem() throws Exception {
        Person p = person("蒋档案", "P_ADMIN_PENALTY_GENERAL", "驻市监罚〔2026〕" + (System.nanoTime() % 100_000) + "号",
                LocalDate.now(clock).minusMonths(4));
        UUID id = repairs.apply(p.id(), p.record(), "已缴纳罚款", "蒋档案", List.of(proof()), null);
        String number = number(p.id());

        String file = body(post("/console/file").param("number", number).param("purpose", "ADMINISTRATIVE_LICENSING")
                .with(authentication(Principals.staff("reviewer-file", "CREDIT_OFFICE", Permission.CONSOLE_HOME,
                        Permission.SUBJECT_READ, Permission.REPAIR_DECIDE))).with(csrf()));
        String cases = file.substring(file.indexOf("id=\"cases\""));
        assertThat(cases).contains("data-case=\"" + id + "\"", "/console/repairs/" + id, "信用修复");
        assertThat(file).doesNotContain(number);
    }

    /**
     * K5: the open queue is paged with the count of all: with more than 500 open applications (the old cap), the one due
     * last is not on the first page but is reached on the last one. The copies are made by SQL (on records of their
     * own, due in 2099 so that no deadline watch takes them) and removed after.
     */
    @Test
    void everyOpenApplicationIsReachedPageByPageAndAllAreCounted() throws Exception {
        Person p = person("翟逐页", "P_ADMIN_PENALTY_GENERAL", "驻市监罚〔2026〕" + (System.nanoTime() % 100_000) + "号",
                LocalDate.now(clock).minusMonths(4));
        UUID id = repairs.apply(p.id(), p.record(), "已缴纳罚款", "翟逐页", List.of(proof()), null);
        jdbc.sql("""
                INSERT INTO repair.application
                SELECT (json_populate_record(a, json_build_object('id', gen_random_uuid(), 'record_key',
                        gen_random_uuid(), 'feedback_due', DATE '2099-01-01' + g))).*
                FROM repair.application a, generate_series(1, 501) g WHERE a.id = ?""").param(id).update();
        try {
            UUID last = jdbc.sql("SELECT id FROM repair.application WHERE subject_id = ? AND feedback_due = "
                    + "DATE '2099-01-01' + 501").param(p.id()).query(UUID.class).single();
            long open = jdbc.sql("SELECT count(*) FROM repair.application WHERE status IN ('APPLIED', 'PROPOSED')")
                    .query(Long.class).single();
            long pages = (open + Repairs.OPEN_PER_PAGE - 1) / Repairs.OPEN_PER_PAGE;
            assertThat(open).isGreaterThan(500);

            String first = consolePage();
            assertThat(first).contains("待处理的修复申请：共 " + open + " 件", "id=\"open-pager\"", "rel=\"next\"",
                    "1 / " + pages).doesNotContain("data-application=\"" + last + "\"");
            String lastPage = body(get("/console/repairs").param("page", String.valueOf(pages - 1))
                    .with(authentication(Principals.staff("reviewer-names", "CREDIT_OFFICE", Permission.CONSOLE_HOME,
                            Permission.REPAIR_DECIDE))));
            assertThat(lastPage).contains("data-application=\"" + last + "\"", "/console/repairs/" + last,
                    "rel=\"prev\"").doesNotContain("rel=\"next\"");
        } finally {
            jdbc.sql("DELETE FROM repair.application WHERE subject_id = ? AND id <> ?").params(p.id(), id).update();
        }
    }

    private String body(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** The platform's repairs under a local yearly limit, transactional as the platform's own bean is. */
    private Repairs repairsLimitedTo(int max) {
        return repairsWith(new RepairSettings(null, max, null), "repairsLimitedTo" + max);
    }

    /** The platform's repairs under other settings, transactional as the platform's own bean is. */
    private Repairs repairsWith(RepairSettings settings, String name) {
        return repairsWith(settings, name, clock);
    }

    /** The platform's repairs under other settings on {@code at}'s days, transactional as its own bean is. */
    private Repairs repairsWith(RepairSettings settings, String name, java.time.Clock at) {
        Repairs configured = new Repairs(context.getBean(cn.chengxin.repair.persistence.JdbcRepairs.class),
                creditFile, listing, catalogue, commitments, subjects, workingDays,
                context.getBean(cn.chengxin.audit.AuditLog.class), context.getBean(cn.chengxin.shared.City.class),
                at, settings, context.getBean(RepairNotices.class), objections, directory,
                context.getBean(cn.chengxin.account.CaseRecusal.class));
        return (Repairs) context.getAutowireCapableBeanFactory().initializeBean(configured, name);
    }

    /**
     * RULES.md §1 and §6: an organisation's record is recorded on its legal representative too; the organisation's
     * repair, approved, stops the copy being shown and used in the same transaction, with the same reason. Both
     * histories name the reviewer as every other step names who acted, not by the id of their account.
     */
    @Test
    void anOrganisationsRepairReachesTheCopyOnItsLegalRepresentative() throws Exception {
        TestRecords.Organisation org = TestRecords.organisationPenalised(mvc, apiClients, directory, subjects,
                creditFile, "殷志诚", "驻市监罚〔2025〕811号", LocalDate.now().minusMonths(13));
        UUID copy = creditFile.fileOf(org.representative()).stream().filter(e -> e.linked()).findFirst()
                .orElseThrow().recordKey();

        UUID id = as("counter-r", () -> repairs.applyAtCounter(number(org.id()), null, "驻市监罚〔2025〕811号",
                "已全部履行", "殷志诚商贸有限公司", seriousMaterials()));
        as("reviewer-1", () -> {
            repairs.propose(id, repairs.find(id).version(), "材料齐全");
            return null;
        });
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(new SecurityContextImpl(Principals.staff("reviewer-2", "CREDIT_OFFICE")));
        try {
            repairs.approve(id, repairs.find(id).version());
        } finally {
            SecurityContextHolder.setContext(previous);
        }

        assertThat(creditFile.fileOf(org.id()).get(0).status()).isEqualTo(RecordStatus.REPAIRED);
        assertThat(creditFile.fileOf(org.representative())).filteredOn(e -> e.recordKey().equals(copy))
                .singleElement().satisfies(e -> assertThat(e.status()).isEqualTo(RecordStatus.REPAIRED));
        UUID record = creditFile.fileOf(org.id()).get(0).recordKey();
        assertThat(creditFile.historyOf(org.id()).get(record)).anySatisfy(step -> {
            assertThat(step.to()).isEqualTo(RecordStatus.REPAIRED);
            assertThat(step.by()).as("操作人").isEqualTo("reviewer-2");
        });
        assertThat(creditFile.historyOf(org.representative()).get(copy)).anySatisfy(step -> {
            assertThat(step.to()).isEqualTo(RecordStatus.REPAIRED);
            assertThat(step.reason()).isEqualTo("信用修复：" + id);
            assertThat(step.by()).as("操作人").isEqualTo("reviewer-2");
        });
    }

    /**
     * RULES.md §1, §5 and §6: the legal representative's objection to the copy, open when the organisation's repair is
     * approved, ends with the copy as no longer shown, not left to be decided on a repaired record.
     */
    @Test
    void anOrganisationsRepairEndsTheOpenObjectionToTheCopy() throws Exception {
        TestRecords.Organisation org = TestRecords.organisationPenalised(mvc, apiClients, directory, subjects,
                creditFile, "殷志远", "驻市监罚〔2025〕812号", LocalDate.now().minusMonths(13));
        UUID copy = creditFile.fileOf(org.representative()).stream().filter(e -> e.linked()).findFirst()
                .orElseThrow().recordKey();
        UUID objection = objections.file(org.representative(), copy, "本人已于案发前卸任法定代表人", "本人");

        UUID id = as("counter-r", () -> repairs.applyAtCounter(number(org.id()), null, "驻市监罚〔2025〕812号",
                "已全部履行", "殷志远商贸有限公司", seriousMaterials()));
        as("reviewer-1", () -> {
            repairs.propose(id, repairs.find(id).version(), "材料齐全");
            return null;
        });
        assertThat(approve("reviewer-2", id, repairs.find(id).version())).isNull();

        assertThat(creditFile.fileOf(org.representative())).filteredOn(e -> e.recordKey().equals(copy))
                .singleElement().satisfies(e -> assertThat(e.status()).isEqualTo(RecordStatus.REPAIRED));
        assertThat(objections.find(objection)).satisfies(o -> {
            assertThat(o.status().open()).isFalse();
            assertThat(o.outcome()).isEqualTo(cn.chengxin.objection.domain.Outcome.ENDED_WITH_ORIGIN);
            assertThat(o.outcomeReasons()).contains("原记录已完成信用修复");
        });
    }

    /**
     * A passport holder's application is filed at the counter by naming the document type (issue #8); an unknown type
     * is refused with its code, and without a type the number is refused as it always was. The console never shows
     * the number.
     */
    @Test
    void aPassportHoldersRepairIsAppliedForAtTheCounterByNamingTheDocumentType() throws Exception {
        PassportPenalty penalty = passportHoldersPenalty();
        String passport = penalty.passport();
        String decision = penalty.decision();
        UUID holder = subjects.find(subjects.validate(DocumentType.PASSPORT, passport)).orElseThrow();

        // Refused, the counter form comes back with what was typed; the files are chosen again (issue #5).
        String refused = counter(passport, null, decision).andExpect(status().isUnprocessableContent())
                .andExpect(model().attribute("failureCode", "ID_FORMAT")).andReturn().getResponse()
                .getContentAsString();
        assertThat(part(refused, "id=\"repair-counter-form\"", "</form>")).contains("value=\"" + decision + "\"",
                "已缴纳罚款</textarea>", "value=\"史密斯\"", "id=\"counter-proof-again\"");
        counter(passport, "驾驶证", decision).andExpect(status().isUnprocessableContent())
                .andExpect(model().attribute("failureCode", "DOCUMENT_TYPE_UNKNOWN"));
        assertThat(repairs.of(holder)).isEmpty();
        counter(passport, "PASSPORT", decision).andExpect(flash().attribute("successKey", "repairs.filedAtCounter"));
        assertThat(repairs.of(holder)).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(RepairStatus.APPLIED);
            assertThat(a.counterStaff()).as("filed at the counter").isNotNull();
        });

        String page = mvc.perform(get("/console/repairs").with(authentication(counterStaff())))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains(decision, "name=\"documentType\"", "护照").doesNotContain(passport);
    }

    /** The console names a repair application's state in the reader's language (issue #8). */
    @Test
    void theConsoleNamesRepairStatesInTheReadersLanguage() throws Exception {
        PassportPenalty penalty = passportHoldersPenalty();
        String passport = penalty.passport();
        String decision = penalty.decision();
        counter(passport, "PASSPORT", decision).andExpect(flash().attribute("successKey", "repairs.filedAtCounter"));

        String english = mvc.perform(get("/console/repairs").param("lang", "en")
                .with(authentication(counterStaff()))).andReturn().getResponse().getContentAsString();
        assertThat(english).contains(">Awaiting review</span>").doesNotContain(">待审查</span>");
        String chinese = mvc.perform(get("/console/repairs").with(authentication(counterStaff())))
                .andReturn().getResponse().getContentAsString();
        assertThat(chinese).contains(">待审查</span>");
    }

    /**
     * Finding 5 (RULES.md §7; 法释〔2017〕7号): a court defaulter is deleted from the court's list by the court after
     * performance. Past the serious item's year the platform still offers no form and refuses the application, and
     * its notice names the court to apply to; a serious penalty decided the same day is repaired here.
     */
    @Test
    void aCourtDefaultersRecordIsRepairedByTheCourtNotOnThePlatform() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "祁守约");
        UUID id = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, person.number())).orElseThrow();
        LocalDate decided = LocalDate.now(clock).minusMonths(14);
        creditFile.store(UUID.randomUUID(), "test", List.of(new NewRecord(id, "P_COURT_DEFAULTER",
                catalogue.active("P_COURT_DEFAULTER").orElseThrow().version(), "COURT", "CD-" + UUID.randomUUID(), 1,
                RecordAction.ADD, "(2025)豫1702执909号", decided, Map.of("case_number", "(2025)豫1702执909号",
                        "court", "驿城区人民法院", "obligation", "给付货款", "performance", "全部未履行",
                        "behaviour", "违反限制消费令"), decided.plusYears(2), decided.plusYears(5),
                "fp-" + UUID.randomUUID(), null, null, null)));
        UUID record = creditFile.fileOf(id).get(0).recordKey();

        Repairs.Repairable repairable = repairs.repairable(id).get(record);
        assertThat(repairable.eligibility().kind()).isEqualTo(cn.chengxin.repair.domain.RepairEligibility.Kind.BY_AUTHORITY);
        var citizen = authentication(Principals.citizen(subjects, id));
        String page = mvc.perform(get("/me/repairs").with(citizen)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("由人民法院办理").doesNotContain("/me/repairs/apply/" + record);
        mvc.perform(get("/me/repairs/apply/" + record).with(citizen))
                .andExpect(status().is3xxRedirection());
        String notice = mvc.perform(get("/me/repairs/notice/" + record).with(citizen)).andReturn().getResponse()
                .getContentAsString();
        assertThat(notice).contains("驿城区人民法院").contains("向执行法院申请删除")
                .doesNotContain("/me/repairs/apply/" + record);

        CodedProblem refused = catchThrowableOfType(CodedProblem.class, () -> repairs.apply(id, record, "已履行完毕",
                "祁守约", List.of(proof()), null));
        assertThat(refused.code()).isEqualTo("REPAIR_BY_OTHER_AUTHORITY");
        assertThat(refused.getMessage()).contains("执行法院");
        assertThat(repairs.of(id)).isEmpty();
        assertThat(creditFile.fileOf(id).get(0).status()).isEqualTo(RecordStatus.ACTIVE);

        Person penalised = person("祁守信", "P_ADMIN_PENALTY_SERIOUS", "驻市监罚〔2026〕" + (System.nanoTime() % 100_000)
                + "号", decided);
        assertThat(repairs.apply(penalised.id(), penalised.record(), "已缴纳罚款", "祁守信", seriousMaterials(), null))
                .isNotNull();
    }

    /** The citizen's repairs page names an application's state in the reader's language (issue #5). */
    @Test
    void theCitizensRepairsPageNamesStatesInTheReadersLanguage() throws Exception {
        Person p = person("郁清和", "P_ADMIN_PENALTY_GENERAL", "驻市监罚〔2026〕708号", LocalDate.now().minusMonths(4));
        repairs.apply(p.id(), p.record(), "已缴纳罚款", "郁清和", List.of(proof()), null);
        var citizen = authentication(Principals.citizen(subjects, p.id()));

        String english = mvc.perform(get("/me/repairs").param("lang", "en").with(citizen)).andReturn().getResponse()
                .getContentAsString();
        assertThat(english).contains("<td data-field=\"state\">Awaiting review</td>").doesNotContain("待审查");
        String chinese = mvc.perform(get("/me/repairs").with(citizen)).andReturn().getResponse()
                .getContentAsString();
        assertThat(chinese).contains("<td data-field=\"state\">待审查</td>");
    }

    /**
     * Issue #5: a note, a refusal's reasons or an extension's reason refused for the identity number in it comes back
     * on the application's own form with what was typed, the number masked and the refusal beside the field, with 422,
     * and the application is as it was: the decision's 3 working days are not spent typing a text twice.
     */
    @Test
    void aRefusedNoteReasonsOrExtensionComesBackWithWhatWasTypedAndDecidesNothing() throws Exception {
        Person p = person("滕书远", "P_ADMIN_PENALTY_GENERAL", "驻市监罚〔2026〕" + (System.nanoTime() % 100_000) + "号",
                LocalDate.now().minusMonths(4));
        UUID id = repairs.apply(p.id(), p.record(), "已缴纳罚款", "滕书远", List.of(proof()), null);
        String number = number(p.id());
        String masked = Masking.identityNumber(number);
        var office = authentication(Principals.staff("office-kept", "CREDIT_OFFICE", Permission.CONSOLE_HOME,
                Permission.REPAIR_DECIDE));
        int version = repairs.find(id).version();

        String proposed = mvc.perform(post("/console/repairs/{id}/propose", id).param("version", "" + version)
                        .param("note", "材料齐全，" + number).with(office).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(part(proposed, "/console/repairs/" + id + "/propose", "</form>")).contains("id=\"note-refused\"",
                "「初审意见」", "value=\"材料齐全，" + masked + "\"");
        assertThat(proposed).contains("FREE_TEXT_HOLDS_IDENTITY_NUMBER").doesNotContain(number);

        String refused = mvc.perform(post("/console/repairs/{id}/refuse", id).param("version", "" + version)
                        .param("reasons", "缴款凭证与 " + number + " 不符").with(office).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(part(refused, "/console/repairs/" + id + "/refuse", "</form>")).contains(
                "id=\"reasons-refused\"", "缴款凭证与 " + masked + " 不符</textarea>");
        assertThat(part(refused, "/console/repairs/" + id + "/propose", "</form>")).doesNotContain("refused");

        String extended = mvc.perform(post("/console/repairs/{id}/extend", id).param("version", "" + version)
                        .param("days", "3").param("reason", "待 " + number + " 补正材料").with(office).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(part(extended, "/console/repairs/" + id + "/extend", "</form>")).contains("id=\"reason-refused\"",
                "value=\"3\"", "value=\"待 " + masked + " 补正材料\"");
        assertThat(extended).doesNotContain(number);

        RepairApplication unchanged = repairs.find(id);
        assertThat(unchanged.status()).isEqualTo(RepairStatus.APPLIED);
        assertThat(unchanged.version()).isEqualTo(version);
        assertThat(unchanged.extensionDays()).isZero();
    }

    private static String part(String page, String from, String to) {
        int start = page.indexOf(from);
        assertThat(start).as(from).isNotNegative();
        return page.substring(start, page.indexOf(to, start));
    }

    private record PassportPenalty(String passport, String decision) {
    }

    /** A passport holder fined by the market regulator four months ago, under a decision number of its own. */
    private PassportPenalty passportHoldersPenalty() throws Exception {
        String passport = "E" + (10_000_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(89_999_999));
        String decision = "驻市监罚〔2026〕" + (System.nanoTime() % 100_000) + "号";
        TestRecords.deliver(mvc, apiClients, directory, new TestRecords.Penalty(passport, "史密斯",
                "P_ADMIN_PENALTY_GENERAL", "R-" + UUID.randomUUID(), "1", "ADD", decision, "无照经营"),
                LocalDate.now().minusMonths(4), "MARKET", "PASSPORT");
        return new PassportPenalty(passport, decision);
    }

    private org.springframework.test.web.servlet.ResultActions counter(String number, String documentType,
                                                                     String decision) throws Exception {
        var request = multipart("/console/repairs").file(new MockMultipartFile("proof", "缴款凭证.pdf",
                        "application/pdf", PDF)).param("number", number).param("decisionNumber", decision)
                .param("performance", "已缴纳罚款").param("signature", "史密斯");
        if (documentType != null) {
            request.param("documentType", documentType);
        }
        return mvc.perform(request.with(authentication(counterStaff())).with(csrf()));
    }

    private static UsernamePasswordAuthenticationToken counterStaff() {
        return Principals.staff("counter-pp", "CREDIT_OFFICE", Permission.CONSOLE_HOME, Permission.REPAIR_DECIDE);
    }

    /**
     * Gaps review xxxi M4 (PIPL Art. 51, RULES.md §10): a material is kept sealed in its row and opens on download; a
     * scan is kept without its text and EXIF chunks; a file stored in clear before V312 still opens.
     */
    @Test
    void materialsAreStoredSealedWithoutAScansMetadataAndOpenOnDownload() throws Exception {
        Person p = person("封材料", "P_ADMIN_PENALTY_GENERAL", "驻市监罚〔2026〕746号", LocalDate.now().minusMonths(4));
        TestImages.Picture scan = TestImages.png();
        UUID id = repairs.apply(p.id(), p.record(), "已缴纳罚款", "封材料", List.of(proof(),
                new Repairs.Upload("TRAINING", "培训证明.png", scan.withMetadata())), null);
        var files = repairs.attachmentsOf(List.of(repairs.find(id))).get(id);
        var pdf = files.stream().filter(f -> f.kind().equals("PROOF")).findFirst().orElseThrow();
        var png = files.stream().filter(f -> f.kind().equals("TRAINING")).findFirst().orElseThrow();
        assertThat(pdf.size()).as("the file's own size").isEqualTo(PDF.length);
        assertThat(png.size()).isEqualTo(scan.plain().length);

        for (var file : files) {
            byte[] row = jdbc.sql("SELECT content FROM repair.attachment WHERE id = ? AND content_key_version > 0")
                    .param(file.id()).query(byte[].class).single();
            assertThat(TestImages.contains(row, "缴款凭证".getBytes(StandardCharsets.UTF_8))).isFalse();
            assertThat(TestImages.contains(row, java.util.Arrays.copyOfRange(scan.plain(), 40, 80))).isFalse();
        }
        assertThat(as("reviewer-seal", () -> repairs.attachment(pdf.id()).content())).isEqualTo(PDF);
        assertThat(as("reviewer-seal", () -> repairs.attachment(png.id()).content())).as("without tEXt and eXIf")
                .isEqualTo(scan.plain());

        jdbc.sql("UPDATE repair.attachment SET content = ?, content_key_version = NULL WHERE id = ?")
                .params(PDF, pdf.id()).update();
        assertThat(as("reviewer-seal", () -> repairs.attachment(pdf.id()).content()))
                .as("stored in clear before V312").isEqualTo(PDF);
    }

    /** Issue #7: each look at an application's material is recorded about the applicant (RULES.md §10). */
    @Test
    void everyLookAtARepairsMaterialIsAuditedAboutTheApplicant() throws Exception {
        Person p = person("侯证材", "P_ADMIN_PENALTY_GENERAL", "驻市监罚〔2026〕745号", LocalDate.now().minusMonths(4));
        UUID id = repairs.apply(p.id(), p.record(), "已缴纳罚款", "侯证材", List.of(proof()), null);
        UUID file = repairs.attachmentsOf(List.of(repairs.find(id))).get(id).get(0).id();
        String pseudonym = subjects.pseudonymOf(p.id()).orElseThrow();

        mvc.perform(get("/console/repairs/attachments/{id}", file).with(authentication(Principals.staff(
                        "reviewer-look", "CREDIT_OFFICE", Permission.CONSOLE_HOME, Permission.REPAIR_DECIDE))))
                .andExpect(status().isOk());

        assertThat(jdbc.sql("SELECT detail FROM audit.event WHERE action = 'repair.attachment' AND "
                + "subject_pseudonym = ?").param(pseudonym).query(String.class).list())
                .singleElement().satisfies(d -> assertThat(d).contains(file.toString()).doesNotContain("缴款凭证.pdf"));
    }

    /**
     * M4 of gaps-review-xxxi: three years after an application was refused, the nightly retention empties its materials,
     * keeping kind, name and size; the case page says the file was deleted and its download is refused. One refused
     * yesterday keeps its file.
     */
    @Test
    void materialsAreEmptiedThreeYearsAfterTheDecisionAndNotBefore() throws Exception {
        Person p = person("侯存期", "P_ADMIN_PENALTY_GENERAL", "驻市监罚〔2026〕747号", LocalDate.now().minusMonths(4));
        Person q = person("侯昨日", "P_ADMIN_PENALTY_GENERAL", "驻市监罚〔2026〕748号", LocalDate.now().minusMonths(4));
        UUID old = repairs.apply(p.id(), p.record(), "已缴纳罚款", "侯存期", List.of(proof()), null);
        UUID recent = repairs.apply(q.id(), q.record(), "已缴纳罚款", "侯昨日", List.of(proof()), null);
        for (UUID id : List.of(old, recent)) {
            as("reviewer-r", () -> {
                repairs.refuse(id, repairs.find(id).version(), "缴款凭证不清晰");
                return null;
            });
        }
        java.time.ZonedDateTime now = clock.instant().atZone(java.time.ZoneId.of("Asia/Shanghai"));
        jdbc.sql("UPDATE repair.application SET decided_at = ? WHERE id = ?")
                .params(java.sql.Timestamp.from(now.minusYears(3).minusDays(1).toInstant()), old).update();
        jdbc.sql("UPDATE repair.application SET decided_at = ? WHERE id = ?")
                .params(java.sql.Timestamp.from(now.minusDays(1).toInstant()), recent).update();

        assertThat(retention.purge()).isGreaterThanOrEqualTo(1);

        var emptied = repairs.attachmentsOf(List.of(repairs.find(old))).get(old).get(0);
        assertThat(emptied.emptied()).isTrue();
        assertThat(emptied.size()).as("the size stays").isEqualTo(PDF.length);
        assertThat(emptied.kind()).isEqualTo("PROOF");
        assertThat(repairs.attachmentsOf(List.of(repairs.find(recent))).get(recent).get(0).emptied())
                .as("decided yesterday").isFalse();
        assertThat(code(() -> repairs.attachment(emptied.id()))).isEqualTo("EVIDENCE_EMPTIED");
        var reviewer = authentication(Principals.staff("reviewer-look", "CREDIT_OFFICE", Permission.CONSOLE_HOME,
                Permission.REPAIR_DECIDE));
        mvc.perform(get("/console/repairs/attachments/{id}", emptied.id()).with(reviewer))
                .andExpect(status().isConflict());
        mvc.perform(get("/console/repairs/{id}", old).with(reviewer)).andExpect(status().isOk())
                .andExpect(content().string(containsString("已超过保存期限，文件已删除")));
        assertThat(jdbc.sql("SELECT detail FROM audit.event WHERE action = 'privacy.repair-materials-retention' "
                + "ORDER BY seq DESC LIMIT 1").query(String.class).single())
                .startsWith("reason=ATTACHMENTS_EMPTIED; files=");
    }

    @Autowired
    MaterialsRetention retention;

    /**
     * Issue #7, RULES.md §5: a record an objection decided to correct is known to be wrong until its department delivers
     * the corrected version; no repair is applied for on it meanwhile, with a code saying so (not "in dispute").
     */
    @Test
    void aRecordAwaitingTheCorrectionAnObjectionDecidedIsNotRepaired() throws Exception {
        Person p = person("侯待更", "P_ADMIN_PENALTY_GENERAL", "驻市监罚〔2026〕746号", LocalDate.now().minusMonths(4));
        UUID objection = objections.file(p.id(), p.record(), "处罚金额录入错误", "本人");
        as("office-c", () -> {
            objections.decide(objection, objections.find(objection).version(),
                    cn.chengxin.objection.domain.Outcome.CORRECT, "经核实，金额有误，予以更正");
            return null;
        });
        assertThat(objections.awaitsCorrection(p.id(), p.record())).isTrue();

        assertThat(code(() -> repairs.apply(p.id(), p.record(), "已缴纳罚款", "侯待更", List.of(proof()), null)))
                .isEqualTo("REPAIR_RECORD_AWAITING_CORRECTION");
        assertThat(repairs.of(p.id())).isEmpty();

        Person disputed = person("侯异议", "P_ADMIN_PENALTY_GENERAL", "驻市监罚〔2026〕747号",
                LocalDate.now().minusMonths(4));
        objections.file(disputed.id(), disputed.record(), "不是我的记录", "本人");
        assertThat(code(() -> repairs.apply(disputed.id(), disputed.record(), "已缴纳罚款", "侯异议",
                List.of(proof()), null))).as("an open objection, no correction owed").isEqualTo("REPAIR_RECORD_IN_DISPUTE");
    }

    /**
     * K5 of gaps-review-xxix: a refused application decided long ago (beyond the 50 newest the queue lists) is found by
     * the applicant's number, posted, the number masked on the page, the look audited about the applicant, and opened;
     * an unknown number is refused on the queue with the number kept in its own field only.
     */
    @Test
    void aDecidedApplicationIsFoundByTheApplicantsNumberAndOpenedAndTheSearchIsAudited() throws Exception {
        Person p = person("查修复", "P_ADMIN_PENALTY_GENERAL", "驻市监罚〔2026〕" + (System.nanoTime() % 100_000) + "号",
                LocalDate.now(clock).minusMonths(4));
        UUID id = repairs.apply(p.id(), p.record(), "已缴纳罚款", "查修复", List.of(proof()), null);
        as("clerk-k5", () -> {
            repairs.refuse(id, repairs.find(id).version(), "缴款凭证不清晰");
            return null;
        });
        jdbc.sql("UPDATE repair.application SET decided_at = TIMESTAMPTZ '2026-10-01 10:00+08' WHERE id = ?")
                .param(id).update();
        var clerk = authentication(Principals.staff("clerk-k5", "CREDIT_OFFICE", Permission.CONSOLE_HOME,
                Permission.REPAIR_DECIDE));
        String number = number(p.id());

        String page = mvc.perform(post("/console/repairs/search").param("number", number).with(clerk).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String found = page.substring(page.indexOf("id=\"found-repairs\""));
        assertThat(found).contains("/console/repairs/" + id, "data-application=\"" + id + "\"");
        assertThat(page).doesNotContain(number);
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'repair.search' AND subject_pseudonym = ?")
                .param(subjects.pseudonymOf(p.id()).orElseThrow()).query(Integer.class).single()).isEqualTo(1);
        mvc.perform(get("/console/repairs/{id}", id).with(clerk)).andExpect(status().isOk());

        String unknown = "E" + (10_000_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(89_999_999));
        String refused = mvc.perform(post("/console/repairs/search").param("documentType", "PASSPORT")
                        .param("number", unknown).with(clerk).with(csrf()))
                .andExpect(model().attribute("failureCode", "REPAIR_SUBJECT_UNKNOWN"))
                .andReturn().getResponse().getContentAsString();
        assertThat(refused).doesNotContain("id=\"found-repairs\"").contains("value=\"" + unknown + "\"");
        String decided = consolePage().substring(consolePage().indexOf("id=\"decided-repairs\""));
        assertThat(decided).contains("<thead>", "办结时间");
    }

    /** Issue #7: the repair console names the reviewers who acted by their names, not their account ids. */
    @Test
    void theConsoleNamesTheReviewersNotTheirAccountIds() throws Exception {
        Person p = person("侯署名", "P_ADMIN_PENALTY_GENERAL", "驻市监罚〔2026〕749号", LocalDate.now().minusMonths(4));
        UUID id = repairs.apply(p.id(), p.record(), "已缴纳罚款", "侯署名", List.of(proof()), null);
        UUID proposer = staffMember("初审员甲");
        UUID refuser = staffMember("复核员乙");
        as(proposer.toString(), () -> {
            repairs.propose(id, repairs.find(id).version(), "材料齐全");
            return null;
        });
        String open = consolePage();
        String row = open.substring(open.indexOf("data-application=\"" + id + "\""));
        assertThat(row.substring(0, row.indexOf("</tr>"))).contains("初审员甲").doesNotContain(proposer.toString());

        as(refuser.toString(), () -> {
            repairs.refuse(id, repairs.find(id).version(), "材料不全");
            return null;
        });
        assertThat(consolePage()).contains("<td data-field=\"decided-by\">复核员乙</td>")
                .doesNotContain(refuser.toString());
    }

    /**
     * F8 (RULES.md §9, §10): the queue lists applications masked, without the statement or the commitment; opening one
     * is a look recorded about the applicant, who sees it under 谁查询了我. An unknown one is refused on the queue.
     */
    @Test
    void theQueueListsApplicationsMaskedAndOpeningOneIsARecordedLook() throws Exception {
        Person p = person("鞠明察", "P_ADMIN_PENALTY_GENERAL", "驻市监罚〔2026〕" + (System.nanoTime() % 100_000) + "号",
                LocalDate.now().minusMonths(4));
        UUID id = repairs.apply(p.id(), p.record(), "已缴纳罚款并整改到位", "鞠明察", List.of(proof()), null);
        String number = number(p.id());
        String pseudonym = subjects.pseudonymOf(p.id()).orElseThrow();

        String queue = consolePage();
        String row = queue.substring(queue.indexOf("data-application=\"" + id + "\""));
        assertThat(row.substring(0, row.indexOf("</tr>"))).contains(subjects.profile(p.id()).orElseThrow().maskedName(),
                "/console/repairs/" + id + "\"").doesNotContain("已缴纳罚款并整改到位");
        assertThat(queue).doesNotContain(number, "鞠明察");
        assertThat(repairViews(pseudonym)).isEmpty();

        var reviewer = authentication(Principals.staff("reviewer-look", "CREDIT_OFFICE", Permission.CONSOLE_HOME,
                Permission.REPAIR_DECIDE));
        assertThat(body(get("/console/repairs/{id}", id).with(reviewer))).contains("已缴纳罚款并整改到位")
                .doesNotContain(number);
        assertThat(repairViews(pseudonym)).containsExactly("信用修复审核");
        assertThat(body(get("/me/access").with(authentication(Principals.citizen(subjects, p.id())))))
                .as("谁查询了我").contains("查看信用修复申请");
        mvc.perform(get("/console/repairs/{id}", UUID.randomUUID()).with(reviewer))
                .andExpect(flash().attribute("failureCode", "REPAIR_UNKNOWN"));
    }

    /**
     * J4 (issue #8: "a reviewer approving a repair they applied for themselves → refused"; 回避, 《公务员法》第七十六条): a
     * clerk whose own number is registered with her staff account can neither propose nor approve the repair she
     * applied for in self-service, on the page or through the facade, and each refusal is recorded about her; her
     * colleagues can, and a clerk with no number registered is not refused.
     */
    @Test
    void aClerkRegisteredWithHerOwnNumberTakesNoStepOfHerOwnRepairWhileColleaguesDo() throws Exception {
        Person p = person("蓝秀清", "P_ADMIN_PENALTY_GENERAL", "驻市监罚〔2026〕" + (System.nanoTime() % 100_000) + "号",
                LocalDate.now(clock).minusMonths(4));
        UUID id = repairs.apply(p.id(), p.record(), "已缴纳罚款并整改到位", "蓝秀清", List.of(proof()), null);
        UUID herself = staffMember("蓝秀清");
        UUID colleague = staffMember("钱立人");
        UUID unregistered = staffMember("施晓雯");
        directory.registerIdentity(herself, number(p.id()));
        directory.registerIdentity(colleague, TestCitizens.register(subjects, "钱立人").number());
        String pseudonym = subjects.pseudonymOf(p.id()).orElseThrow();
        int applied = repairs.find(id).version();

        assertThat(code(() -> as(herself.toString(), () -> {
            repairs.propose(id, applied, "材料齐全");
            return null;
        }))).isEqualTo("CASE_OWN_SUBJECT");
        var herOnThePage = authentication(UsernamePasswordAuthenticationToken.authenticated(
                new cn.chengxin.account.StaffPrincipal(herself, "lanxq", "蓝秀清", UUID.randomUUID(), "CREDIT_OFFICE",
                        "信用办", cn.chengxin.account.Department.Kind.CREDIT_OFFICE, List.of(),
                        java.util.Set.of(Permission.CONSOLE_HOME, Permission.REPAIR_DECIDE)),
                null, List.of(new SimpleGrantedAuthority("STAFF"), new SimpleGrantedAuthority(
                        Permission.CONSOLE_HOME.code()), new SimpleGrantedAuthority(Permission.REPAIR_DECIDE.code()))));
        String refused = mvc.perform(post("/console/repairs/{id}/propose", id).param("version", "" + applied)
                        .param("note", "材料齐全").with(herOnThePage).with(csrf()))
                .andExpect(status().isForbidden()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("应当回避");
        assertThat(repairs.find(id).status()).isEqualTo(RepairStatus.APPLIED);

        as(colleague.toString(), () -> {
            repairs.propose(id, applied, "材料齐全");
            return null;
        });
        int proposed = repairs.find(id).version();
        assertThat(code(() -> as(herself.toString(), () -> {
            repairs.approve(id, proposed);
            return null;
        }))).isEqualTo("CASE_OWN_SUBJECT");
        assertThat(repairs.find(id).status()).isEqualTo(RepairStatus.PROPOSED);
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'account.case.recused' "
                + "AND subject_pseudonym = ? AND result = 'DENIED'").param(pseudonym).query(Long.class).single())
                .as("each refusal recorded about her").isEqualTo(3);

        as(unregistered.toString(), () -> {
            repairs.approve(id, proposed);
            return null;
        });
        assertThat(repairs.find(id).status()).isEqualTo(RepairStatus.APPROVED);
    }

    /** The purposes of the recorded looks at repair applications about the subject. */
    private List<String> repairViews(String pseudonym) {
        return jdbc.sql("SELECT purpose FROM audit.event WHERE action = 'repair.view' AND subject_pseudonym = ? "
                + "ORDER BY seq").param(pseudonym).query(String.class).list();
    }

    private String consolePage() throws Exception {
        return mvc.perform(get("/console/repairs").with(authentication(Principals.staff("reviewer-names",
                        "CREDIT_OFFICE", Permission.CONSOLE_HOME, Permission.REPAIR_DECIDE))))
                .andReturn().getResponse().getContentAsString();
    }

    private UUID staffMember(String displayName) {
        UUID office = directory.departments().stream().filter(d -> d.code().equals("CREDIT_OFFICE")).findFirst()
                .orElseThrow().id();
        return directory.createUser("rnamed" + UUID.randomUUID().toString().substring(0, 8), displayName, office,
                cn.chengxin.support.TestStaff.PASSWORD);
    }

    private Throwable approve(String who, UUID id, int version) {
        try {
            as(who, () -> {
                repairs.approve(id, version);
                return null;
            });
            return null;
        } catch (Exception e) {
            return e;
        }
    }

    private static String code(java.util.concurrent.Callable<?> action) {
        try {
            action.call();
        } catch (CodedProblem e) {
            return e.code();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("not refused");
    }

    private static Repairs.Upload proof() {
        return new Repairs.Upload("PROOF", "缴款凭证.pdf", PDF);
    }

    /** Proof, and the training certificate and credit report a seeded serious item's repair asks for (RULES.md §6). */
    private static List<Repairs.Upload> seriousMaterials() {
        return List.of(proof(), new Repairs.Upload("TRAINING", "培训证明.pdf", PDF),
                new Repairs.Upload("CREDIT_REPORT", "信用报告.pdf", PDF));
    }

    private String number(UUID id) {
        return subjects.revealNumber(id).orElseThrow().number();
    }

    record Person(UUID id, UUID record) {
    }

    private Person person(String name, String item, String decision, LocalDate decided) throws Exception {
        return person(name, item, decision, decided, "MARKET");
    }

    private Person person(String name, String item, String decision, LocalDate decided, String department)
            throws Exception {
        TestCitizens.Person p = TestCitizens.register(subjects, name);
        TestRecords.deliver(mvc, apiClients, directory, new TestRecords.Penalty(p.number(), name, item,
                "R-" + UUID.randomUUID(), "1", "ADD", decision, "无照经营"), decided, department);
        UUID id = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, p.number())).orElseThrow();
        return new Person(id, creditFile.fileOf(id).get(0).recordKey());
    }
}
