package cn.chengxin.creditfile;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.account.ApiClients;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.catalog.Catalogue;
import cn.chengxin.catalog.CatalogueItem;
import cn.chengxin.listing.ListEntry;
import cn.chengxin.listing.Listing;
import cn.chengxin.listing.ListType;
import cn.chengxin.listing.domain.ListRule;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.support.CatalogueVersions;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Principals;
import cn.chengxin.support.RuleVersions;
import cn.chengxin.support.TestCitizens;
import cn.chengxin.support.TestRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static cn.chengxin.support.ConsoleStaff.staff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue #4, RULES.md §5 (Henan Art. 42): an item withdrawn because its legal basis was revoked takes its records out of
 * display and use — at once, in bulk, each with the revoking document as its reason — while an item withdrawn by a
 * catalogue revision keeps them as before.
 */
@IntegrationTest
class BasisRevokedWithdrawalIT {

    private static final String REVOKING = "《某省人民代表大会常务委员会关于废止〈某市场管理条例〉的决定》";

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiClients apiClients;

    @Autowired
    StaffDirectory directory;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    Catalogue catalogue;

    @Autowired
    CreditFile creditFile;

    @Autowired
    Listing listing;

    @Autowired
    WithdrawingRecords withdrawing;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @Test
    void aRevokedBasisWithdrawsTheItemsRecordsEverywhereTheyWereShownOrUsed() throws Exception {
        String item = penaltyItem("P_BR_", "测试：依据已废止的处罚");
        String rule = "GREY_BR_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        java.util.function.Function<Boolean, ListRule> grey = enabled -> new ListRule(rule, 0, ListType.GREY,
                "测试：依据已废止的处罚", Set.of(item), null, null, "国办发〔2020〕49号", 12, 0, "期满移出", enabled);
        RuleVersions.put(listing, grey.apply(true));
        try {
            TestCitizens.Person fined = TestCitizens.register(subjects, "单慕遥");
            TestCitizens.Person other = TestCitizens.register(subjects, "单清和");
            String decisionNumber = "驻市监罚〔2026〕" + (100_000 + System.nanoTime() % 900_000) + "号";
            deliver(fined, item, decisionNumber);
            deliver(other, item, decisionNumber + "之二");
            UUID subject = subjects.find(subjects.validate(null, fined.number())).orElseThrow();
            UUID otherSubject = subjects.find(subjects.validate(null, other.number())).orElseThrow();
            await().atMost(Duration.ofSeconds(10)).until(() -> entry(subject, rule).isPresent());
            mvc.perform(get("/disclosures").param("q", decisionNumber))
                    .andExpect(content().string(containsString("<td>" + decisionNumber + "</td>")));

            String page = "/console/catalog/" + item;
            mvc.perform(get(page).with(staff("目录经办", "catalog:edit"))).andExpect(status().isOk())
                    .andExpect(content().string(containsString("value=\"BASIS_REVOKED\"")));
            mvc.perform(post(page + "/withdraw").with(staff("目录经办", "catalog:edit")).with(csrf())
                            .param("kind", "BASIS_REVOKED").param("reason", "所依据的条例已废止")
                            .param("basis", REVOKING))
                    .andExpect(flash().attribute("successKey", "catalog.withdrawalProposed"));
            int version = CatalogueVersions.pending(catalogue, item);
            assertThat(creditFile.fileOf(subject)).as("nothing withdrawn before a second person approves")
                    .allMatch(e -> e.status() == RecordStatus.ACTIVE);
            mvc.perform(post(page + "/approve").with(staff("目录经办", "catalog:approve")).with(csrf())
                            .param("version", String.valueOf(version)))
                    .andExpect(flash().attribute("failureCode", "FOUR_EYES"));
            mvc.perform(post(page + "/approve").with(staff("目录审核", "catalog:approve")).with(csrf())
                            .param("version", String.valueOf(version)))
                    .andExpect(flash().attribute("successKey", "catalog.withdrawalApproved"));

            await().atMost(Duration.ofSeconds(15)).until(() -> catalogue.active(item).map(CatalogueItem::recordsWithdrawn)
                    .filter(CatalogueItem.RecordsWithdrawn::finished).isPresent());
            assertThat(catalogue.active(item).orElseThrow().recordsWithdrawn().records()).isEqualTo(2);
            String reason = "所依据的法律法规已废止或失效（" + REVOKING + "），该信息不再展示和使用";
            for (UUID s : List.of(subject, otherSubject)) {
                assertThat(creditFile.fileAsShown(s)).singleElement().satisfies(e -> {
                    assertThat(e.status()).isEqualTo(RecordStatus.REVOKED);
                    assertThat(e.revocationReason()).isEqualTo(reason);
                });
            }
            assertThat(jdbc.sql("""
                            SELECT e.from_status || '>' || e.to_status || ':' || e.by_whom || ':' || e.reason
                            FROM creditfile.record r JOIN creditfile.record_event e ON e.record_id = r.id
                            WHERE r.subject_id = ? AND e.from_status IS NOT NULL""").param(subject)
                    .query(String.class).list()).as("the record's history names the approver and the document")
                    .containsExactly("ACTIVE>REVOKED:目录审核:" + reason);

            // The subject reads why on their file; staff see it revoked, not in force.
            String own = mvc.perform(get("/me/file").with(authentication(Principals.citizen(subjects, subject))))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(own).contains("<span data-field=\"revocation-reason\">撤销原因：" + reason + "</span>",
                    RecordStatus.REVOKED.label());
            String console = mvc.perform(post("/console/file").param("number", fined.number())
                            .param("purpose", "ADMINISTRATIVE_LICENSING").with(csrf()).with(authentication(
                                    Principals.staff("信用办-br", "CREDIT_OFFICE", Permission.CONSOLE_HOME,
                                            Permission.SUBJECT_READ))))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(console).contains("<span data-field=\"revocation-reason\">撤销原因：" + reason + "</span>",
                    RecordStatus.REVOKED.label()).doesNotContain(fined.number());
            mvc.perform(get("/disclosures").param("q", decisionNumber))
                    .andExpect(content().string(not(containsString("<td>" + decisionNumber + "</td>"))));
            // The grey-list entry resting only on the record ends (listing re-evaluates on the records' change).
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(entry(subject, rule))
                    .hasValueSatisfying(e -> assertThat(e.status().open()).isFalse()));


            // The console shows the withdrawal's kind and how many records it withdrew; the public catalogue its kind.
            mvc.perform(get(page).with(staff("目录查阅"))).andExpect(status().isOk())
                    .andExpect(content().string(containsString("废止原因：依据废止/失效")))
                    .andExpect(content().string(containsString("data-records=\"2\"")))
                    .andExpect(content().string(containsString("已撤回该事项的记录 2 条")));
            mvc.perform(get("/api/v1/catalog/items")).andExpect(status().isOk()).andExpect(jsonPath(
                    "$[?(@.definition.code == '" + item + "')].withdrawal.kind").value("BASIS_REVOKED"));
            mvc.perform(get("/catalog")).andExpect(content().string(containsString("依据废止/失效：此前归集的信息已撤回")));
            assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'creditfile.basis-revoked' "
                    + "AND detail LIKE ?").param("reason=BASIS_REVOKED_WITHDRAWN; item=" + item + "; version=" + version
                    + "; records=2; subjects=%").query(Long.class).single()).isOne();

            // A pass run again (a restart finding it unfinished) withdraws nothing more and counts nothing twice.
            jdbc.sql("UPDATE creditfile.basis_revocation_pass SET finished_at = NULL WHERE item_code = ?").param(item)
                    .update();
            withdrawing.run(item, version);
            assertThat(withdrawing.pass(item, version)).hasValueSatisfying(p -> {
                assertThat(p.finished()).isTrue();
                assertThat(p.recordsPassed()).isEqualTo(2);
            });
            assertThat(catalogue.active(item).orElseThrow().recordsWithdrawn().records()).isEqualTo(2);
        } finally {
            RuleVersions.put(listing, grey.apply(false));
        }
    }

    @Test
    void aCatalogueRevisionKeepsTheRecordsDeliveredUnderTheItem() throws Exception {
        String item = penaltyItem("P_RV_", "测试：随目录修订废止的处罚");
        TestCitizens.Person fined = TestCitizens.register(subjects, "单若水");
        deliver(fined, item, "驻市监罚〔2026〕" + (100_000 + System.nanoTime() % 900_000) + "号");
        UUID subject = subjects.find(subjects.validate(null, fined.number())).orElseThrow();
        List<FileEntry> before = creditFile.fileOf(subject);

        CatalogueVersions.withdraw(catalogue, item);

        CatalogueItem withdrawn = catalogue.active(item).orElseThrow();
        assertThat(withdrawn.withdrawal().kind()).isEqualTo(cn.chengxin.catalog.domain.Withdrawal.Kind.REVISION);
        assertThat(withdrawn.recordsWithdrawn()).isNull();
        assertThat(withdrawing.pass(item, withdrawn.version())).isEmpty();
        assertThat(creditFile.fileOf(subject)).isEqualTo(before);
        assertThat(before).singleElement().extracting(FileEntry::status).isEqualTo(RecordStatus.ACTIVE);
    }

    /**
     * A department's correction stored while the withdrawal is approved: the pass revokes the versions current when
     * it reads them, and one the correction stored while the pass waited for the old version's lock was not current
     * yet — it stayed in use. The correction commits first and is withdrawn, or is refused.
     */
    @Test
    void aCorrectionStoredWhileTheWithdrawalIsApprovedIsWithdrawnToo() throws Exception {
        String item = penaltyItem("P_BRC_", "测试：更正与依据废止同时");
        TestCitizens.Person fined = TestCitizens.register(subjects, "单映雪");
        deliver(fined, item, "驻市监罚〔2026〕" + (100_000 + System.nanoTime() % 900_000) + "号");
        UUID subject = subjects.find(subjects.validate(null, fined.number())).orElseThrow();
        NewRecord correction = nextVersion(subject, item, RecordAction.UPDATE, "更正后的违法事实");
        String page = "/console/catalog/" + item;
        mvc.perform(post(page + "/withdraw").with(staff("目录经办", "catalog:edit")).with(csrf())
                        .param("kind", "BASIS_REVOKED").param("reason", "所依据的条例已废止").param("basis", REVOKING))
                .andExpect(flash().attribute("successKey", "catalog.withdrawalProposed"));
        int version = CatalogueVersions.pending(catalogue, item);

        java.util.concurrent.CountDownLatch stored = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch commit = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CompletableFuture<List<StoreOutcome>> correcting = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> new org.springframework.transaction.support.TransactionTemplate(transactions)
                        .execute(tx -> {
                            List<StoreOutcome> outcomes = creditFile.store(batchOf(subject), "部门报送",
                                    List.of(correction));
                            stored.countDown();
                            try {
                                commit.await();
                            } catch (InterruptedException e) {
                                throw new IllegalStateException(e);
                            }
                            return outcomes;
                        }));
        assertThat(stored.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        java.util.concurrent.CompletableFuture<Void> approving = java.util.concurrent.CompletableFuture.runAsync(() -> {
            try {
                mvc.perform(post(page + "/approve").with(staff("目录审核", "catalog:approve")).with(csrf())
                                .param("version", String.valueOf(version)))
                        .andExpect(flash().attribute("successKey", "catalog.withdrawalApproved"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // The approval or its pass now waits for the correction's transaction.
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql("SELECT count(*) FROM pg_locks WHERE NOT granted")
                .query(Long.class).single() > 0);
        commit.countDown();
        assertThat(correcting.get(15, java.util.concurrent.TimeUnit.SECONDS)).singleElement()
                .extracting(StoreOutcome::kind).isEqualTo(StoreOutcome.Kind.STORED);
        approving.get(15, java.util.concurrent.TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(15)).until(() -> catalogue.active(item).map(CatalogueItem::recordsWithdrawn)
                .filter(CatalogueItem.RecordsWithdrawn::finished).isPresent());
        assertThat(creditFile.fileAsShown(subject)).singleElement().satisfies(e -> {
            assertThat(e.version()).isEqualTo(2);
            assertThat(e.status()).isEqualTo(RecordStatus.REVOKED);
        });
    }

    /**
     * Once the withdrawal is approved, its pass under way or done, nothing more is stored under the item: no new
     * record, no correction or revocation of a record the pass withdraws; a replay is still one.
     */
    @Test
    void nothingIsStoredUnderAnItemWhoseRecordsAreBeingWithdrawn() throws Exception {
        String item = penaltyItem("P_BRS_", "测试：撤回中的事项");
        TestCitizens.Person fined = TestCitizens.register(subjects, "单听澜");
        String decisionNumber = "驻市监罚〔2026〕" + (100_000 + System.nanoTime() % 900_000) + "号";
        deliver(fined, item, decisionNumber);
        UUID subject = subjects.find(subjects.validate(null, fined.number())).orElseThrow();
        NewRecord correction = nextVersion(subject, item, RecordAction.UPDATE, "更正后的违法事实");
        NewRecord revocation = nextVersion(subject, item, RecordAction.REVOKE, "无照经营");
        NewRecord firstAgain = firstVersion(subject, item);
        NewRecord another = new NewRecord(subject, item, firstAgain.itemVersion(), firstAgain.departmentCode(),
                "BRS-" + UUID.randomUUID(), 1, RecordAction.ADD, decisionNumber + "之二", firstAgain.decisionDate(),
                firstAgain.content(), firstAgain.publicationEnd(), firstAgain.retentionEnd(), "fp-" + UUID.randomUUID(),
                null, null, null);
        // The pass as the approval starts it, before its first chunk ran.
        jdbc.sql("INSERT INTO creditfile.basis_revocation_pass (item_code, item_version, started_at, progressed_at) "
                + "VALUES (?, 99, now(), now())").param(item).update();
        try {
            UUID batch = batchOf(subject);
            assertThat(creditFile.store(batch, "部门报送", List.of(correction, revocation, another, firstAgain)))
                    .extracting(StoreOutcome::kind, StoreOutcome::code).containsExactly(
                            org.assertj.core.groups.Tuple.tuple(StoreOutcome.Kind.REFUSED, "RECORD_REVOKED"),
                            org.assertj.core.groups.Tuple.tuple(StoreOutcome.Kind.REFUSED, "RECORD_REVOKED"),
                            org.assertj.core.groups.Tuple.tuple(StoreOutcome.Kind.REFUSED, "ITEM_WITHDRAWN"),
                            org.assertj.core.groups.Tuple.tuple(StoreOutcome.Kind.DUPLICATE, null));
            assertThat(creditFile.fileOf(subject)).singleElement().extracting(FileEntry::version).isEqualTo(1);
        } finally {
            jdbc.sql("DELETE FROM creditfile.basis_revocation_pass WHERE item_code = ?").param(item).update();
        }
    }

    /** The subject's one record of the item as stored (its first version), sent again. */
    private NewRecord firstVersion(UUID subject, String item) {
        return jdbc.sql("""
                        SELECT item_version, department_code, source_record_id, decision_number, decision_date,
                               content::text, publication_end, retention_end, fingerprint
                        FROM creditfile.record WHERE subject_id = ? AND item_code = ? AND version = 1""")
                .params(subject, item).query((rs, n) -> new NewRecord(subject, item, rs.getInt(1), rs.getString(2),
                        rs.getString(3), 1, RecordAction.ADD, rs.getString(4), rs.getDate(5).toLocalDate(),
                        java.util.Map.of("facts", "无照经营"),
                        rs.getDate(7) == null ? null : rs.getDate(7).toLocalDate(),
                        rs.getDate(8) == null ? null : rs.getDate(8).toLocalDate(), rs.getString(9), null, null, null))
                .single();
    }

    /** The next version of the subject's one record of the item, as ingestion would store it. */
    private NewRecord nextVersion(UUID subject, String item, RecordAction action, String facts) {
        NewRecord first = firstVersion(subject, item);
        return new NewRecord(subject, item, first.itemVersion(), first.departmentCode(), first.sourceRecordId(), 2,
                action, first.decisionNumber(), first.decisionDate(), java.util.Map.of("facts", facts),
                first.publicationEnd(), first.retentionEnd(), "fp-" + UUID.randomUUID(), null, null,
                action == RecordAction.REVOKE ? "原处罚决定已撤销" : null);
    }

    private UUID batchOf(UUID subject) {
        return jdbc.sql("SELECT batch_id FROM creditfile.record WHERE subject_id = ? LIMIT 1").param(subject)
                .query(UUID.class).single();
    }

    private void deliver(TestCitizens.Person person, String item, String decisionNumber) throws Exception {
        TestRecords.deliver(mvc, apiClients, directory, new TestRecords.Penalty(person.number(), person.name(), item,
                "BR-" + UUID.randomUUID(), "1", "ADD", decisionNumber, "无照经营"));
    }

    private java.util.Optional<ListEntry> entry(UUID subject, String rule) {
        return listing.entriesOf(subject).stream().filter(e -> rule.equals(e.ruleCode())).findFirst();
    }

    /** A new item like the general administrative penalty, approved, under a fresh code. */
    private String penaltyItem(String codePrefix, String name) throws Exception {
        String item = codePrefix + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        CatalogueVersions.draft(catalogue, CatalogueVersions.copied(catalogue.active("P_ADMIN_PENALTY_GENERAL")
                .orElseThrow().definition(), item, name));
        CatalogueVersions.submit(catalogue, item);
        CatalogueVersions.approve(catalogue, item);
        return item;
    }
}
