package cn.chengxin.listing;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.account.ApiClient;
import cn.chengxin.account.ApiClients;
import cn.chengxin.account.Department;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.TestCitizens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import static cn.chengxin.support.ConsoleStaff.staff;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Gaps review xliii X2 (RULES.md §7; README 迁移与切换): list entries the older system decided come over in force with
 * their history, by a file one clerk uploads and another approves — each bad row refused with its line and reason,
 * nothing stored before the approval, no prior notice issued or texted again, the check answering "listed" from the
 * entry's day of effect, and the back-loaded record of a migrated decision proposing no second entry.
 */
@IntegrationTest
class ListMigrationIT {

    private static final String HEADER = "number,name,list,rule,act_day,effective_from,valid_until,notice_issued_on,"
            + "notice_served_on,notice_channel,department,document_number\n";

    @Autowired
    MockMvc mvc;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    Listing listing;

    @Autowired
    ListMigrations migrations;

    @Autowired
    StaffDirectory directory;

    @Autowired
    ApiClients apiClients;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    java.time.Clock clock;

    private String hrChecks;
    private String courtSubmits;

    @BeforeEach
    void keys() {
        if (directory.departments().stream().noneMatch(d -> d.code().equals("HRSS"))) {
            directory.createDepartment("HRSS", "市人力资源和社会保障局", Department.Kind.DATA_PROVIDER, List.of());
        }
        hrChecks = key("HRSS", Permission.API_SUBJECT_CHECK);
        courtSubmits = key("COURT", Permission.RECORD_SUBMIT);
    }

    @Test
    void aBatchIsCheckedRowByRowAndStoredInForceOnlyOnceASecondPersonApprovesIt() throws Exception {
        LocalDate today = LocalDate.now(clock);
        ZoneId zone = clock.getZone();
        TestCitizens.Person defaulter = TestCitizens.register(subjects, "闵若飞");
        TestCitizens.Person taxed = TestCitizens.register(subjects, "欧阳清");
        TestCitizens.Person penalised = TestCitizens.register(subjects, "蒲晓岚");
        TestCitizens.Person minor = TestCitizens.register(subjects, "邰小舟", today.minusYears(16));
        UUID defaulterId = subjectOf(defaulter);
        UUID taxedId = subjectOf(taxed);
        UUID penalisedId = subjectOf(penalised);
        LocalDate decided = today.minusMonths(15);
        LocalDate old = today.minusYears(3);
        String csv = HEADER
                // 2: a court's listing (no prior notice of the platform's rule), in force
                + row(defaulter, "BLACK", "BLACK_COURT_DEFAULTER", decided, decided, decided.plusYears(2), "", "", "",
                "(2025)豫1702执12号")
                // 3: a tax authority's listing, its prior notice issued, served by post, then in force
                + row(taxed, "BLACK", "BLACK_TAX_SERIOUS", decided, decided.plusDays(10), decided.plusYears(3),
                decided.plusDays(1), decided.plusDays(4), "POST", "驻税稽罚〔2025〕7号")
                // 4: an entry ended before the cut-over: stored ended, never in force here
                + row(penalised, "GREY", "GREY_ADMIN_PENALTY_SERIOUS", old, old, old.plusYears(1), "", "", "",
                "驻市监罚〔2023〕3号")
                // 5: a number that is none
                + "12345,某某,BLACK,BLACK_COURT_DEFAULTER," + decided + "," + decided + "," + decided.plusYears(2)
                + ",,,,COURT,(2025)豫1702执13号\n"
                // 6: a rule the platform does not have
                + row(taxed, "BLACK", "BLACK_OLD_SYSTEM_CODE", decided, decided, decided.plusYears(2), "", "", "",
                "X-1")
                // 7: served before it was issued (NoticeServing)
                + row(defaulter, "BLACK", "BLACK_TAX_SERIOUS", decided, decided.plusDays(10), decided.plusYears(3),
                decided.plusDays(4), decided.plusDays(1), "POST", "X-2")
                // 8: valid longer than 3 years from the act day
                + row(penalised, "GREY", "GREY_ADMIN_PENALTY_SERIOUS", decided, decided, decided.plusYears(3).plusDays(1),
                "", "", "", "X-3")
                // 9: another person's name under the number
                + row(new TestCitizens.Person(taxed.number(), "别的人", ""), "RED", "RED_COMMENDATION", decided, decided,
                decided.plusYears(2), decided, decided, "IN_PERSON", "X-4")
                // 10: the subject twice for one rule in the file
                + row(defaulter, "BLACK", "BLACK_COURT_DEFAULTER", decided.minusDays(3), decided, decided.plusYears(2),
                "", "", "", "(2025)豫1702执14号")
                // 11: a minor at the act (RULES.md §6)
                + row(minor, "BLACK", "BLACK_COURT_DEFAULTER", decided, decided, decided.plusYears(2), "", "", "",
                "(2025)豫1702执15号");

        MvcResult uploaded = upload("clerk-m1", csv).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("successKey", "listMigrations.uploaded")).andReturn();
        UUID batchId = (UUID) uploaded.getFlashMap().get("uploaded");
        MigrationBatch batch = migrations.batch(batchId).orElseThrow();
        assertThat(batch.rows()).isEqualTo(10);
        assertThat(batch.accepted()).isEqualTo(3);
        assertThat(batch.refused().get(0).line()).isEqualTo(5L);
        assertThat(batch.refused().get(0).code()).as("the registry's refusal of the number").startsWith("ID_");
        assertThat(batch.refused().subList(1, batch.refused().size()))
                .extracting(MigrationBatch.RefusedRow::line, MigrationBatch.RefusedRow::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(6L, "LIST_MIGRATION_RULE_UNKNOWN"),
                        org.assertj.core.groups.Tuple.tuple(7L, "LIST_MIGRATION_ROW_INVALID"),
                        org.assertj.core.groups.Tuple.tuple(8L, "LIST_MIGRATION_ROW_INVALID"),
                        org.assertj.core.groups.Tuple.tuple(9L, "SUBJECT_NAME_MISMATCH"),
                        org.assertj.core.groups.Tuple.tuple(10L, "LIST_MIGRATION_ALREADY_LISTED"),
                        org.assertj.core.groups.Tuple.tuple(11L, "LIST_MINOR"));
        assertThat(batch.refused().get(2).reason()).contains("送达日期不得早于告知书出具日期");
        assertThat(batch.refused().get(3).reason()).contains("自认定决定日期起最长 3 年");
        assertThat(listing.entriesOf(defaulterId)).as("nothing stored before the second person's approval").isEmpty();
        String page = mvc.perform(get("/console/list-migrations").with(staff("reviewer-m1", "list:review")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"row-" + batchId + "-2\"", "驻税稽罚〔2025〕7号")
                .doesNotContain(defaulter.number()).doesNotContain(taxed.number());

        // The uploader may not approve their own batch (双人复核).
        mvc.perform(post("/console/list-migrations/{id}/approve", batchId)
                        .with(staff("clerk-m1", "list:review", "list:propose")).with(csrf()))
                .andExpect(flash().attribute("failureCode", "LIST_MIGRATION_SELF_REVIEW"));
        assertThat(listing.entriesOf(defaulterId)).isEmpty();

        mvc.perform(post("/console/list-migrations/{id}/approve", batchId).param("note", "与原平台台账核对一致")
                        .with(staff("reviewer-m1", "list:review")).with(csrf()))
                .andExpect(flash().attribute("successKey", "listMigrations.approved"));

        ListEntry court = listing.entriesOf(defaulterId).stream().collect(onlyOne());
        assertThat(court.status()).isEqualTo(EntryStatus.EFFECTIVE);
        assertThat(court.ruleCode()).isEqualTo("BLACK_COURT_DEFAULTER");
        assertThat(court.effectiveFrom()).isEqualTo(decided.atStartOfDay(zone).toInstant());
        assertThat(court.validUntil()).isEqualTo(decided.plusYears(2));
        assertThat(court.actDay()).isEqualTo(decided);
        assertThat(court.proposedBy()).isEqualTo("clerk-m1");
        assertThat(court.reviewedBy()).isEqualTo("reviewer-m1");
        ListEntry tax = listing.entriesOf(taxedId).stream().collect(onlyOne());
        assertThat(tax.status()).isEqualTo(EntryStatus.EFFECTIVE);
        assertThat(tax.seriousGround()).as("the rule's ground of 国办发〔2020〕49号").isNotNull();
        assertThat(listing.entriesOf(penalisedId)).singleElement().satisfies(e -> {
            assertThat(e.status()).as("over before the cut-over").isEqualTo(EntryStatus.EXITED);
            assertThat(e.exitedAt()).isEqualTo(old.plusYears(1).plusDays(1).atStartOfDay(zone).toInstant());
        });
        for (UUID subject : List.of(defaulterId, taxedId, penalisedId)) {
            assertThat(listing.noticesOf(subject)).as("no notice issued again").isEmpty();
            assertThat(jdbc.sql("SELECT count(*) FROM account.notice WHERE subject_id = ?").param(subject)
                    .query(Long.class).single()).as("nothing sent to the person's self-service or phone").isZero();
        }
        assertThat(migrations.migratedFrom(tax.id())).hasValueSatisfying(r -> {
            assertThat(r.noticeServedOn()).isEqualTo(decided.plusDays(4));
            assertThat(r.noticeChannel()).isEqualTo(NoticeDelivery.Channel.POST);
        });
        String entryPage = mvc.perform(get("/console/lists/{id}", tax.id()).with(staff("reviewer-m1", "list:review")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(entryPage).contains("id=\"migrated-from\"", "原信用信息平台认定并迁移", "驻税稽罚〔2025〕7号",
                "id=\"migrated-notice\"", "邮寄送达").doesNotContain(taxed.number());

        // The check answers "listed" as for any entry in force, from its day of effect.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> check(defaulter.number())
                .andExpect(jsonPath("$.entries[0].listType").value("BLACK"))
                .andExpect(jsonPath("$.entries[0].effectiveFrom").value(court.effectiveFrom().toString())));

        // Audited listing.migrate: the upload, the refused self-approval, each entry under its subject, the approval.
        assertThat(events("MIGRATION_UPLOADED", batchId)).isEqualTo(1);
        assertThat(events("MIGRATION_OWN_BATCH", batchId)).isEqualTo(1);
        assertThat(events("MIGRATION_APPROVED", batchId)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'listing.migrate' AND subject_pseudonym = ?")
                .param(subjects.pseudonymOf(subjects.validate(null, defaulter.number()))).query(Long.class).single())
                .isEqualTo(1L);

        // Sent again, the rows are refused: the subjects are listed already, the ended decision migrated already.
        UUID again = (UUID) upload("clerk-m2", csv).andReturn().getFlashMap().get("uploaded");
        assertThat(migrations.batch(again).orElseThrow().refused()).filteredOn(r -> r.line() <= 4)
                .extracting(MigrationBatch.RefusedRow::code).containsExactly("LIST_MIGRATION_ALREADY_LISTED",
                        "LIST_MIGRATION_ALREADY_LISTED", "LIST_MIGRATION_ALREADY_MIGRATED");
    }

    @Test
    void theBackLoadedRecordOfAMigratedDecisionProposesNoSecondEntry() throws Exception {
        LocalDate today = LocalDate.now(clock);
        LocalDate decided = today.minusMonths(10);
        TestCitizens.Person before = TestCitizens.register(subjects, "冉知秋");
        TestCitizens.Person after = TestCitizens.register(subjects, "戚望舒");
        UUID beforeId = subjectOf(before);
        UUID afterId = subjectOf(after);
        // Loaded before the entries: the rule evaluation proposed it, waiting for review.
        submit(courtRecord(before, decided, "(2026)豫1702执201号"));
        ListEntry proposal = await().atMost(Duration.ofSeconds(10)).until(() -> listing.entriesOf(beforeId).stream()
                .findFirst().orElse(null), e -> e != null);
        assertThat(proposal.status()).isEqualTo(EntryStatus.PROPOSED);

        String csv = HEADER + row(before, "BLACK", "BLACK_COURT_DEFAULTER", decided, decided, decided.plusYears(2), "",
                "", "", "(2026)豫1702执201号") + row(after, "BLACK", "BLACK_COURT_DEFAULTER", decided, decided,
                decided.plusYears(2), "", "", "", "(2026)豫1702执202号");
        UUID batchId = (UUID) upload("clerk-m3", csv).andReturn().getFlashMap().get("uploaded");
        assertThat(migrations.batch(batchId).orElseThrow().accepted()).isEqualTo(2);
        mvc.perform(post("/console/list-migrations/{id}/approve", batchId).with(staff("reviewer-m3", "list:review"))
                .with(csrf())).andExpect(flash().attribute("successKey", "listMigrations.approved"));

        assertThat(listing.entry(proposal.id()).orElseThrow().status()).as("superseded by the migrated decision")
                .isEqualTo(EntryStatus.REJECTED);
        assertThat(listing.entriesOf(beforeId)).filteredOn(e -> e.status().open()).singleElement()
                .satisfies(e -> assertThat(e.status()).isEqualTo(EntryStatus.EFFECTIVE));

        // Loaded after the entries: the evaluation (after the chunk, and again here) proposes nothing.
        submit(courtRecord(after, decided, "(2026)豫1702执202号"));
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT count(*) FROM creditfile.record WHERE subject_id = ? AND current").param(afterId)
                .query(Long.class).single() == 1L);
        listing.evaluate(List.of(afterId, beforeId));
        assertThat(listing.entriesOf(afterId)).singleElement()
                .satisfies(e -> assertThat(e.status()).isEqualTo(EntryStatus.EFFECTIVE));
        assertThat(listing.entriesOf(beforeId)).hasSize(2);
    }

    /**
     * A migrated decision whose record was back-loaded before rests on that record, as an entry the rule evaluation
     * proposed does (found by its document number, or by the old platform's id of the record when the row names it):
     * the record's revocation ends it; until then the evaluation neither proposes it again nor redoes its days.
     */
    @Test
    void aMigratedEntryRestsOnItsBackLoadedRecordAndEndsWithItsRevocation() throws Exception {
        LocalDate today = LocalDate.now(clock);
        LocalDate decided = today.minusMonths(8);
        TestCitizens.Person byNumber = TestCitizens.register(subjects, "阙怀瑾");
        TestCitizens.Person byOldId = TestCitizens.register(subjects, "廉思远");
        TestCitizens.Person unmatched = TestCitizens.register(subjects, "訾晓山");
        UUID byNumberId = subjectOf(byNumber);
        UUID byOldIdId = subjectOf(byOldId);
        UUID unmatchedId = subjectOf(unmatched);
        String source = "SX-" + UUID.randomUUID();
        submit(courtRecord(byNumber, decided, "(2026)豫1702执401号", source, null));
        // A back-load naming the old platform's id; the row names the id and a document number the record does not.
        String migrationKey = apiClients.issue("COURT 迁移系统", "COURT", ApiClient.Kind.DEPARTMENT,
                directory.departments().stream().filter(d -> d.code().equals("COURT")).findFirst().orElseThrow().id(),
                Set.of(Permission.RECORD_SUBMIT, Permission.RECORD_MIGRATE), 6000).key();
        mvc.perform(post("/api/v1/submissions").header("Authorization", "Bearer " + migrationKey)
                        .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"origin\":\"MIGRATION\",\"records\":[" + courtRecord(byOldId, decided,
                                "(2026)豫1702执402号", "SX-" + UUID.randomUUID(), "OLD-SX-402") + "]}"))
                .andExpect(jsonPath("$.accepted").value(1));
        submit(courtRecord(unmatched, decided, "(2026)豫1702执403号", "SX-" + UUID.randomUUID(), null));
        for (UUID subject : List.of(byNumberId, byOldIdId, unmatchedId)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> !listing.entriesOf(subject).isEmpty());
        }
        UUID record = recordOf(byNumberId);
        UUID oldRecord = recordOf(byOldIdId);

        String csv = HEADER.strip() + ",legacy_source_id\n"
                + row(byNumber, "BLACK", "BLACK_COURT_DEFAULTER", decided, decided, decided.plusYears(2), "", "", "",
                "(2026)豫1702执401号").strip() + ",\n"
                + row(byOldId, "BLACK", "BLACK_COURT_DEFAULTER", decided, decided, decided.plusYears(2), "", "", "",
                "旧平台台账 402").strip() + ",OLD-SX-402\n"
                // Its record's number differs: the entry rests on no record, ended by its last day or an exit only.
                + row(unmatched, "BLACK", "BLACK_COURT_DEFAULTER", decided, decided, decided.plusYears(2), "", "", "",
                "(2026)豫1702执499号").strip() + ",\n";
        UUID batchId = (UUID) upload("clerk-m7", csv).andReturn().getFlashMap().get("uploaded");
        assertThat(migrations.batch(batchId).orElseThrow().accepted()).isEqualTo(3);
        mvc.perform(post("/console/list-migrations/{id}/approve", batchId).with(staff("reviewer-m7", "list:review"))
                .with(csrf())).andExpect(flash().attribute("successKey", "listMigrations.approved"));

        ListEntry onNumber = open(byNumberId);
        ListEntry onOldId = open(byOldIdId);
        assertThat(onNumber.status()).isEqualTo(EntryStatus.EFFECTIVE);
        assertThat(onNumber.recordKey()).as("the record of its document number").isEqualTo(record);
        assertThat(onOldId.recordKey()).as("the record the old platform knew by the row's id").isEqualTo(oldRecord);
        assertThat(open(unmatchedId).recordKey()).isNull();

        // Evaluated again, nothing is proposed and the older system's days stay.
        listing.evaluate(List.of(byNumberId, byOldIdId, unmatchedId));
        assertThat(open(byNumberId)).satisfies(e -> {
            assertThat(e.id()).isEqualTo(onNumber.id());
            assertThat(e.validUntil()).isEqualTo(decided.plusYears(2));
        });
        assertThat(open(byOldIdId).id()).isEqualTo(onOldId.id());

        // The department revokes the record: the entry ends as any entry resting on it; the others stand.
        mvc.perform(post("/api/v1/submissions").header("Authorization", "Bearer " + courtSubmits)
                        .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"records\":[{\"itemCode\":\"P_COURT_DEFAULTER\",\"subjectNumber\":\""
                                + byNumber.number() + "\",\"subjectName\":\"" + byNumber.name() + "\","
                                + "\"sourceRecordId\":\"" + source + "\",\"version\":\"2\",\"action\":\"REVOKE\","
                                + "\"revocationReason\":\"原判决已撤销\"}]}"))
                .andExpect(jsonPath("$.accepted").value(1));
        listing.evaluate(List.of(byNumberId, byOldIdId, unmatchedId));
        assertThat(listing.entry(onNumber.id()).orElseThrow().status()).as("ended with its record")
                .isEqualTo(EntryStatus.EXITED);
        assertThat(listing.entry(onOldId.id()).orElseThrow().status()).isEqualTo(EntryStatus.EFFECTIVE);
        assertThat(open(unmatchedId).status()).isEqualTo(EntryStatus.EFFECTIVE);
    }

    /**
     * A court lists a defaulter able to perform and refusing without a term (法释〔2017〕7号第一条第一项、第十条): such a
     * row comes without its last day and stays in force until an exit; every other list keeps its term, refused empty.
     */
    @Test
    void aCourtListingWithoutATermStaysInForceUntilItsExit() throws Exception {
        LocalDate today = LocalDate.now(clock);
        LocalDate decided = today.minusYears(4);
        TestCitizens.Person refusing = TestCitizens.register(subjects, "宦守拙");
        TestCitizens.Person taxed = TestCitizens.register(subjects, "竺明远");
        UUID refusingId = subjectOf(refusing);
        String csv = HEADER
                // 2: a court's listing with no term: in force four years on
                + row(refusing, "BLACK", "BLACK_COURT_DEFAULTER", decided, decided, null, "", "", "",
                "(2022)豫1702执88号")
                // 3: a tax listing has its term: an empty last day is refused
                + row(taxed, "BLACK", "BLACK_TAX_SERIOUS", today.minusMonths(3), today.minusMonths(3).plusDays(10),
                null, today.minusMonths(3).plusDays(1), today.minusMonths(3).plusDays(4), "POST", "驻税稽罚〔2026〕9号");
        UUID batchId = (UUID) upload("clerk-m6", csv).andReturn().getFlashMap().get("uploaded");
        MigrationBatch batch = migrations.batch(batchId).orElseThrow();
        assertThat(batch.accepted()).isEqualTo(1);
        assertThat(batch.refused()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(3L);
            assertThat(r.code()).isEqualTo("LIST_MIGRATION_ROW_INVALID");
            assertThat(r.reason()).contains("须填写有效期至", "只有人民法院纳入的失信被执行人名单可不填");
        });
        String page = mvc.perform(get("/console/list-migrations").with(staff("reviewer-m6", "list:review")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).as("the code's label beside it, the open end as such")
                .contains("迁移文件的这一行不合要求", decided + " — 未定期限");
        String english = mvc.perform(get("/console/list-migrations").param("lang", "en")
                        .with(staff("reviewer-m6", "list:review"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(english).contains("This row of the migration file is not as required", "no fixed term");

        mvc.perform(post("/console/list-migrations/{id}/approve", batchId).with(staff("reviewer-m6", "list:review"))
                .with(csrf())).andExpect(flash().attribute("successKey", "listMigrations.approved"));
        ListEntry entry = listing.entriesOf(refusingId).stream().collect(onlyOne());
        assertThat(entry.status()).isEqualTo(EntryStatus.EFFECTIVE);
        assertThat(entry.validUntil()).as("open-ended, not a day made up").isNull();
        assertThat(entry.inForce(today.plusYears(10))).isTrue();
        assertThat(migrations.migratedFrom(entry.id())).hasValueSatisfying(r -> assertThat(r.validUntil()).isNull());
        assertThat(mvc.perform(get("/console/lists/{id}", entry.id()).with(staff("reviewer-m6", "list:review")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("id=\"valid-until\">未定期限");

        // The nightly expiry leaves it; the check answers "listed" until the court's deletion is recorded as an exit.
        listing.expireDue();
        assertThat(listing.entry(entry.id()).orElseThrow().status()).isEqualTo(EntryStatus.EFFECTIVE);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> check(refusing.number())
                .andExpect(jsonPath("$.entries[0].listType").value("BLACK")));
        listing.exit(entry.id(), "已履行生效法律文书确定的义务，人民法院已删除失信信息");
        assertThat(listing.entry(entry.id()).orElseThrow().status()).isEqualTo(EntryStatus.EXITED);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> check(refusing.number())
                .andExpect(jsonPath("$.entries").isEmpty()));
    }

    @Test
    void aRejectedBatchStoresNothing() throws Exception {
        LocalDate decided = LocalDate.now(clock).minusMonths(6);
        TestCitizens.Person person = TestCitizens.register(subjects, "宓长河");
        UUID batchId = (UUID) upload("clerk-m4", HEADER + row(person, "BLACK", "BLACK_COURT_DEFAULTER", decided,
                decided, decided.plusYears(2), "", "", "", "(2026)豫1702执301号")).andReturn().getFlashMap()
                .get("uploaded");
        mvc.perform(post("/console/list-migrations/{id}/reject", batchId).with(staff("reviewer-m4", "list:review"))
                .with(csrf())).andExpect(flash().attribute("failureCode", "REVIEW_NOTE_REQUIRED"));
        mvc.perform(post("/console/list-migrations/{id}/reject", batchId).param("note", "文书号与台账不符")
                .with(staff("reviewer-m4", "list:review")).with(csrf()))
                .andExpect(flash().attribute("successKey", "listMigrations.rejected"));

        assertThat(migrations.batch(batchId).orElseThrow().status()).isEqualTo(MigrationBatch.Status.REJECTED);
        assertThat(listing.entriesOf(subjectOf(person))).isEmpty();
        assertThat(events("MIGRATION_REJECTED", batchId)).isEqualTo(1);
        mvc.perform(post("/console/list-migrations/{id}/approve", batchId).with(staff("reviewer-m5", "list:review"))
                .with(csrf())).andExpect(flash().attribute("failureCode", "LIST_MIGRATION_DECIDED"));
    }

    private ResultActions upload(String clerk, String csv) throws Exception {
        return mvc.perform(multipart("/console/list-migrations")
                .file(new MockMultipartFile("file", "old-lists.csv", "text/csv", csv.getBytes(UTF_8)))
                .with(staff(clerk, "list:propose")).with(csrf()));
    }

    private static String row(TestCitizens.Person who, String list, String rule, LocalDate act, LocalDate effective,
                              LocalDate until, Object issued, Object served, String channel, String document) {
        return String.join(",", who.number(), who.name(), list, rule, act.toString(), effective.toString(),
                until == null ? "" : until.toString(), issued.toString(), served.toString(), channel, "COURT",
                document) + "\n";
    }

    /** The subject's one open entry. */
    private ListEntry open(UUID subject) {
        return listing.entriesOf(subject).stream().filter(e -> e.status().open()).collect(onlyOne());
    }

    private UUID recordOf(UUID subject) {
        return jdbc.sql("SELECT record_key FROM creditfile.record WHERE subject_id = ? AND current").param(subject)
                .query(UUID.class).single();
    }

    private UUID subjectOf(TestCitizens.Person person) {
        return subjects.find(subjects.validate(null, person.number())).orElseThrow();
    }

    private long events(String code, UUID batch) {
        return jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'listing.migrate' AND detail LIKE ? "
                + "AND detail LIKE ?").params("%" + code + "%", "%" + batch + "%").query(Long.class).single();
    }

    private static <T> java.util.stream.Collector<T, ?, T> onlyOne() {
        return java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toList(), list -> {
            assertThat(list).hasSize(1);
            return list.get(0);
        });
    }

    private ResultActions check(String number) throws Exception {
        return mvc.perform(post("/api/v1/checks").header("Authorization", "Bearer " + hrChecks)
                .contentType(MediaType.APPLICATION_JSON).content("{\"subjectNumber\":\"" + number
                        + "\",\"scenario\":\"HIRING\",\"purpose\":\"审批业务编号 2026-M01\"}"));
    }

    private void submit(String record) throws Exception {
        mvc.perform(post("/api/v1/submissions").header("Authorization", "Bearer " + courtSubmits)
                        .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"records\":[" + record + "]}"))
                .andExpect(jsonPath("$.accepted").value(1));
    }

    private static String courtRecord(TestCitizens.Person who, LocalDate decided, String number) {
        return courtRecord(who, decided, number, "SX-" + UUID.randomUUID(), null);
    }

    private static String courtRecord(TestCitizens.Person who, LocalDate decided, String number, String sourceId,
                                      String legacyId) {
        return "{\"itemCode\":\"P_COURT_DEFAULTER\",\"subjectNumber\":\"" + who.number() + "\",\"subjectName\":\""
                + who.name() + "\",\"sourceRecordId\":\"" + sourceId + "\",\"version\":\"1\","
                + (legacyId == null ? "" : "\"legacySourceId\":\"" + legacyId + "\",")
                + "\"action\":\"ADD\",\"decisionNumber\":\"" + number + "\",\"decisionDate\":\"" + decided + "\","
                + "\"fields\":{\"case_number\":\"" + number + "\",\"court\":\"驿城区人民法院\",\"obligation\":\"给付货款\","
                + "\"performance\":\"全部未履行\",\"behaviour\":\"违反限制消费令\"}}";
    }

    private String key(String department, Permission permission) {
        UUID departmentId = directory.departments().stream().filter(d -> d.code().equals(department)).findFirst()
                .orElseThrow().id();
        return apiClients.issue(department + " 系统", department, ApiClient.Kind.DEPARTMENT, departmentId,
                Set.of(permission), 6000).key();
    }
}
