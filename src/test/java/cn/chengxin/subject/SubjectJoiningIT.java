package cn.chengxin.subject;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

import cn.chengxin.account.ApiClients;
import cn.chengxin.account.DemoAccounts;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.audit.AccessHistory;
import cn.chengxin.creditfile.CreditFile;
import cn.chengxin.creditfile.FileEntry;
import cn.chengxin.listing.EntryStatus;
import cn.chengxin.listing.ListEntry;
import cn.chengxin.listing.ListType;
import cn.chengxin.listing.Listing;
import cn.chengxin.objection.Objections;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.IdentityDocument;
import cn.chengxin.support.AsStaff;
import cn.chengxin.support.AtOnce;
import cn.chengxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Gaps review xxx L1 (3), 合并信用档案 (98号 三(一): 个人身份识别信息的唯一性): a foreigner known under his old passport and,
 * as a second subject, under the renewed one, each with a record and a black-list entry, the second with an objection,
 * is one file once a clerk proposed the join and a second person approved it.
 */
@IntegrationTest
class SubjectJoiningIT {

    private static final LocalDate BORN = LocalDate.of(1979, 4, 2);

    @Autowired
    SubjectRegistry registry;

    @Autowired
    SubjectJoining joining;

    @Autowired
    CreditFile creditFile;

    @Autowired
    Listing listing;

    @Autowired
    Objections objections;

    @Autowired
    AccessHistory history;

    @Autowired
    ApiClients apiClients;

    @Autowired
    StaffDirectory directory;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    /**
     * Everything held under the joined subject reaches the kept one, once: a check and the file by either passport show
     * both records and both entries, the objection is the kept subject's, and his 谁查询了我 shows what was recorded
     * under the joined pseudonym. The proposer cannot approve; of two reviewers at once, one joins.
     */
    @Test
    void twoFilesOfOnePersonBecomeOneWhichEitherDocumentReachesWithEverythingOnce() throws Exception {
        String old = passport();
        String renewed = passport();
        UUID kept = holder(old);
        UUID joined = holder(renewed);
        UUID keptEntry = courtListed(kept, old);
        UUID joinedEntry = courtListed(joined, renewed);
        UUID keptRecord = creditFile.fileOf(kept).get(0).recordKey();
        UUID joinedRecord = creditFile.fileOf(joined).get(0).recordKey();
        UUID objection = objections.file(joined, joinedRecord, "执行案件已结案", "本人");
        String keptPseudonym = registry.pseudonymOf(kept).orElseThrow();
        String joinedPseudonym = registry.pseudonymOf(joined).orElseThrow();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> mvc.perform(check(renewed))
                .andExpect(jsonPath("$.entries.length()").value(1)));
        long checkUnderJoined = await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT coalesce(max(seq), 0) FROM audit.event WHERE subject_pseudonym = ? AND action = ?")
                .param(joinedPseudonym).param("measures.check").query(Long.class).single(), seq -> seq > 0);

        UUID proposal = AsStaff.as("join-a", () -> joining.propose(kept, "PASSPORT", renewed, "护照换发记录 2026-11",
                "本人持新旧护照到窗口核验，两份档案为同一人"));
        assertThat(code(() -> AsStaff.as("join-a", () -> {
            joining.approve(proposal, null);
            return null;
        }))).isEqualTo("SUBJECT_JOIN_SELF_REVIEW");
        assertThat(code(() -> AsStaff.as("join-b", () -> joining.propose(kept, "PASSPORT", renewed, "护照换发记录",
                "再次提出")))).isEqualTo("SUBJECT_JOIN_PENDING");

        assertThat(AtOnce.decide(new AtOnce.Decision("join-b", () -> joining.approve(proposal, "核验无误")),
                new AtOnce.Decision("join-c", () -> joining.approve(proposal, null))))
                .as("one join, the other reviewer told it is decided")
                .containsExactlyInAnyOrder(Optional.empty(), Optional.of("SUBJECT_JOIN_ALREADY_DECIDED"));

        for (String number : List.of(old, renewed)) {
            assertThat(registry.find(document(number))).contains(kept);
        }
        assertThat(registry.profile(joined)).as("the joined subject's row goes").isEmpty();
        assertThat(registry.holdersAmong(List.of(joinedPseudonym))).containsEntry(joinedPseudonym, keptPseudonym);
        assertThat(creditFile.fileOf(kept).stream().map(FileEntry::recordKey).toList())
                .containsExactlyInAnyOrder(keptRecord, joinedRecord);
        assertThat(creditFile.fileOf(joined)).isEmpty();
        assertThat(listing.entriesOf(kept).stream().map(ListEntry::id).toList()).contains(keptEntry, joinedEntry)
                .doesNotHaveDuplicates();
        assertThat(jdbc.sql("SELECT subject_id FROM objection.objection WHERE id = ?").param(objection)
                .query(UUID.class).single()).isEqualTo(kept);
        for (String number : List.of(old, renewed)) {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> mvc.perform(check(number))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.entries.length()").value(2))
                    .andExpect(jsonPath("$.entries[0].listType").value("BLACK"))
                    .andExpect(jsonPath("$.entries[1].listType").value("BLACK")));
        }
        assertThat(jdbc.sql("SELECT count(*) FROM measures.check_made WHERE subject_pseudonym = ?")
                .param(joinedPseudonym).query(Long.class).single()).as("checks moved").isZero();

        // The audit alias: the joined pseudonym's earlier events show on the kept file; each step under both.
        assertThat(jdbc.sql("SELECT earlier FROM audit.pseudonym_alias WHERE pseudonym = ?").param(keptPseudonym)
                .query(String.class).list()).contains(joinedPseudonym);
        assertThat(history.of(keptPseudonym, 500).stream().map(AccessHistory.Access::seq).toList())
                .contains(checkUnderJoined);
        for (String pseudonym : List.of(keptPseudonym, joinedPseudonym)) {
            assertThat(jdbc.sql("SELECT action FROM audit.event WHERE subject_pseudonym = ? AND action LIKE ?")
                    .param(pseudonym).param("subject.join.%").query(String.class).list())
                    .contains("subject.join.propose", "subject.join.approve");
        }
        assertThat(code(() -> AsStaff.as("join-b", () -> joining.propose(kept, "PASSPORT", renewed, "护照换发记录",
                "已合并后再次提出")))).as("a file already joined").isEqualTo("SUBJECT_JOIN_SELF");
    }

    /** What cannot be one person's two files is refused, each with its code, and nothing is proposed. */
    @Test
    void joinsThatCannotBeOnePersonsFilesAreRefusedByCode() throws Exception {
        String own = passport();
        UUID kept = holder(own);
        String otherName = passport();
        registry.registerPerson(new NewPerson(document(otherName), "约翰", BORN, null, List.of(), List.of(), false));
        String otherBirth = passport();
        registry.registerPerson(new NewPerson(document(otherBirth), "史密斯", BORN.plusDays(1), null, List.of(),
                List.of(), false));
        String organisation = cn.chengxin.support.TestCreditCodes.next();
        registry.registerOrganisation(new NewOrganisation(registry.validate(DocumentType.UNIFIED_SOCIAL_CREDIT_CODE,
                organisation), "约翰贸易有限公司", null, List.of(), false));

        assertThat(proposing(kept, "PASSPORT", own)).isEqualTo("SUBJECT_JOIN_SELF");
        assertThat(proposing(kept, "PASSPORT", passport())).isEqualTo("SUBJECT_JOIN_UNKNOWN");
        assertThat(proposing(kept, "PASSPORT", otherName)).isEqualTo("SUBJECT_JOIN_NAMES_DIFFER");
        assertThat(proposing(kept, "PASSPORT", otherBirth)).isEqualTo("SUBJECT_JOIN_BIRTH_DATES_DIFFER");
        assertThat(proposing(kept, null, organisation)).isEqualTo("SUBJECT_JOIN_PERSONS_ONLY");
        assertThat(code(() -> AsStaff.as("join-a", () -> joining.propose(kept, "PASSPORT", otherName, " ", "同一人"))))
                .isEqualTo("SUBJECT_JOIN_INCOMPLETE");
        assertThat(joining.of(kept)).isEmpty();

        // The console shows a refusal on the subject page, the number never again.
        String page = mvc.perform(post("/console/subjects/{id}/joins", kept).param("joinDocumentType", "PASSPORT")
                        .param("joinNumber", otherName).param("joinReference", "护照换发记录")
                        .param("joinReason", "同一人").param("purpose", "DATA_QUALITY")
                        .with(authentication(cn.chengxin.support.Principals.staff("join-clerk", "CREDIT_OFFICE",
                                Permission.SUBJECT_READ, Permission.SUBJECT_AMEND)))
                        .with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("subject-join-form", "姓名不一致").doesNotContain(otherName);
    }

    private String proposing(UUID kept, String type, String number) {
        return code(() -> AsStaff.as("join-a", () -> joining.propose(kept, type, number, "护照换发记录", "同一人")));
    }

    private static List<org.springframework.security.core.authority.SimpleGrantedAuthority> authorities(
            String... names) {
        return java.util.Arrays.stream(names)
                .map(org.springframework.security.core.authority.SimpleGrantedAuthority::new).toList();
    }

    /** The code of the refusal, or "joined" when the call went through. */
    private static String code(Callable<?> call) {
        try {
            call.call();
            return "joined";
        } catch (Exception e) {
            if (e instanceof DomainProblem problem) {
                return problem.code();
            }
            throw new AssertionError(e);
        }
    }

    private IdentityDocument document(String passport) {
        return registry.validate(DocumentType.PASSPORT, passport);
    }

    private static String passport() {
        return "E" + (10_000_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(89_999_999));
    }

    private UUID holder(String passport) {
        return registry.registerPerson(new NewPerson(document(passport), "史密斯", BORN, null, List.of(), List.of(),
                false));
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder check(String passport) {
        return post("/api/v1/checks").header("Authorization", "Bearer " + DemoAccounts.API_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"subjectNumber\":\"" + passport + "\",\"documentType\":\"PASSPORT\","
                        + "\"scenario\":\"TRAVEL\",\"purpose\":\"购票审查\"}");
    }

    /** A court's record of a judgment not performed, its black-list entry approved by a reviewer. */
    private UUID courtListed(UUID holder, String passport) throws Exception {
        String caseNumber = "(2026)豫1702执" + java.util.concurrent.ThreadLocalRandom.current().nextInt(100, 1000)
                + "号";
        mvc.perform(post("/api/v1/submissions").header("Authorization", "Bearer " + courtKey())
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"records\":[{\"itemCode\":\"P_COURT_DEFAULTER\",\"documentType\":\"PASSPORT\","
                                + "\"subjectNumber\":\"" + passport + "\",\"subjectName\":\"史密斯\","
                                + "\"sourceRecordId\":\"PJ-"
                                + UUID.randomUUID() + "\",\"decisionNumber\":\"" + caseNumber + "\","
                                + "\"decisionDate\":\"2026-03-02\",\"fields\":{\"case_number\":\"" + caseNumber + "\","
                                + "\"court\":\"驿城区人民法院\",\"obligation\":\"给付货款\",\"performance\":\"全部未履行\","
                                + "\"behaviour\":\"违反限制消费令\"}}]}"))
                .andExpect(jsonPath("$.accepted").value(1));
        ListEntry proposal = await().atMost(Duration.ofSeconds(10)).until(() -> listing.entriesOf(holder)
                .stream().filter(e -> e.listType() == ListType.BLACK && e.status() == EntryStatus.PROPOSED)
                .findFirst().orElse(null), e -> e != null);
        mvc.perform(post("/console/lists/{id}/approve", proposal.id()).param("note", "核实无误")
                        .with(user("reviewer-pj").authorities(authorities("STAFF", "console:home", "list:review")))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        return proposal.id();
    }

    private String courtKey() {
        UUID court = directory.departments().stream().filter(d -> d.code().equals("COURT")).findFirst().orElseThrow()
                .id();
        return apiClients.issue("法院报送系统", "COURT", cn.chengxin.account.ApiClient.Kind.DEPARTMENT, court,
                Set.of(cn.chengxin.shared.security.Permission.RECORD_SUBMIT), 6000).key();
    }
}
