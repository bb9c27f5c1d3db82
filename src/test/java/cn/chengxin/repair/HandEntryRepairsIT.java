package cn.chengxin.repair;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.account.ApiClient;
import cn.chengxin.account.ApiClients;
import cn.chengxin.account.Department;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.listing.EntryStatus;
import cn.chengxin.listing.ListEntry;
import cn.chengxin.listing.ListNotice;
import cn.chengxin.listing.ListType;
import cn.chengxin.listing.Listing;
import cn.chengxin.listing.NoticeDelivery;
import cn.chengxin.listing.domain.SeriousGround;
import cn.chengxin.repair.domain.RepairEligibility;
import cn.chengxin.repair.domain.RepairStatus;
import cn.chengxin.shared.CodedProblem;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Principals;
import cn.chengxin.support.TestCitizens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static cn.chengxin.support.AsStaff.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Finding #8 on PostgreSQL: a list entry a department proposed by hand rests on no record, yet its notices promise
 * repair (RULES.md §6). It is repairable once its list's minimum period (black: 1 year, as serious information) has
 * passed since the act, refused before with the date; approved by a second reviewer it exits with 信用修复 and the
 * check API no longer answers it; nobody applies for another person's entry; a court's listing relayed by hand is
 * the court's to end.
 */
@IntegrationTest
class HandEntryRepairsIT {

    private static final byte[] PDF = "%PDF-1.4\n% 履行证明（测试）\n".getBytes(StandardCharsets.UTF_8);

    @Autowired
    MockMvc mvc;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    Listing listing;

    @Autowired
    Repairs repairs;

    @Autowired
    ApiClients apiClients;

    @Autowired
    StaffDirectory directory;

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
        UUID hrss = directory.departments().stream().filter(d -> d.code().equals("HRSS")).findFirst().orElseThrow()
                .id();
        hrChecks = apiClients.issue("HRSS 系统", "HRSS", ApiClient.Kind.DEPARTMENT, hrss,
                Set.of(Permission.API_SUBJECT_CHECK), 6000).key();
    }

    @Test
    void aHandEntryIsRepairableAfterItsMinimumPeriodAndRefusedBefore() throws Exception {
        LocalDate today = LocalDate.now(clock);
        TestCitizens.Person early = TestCitizens.register(subjects, "尚未满");
        UUID earlyId = id(early);
        LocalDate elevenMonths = today.minusMonths(11);
        UUID young = effectiveBlack(earlyId, "国办发〔2020〕49号", elevenMonths);

        Repairs.RepairableEntry r = repairs.repairableEntries(earlyId).get(young);
        assertThat(r.eligibility().kind()).isEqualTo(RepairEligibility.Kind.FROM_DATE);
        assertThat(r.eligibility().from()).as("serious: a year from the act").isEqualTo(elevenMonths.plusMonths(12));
        assertThat(r.periodServed(today)).isFalse();
        CodedProblem refused = catchThrowableOfType(CodedProblem.class, () -> repairs.applyForEntry(earlyId, young,
                "已整改", "尚未满", List.of(proof()), null));
        assertThat(refused.code()).isEqualTo("REPAIR_TOO_EARLY");
        assertThat(refused.getMessage()).contains(elevenMonths.plusMonths(12) + " 起可申请");
        assertThat(repairs.of(earlyId)).isEmpty();

        TestCitizens.Person due = TestCitizens.register(subjects, "已满期");
        UUID dueId = id(due);
        UUID old = effectiveBlack(dueId, "国办发〔2020〕49号", today.minusMonths(13));
        assertThat(repairs.repairableEntries(dueId).get(old).periodServed(today)).isTrue();
        var citizen = authentication(Principals.citizen(subjects, dueId));
        String page = body(get("/me/repairs").with(citizen));
        assertThat(page).contains("data-entry=\"" + old + "\"").contains("/me/repairs/apply/" + old)
                .contains("/me/repairs/notice/" + old);
        assertThat(body(get("/me/repairs/notice/" + old).with(citizen))).contains("信用修复告知书")
                .contains("严重失信主体名单").contains("/me/repairs/apply/" + old);
        assertThat(body(get("/me/repairs/apply/" + old).with(citizen))).contains("信用承诺书")
                .contains("严重失信主体名单（部门认定）");

        mvc.perform(multipart("/me/repairs/apply/" + old).file(new MockMultipartFile("proof", "履行证明.pdf",
                        "application/pdf", PDF)).param("performance", "已整改并消除影响").param("signature", "已满期")
                .with(citizen).with(csrf())).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("successKey", "me.repair.applied"));
        RepairApplication a = repairs.of(dueId).get(0);
        assertThat(a.ofEntry()).isTrue();
        assertThat(a.entryId()).isEqualTo(old);
        assertThat(a.recordKey()).isNull();
        assertThat(repairs.commitmentOf(a).text()).contains("严重失信主体名单");
        CodedProblem twice = catchThrowableOfType(CodedProblem.class, () -> repairs.applyForEntry(dueId, old,
                "再次申请", "已满期", List.of(proof()), null));
        assertThat(twice.code()).isEqualTo("REPAIR_ALREADY_APPLIED");
    }

    @Test
    void approvalByASecondPersonExitsTheEntryAndTheCheckNoLongerAnswersIt() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "修复后");
        UUID subject = id(person);
        UUID entry = effectiveBlack(subject, "国办发〔2020〕49号", LocalDate.now(clock).minusMonths(14));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> check(person.number())
                .andExpect(jsonPath("$.entries[0].listType").value("BLACK")));

        // Filed at the counter, named by the entry's number: an entry proposed by hand has no decision number.
        UUID id = as("counter-h", () -> repairs.applyAtCounter(person.number(), null, entry.toString(), "已整改",
                "修复后", List.of(proof())));
        RepairApplication applied = repairs.find(id);
        assertThat(applied.entryId()).isEqualTo(entry);
        assertThat(body(get("/console/repairs").with(authentication(Principals.staff("office-h", "CREDIT_OFFICE",
                Permission.CONSOLE_HOME, Permission.REPAIR_DECIDE))))).contains("严重失信主体名单（部门认定）")
                .contains(entry.toString());
        assertThat(code(() -> as("counter-h", () -> {
            repairs.propose(id, applied.version(), "材料齐全");
            return null;
        }))).isEqualTo("REPAIR_OWN_APPLICATION");
        as("reviewer-h1", () -> {
            repairs.propose(id, applied.version(), "材料齐全");
            return null;
        });
        int version = repairs.find(id).version();
        assertThat(code(() -> as("reviewer-h1", () -> {
            repairs.approve(id, version);
            return null;
        }))).isEqualTo("REPAIR_SAME_REVIEWER");
        assertThat(listing.entry(entry).orElseThrow().status()).isEqualTo(EntryStatus.EFFECTIVE);

        as("reviewer-h2", () -> {
            repairs.approve(id, version);
            return null;
        });
        assertThat(repairs.find(id).status()).isEqualTo(RepairStatus.APPROVED);
        ListEntry ended = listing.entry(entry).orElseThrow();
        assertThat(ended.status()).isEqualTo(EntryStatus.EXITED);
        assertThat(ended.exitReason()).isEqualTo("信用修复");
        assertThat(listing.noticesOfEntry(entry)).extracting(ListNotice::kind).contains(ListNotice.Kind.EXIT);
        assertThat(repairs.repairableEntries(subject)).isEmpty();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> check(person.number())
                .andExpect(jsonPath("$.entries").isEmpty()).andExpect(jsonPath("$.measures").isEmpty()));
    }

    @Test
    void nobodyAppliesForAnotherPersonsEntry() throws Exception {
        LocalDate actDay = LocalDate.now(clock).minusMonths(13);
        TestCitizens.Person holder = TestCitizens.register(subjects, "名单人");
        UUID holderId = id(holder);
        UUID entry = effectiveBlack(holderId, "国办发〔2020〕49号", actDay);
        UUID otherId = id(TestCitizens.register(subjects, "旁人某"));
        var other = authentication(Principals.citizen(subjects, otherId));

        mvc.perform(get("/me/repairs/notice/" + entry).with(other)).andExpect(status().isNotFound());
        mvc.perform(get("/me/repairs/apply/" + entry).with(other)).andExpect(status().isNotFound());
        mvc.perform(multipart("/me/repairs/apply/" + entry).file(new MockMultipartFile("proof", "履行证明.pdf",
                        "application/pdf", PDF)).param("performance", "代他人申请").param("signature", "旁人某")
                .with(other).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(code(() -> repairs.applyForEntry(otherId, entry, "代他人申请", "旁人某", List.of(proof()), null)))
                .isEqualTo("REPAIR_RECORD_UNKNOWN");
        assertThat(code(() -> repairs.applyForEntry(holderId, entry, "已整改", "旁人某", List.of(proof()), null)))
                .as("signed in another name").isEqualTo("REPAIR_COMMITMENT_UNSIGNED");
        assertThat(repairs.of(otherId)).isEmpty();
        assertThat(repairs.of(holderId)).isEmpty();
    }

    /**
     * A court's listing relayed by hand (its basis the Supreme People's Court's provisions) is the court's to end after
     * performance (RULES.md §7), as a court's record is: no form, and an application is refused.
     */
    @Test
    void aCourtsListingProposedByHandIsRepairedByTheCourt() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "法院列");
        UUID subject = id(person);
        UUID entry = effectiveBlack(subject, "《最高人民法院关于公布失信被执行人名单信息的若干规定》（法释〔2017〕7号）",
                LocalDate.now(clock).minusMonths(14));
        Repairs.RepairableEntry r = repairs.repairableEntries(subject).get(entry);
        assertThat(r.eligibility().kind()).isEqualTo(RepairEligibility.Kind.BY_AUTHORITY);
        var citizen = authentication(Principals.citizen(subjects, subject));
        assertThat(body(get("/me/repairs").with(citizen))).contains("由人民法院办理")
                .doesNotContain("/me/repairs/apply/" + entry);
        mvc.perform(get("/me/repairs/apply/" + entry).with(citizen)).andExpect(status().is3xxRedirection());
        assertThat(code(() -> repairs.applyForEntry(subject, entry, "已履行", "法院列", List.of(proof()), null)))
                .isEqualTo("REPAIR_BY_OTHER_AUTHORITY");
        assertThat(listing.entry(entry).orElseThrow().status()).isEqualTo(EntryStatus.EFFECTIVE);
    }

    /** A black-list entry proposed by hand for an act on {@code actDay}, approved by another person and in force. */
    private UUID effectiveBlack(UUID subject, String basis, LocalDate actDay) throws Exception {
        UUID entry = as("maker-h", () -> listing.propose(subject, ListType.BLACK,
                SeriousGround.FAIR_COMPETITION_AND_SOCIAL_ORDER, basis, "严重违法失信（测试）", actDay,
                LocalDate.now(clock).plusYears(1)));
        as("checker-h", () -> listing.approve(entry, "核实无误"));
        // The prior notice is served (RULES.md §7: its period counts from service), then its period passes.
        as("clerk-h", () -> {
            listing.recordService(listing.noticesOfEntry(entry).stream()
                    .filter(n -> n.kind() == ListNotice.Kind.PRIOR).findFirst().orElseThrow().id(),
                    NoticeDelivery.Channel.IN_PERSON, LocalDate.now(clock), "");
            return null;
        });
        jdbc.sql("UPDATE listing.entry SET effective_from = now() - interval '1 second' WHERE id = ?").param(entry)
                .update();
        listing.activateDue();
        assertThat(listing.entry(entry).orElseThrow().status()).isEqualTo(EntryStatus.EFFECTIVE);
        return entry;
    }

    private UUID id(TestCitizens.Person person) {
        return subjects.find(subjects.validate(null, person.number())).orElseThrow();
    }

    private String body(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private ResultActions check(String number) throws Exception {
        return mvc.perform(post("/api/v1/checks").header("Authorization", "Bearer " + hrChecks)
                .contentType(MediaType.APPLICATION_JSON).content("{\"subjectNumber\":\"" + number
                        + "\",\"scenario\":\"HIRING\",\"purpose\":\"审批业务编号 2026-008\"}"));
    }

    private static Repairs.Upload proof() {
        return new Repairs.Upload("PROOF", "履行证明.pdf", PDF);
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
}
