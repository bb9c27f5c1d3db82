package cn.chengxin.creditfile;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.chengxin.account.ApiClients;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.catalog.Catalogue;
import cn.chengxin.catalog.domain.ItemDefinition;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.support.CatalogueVersions;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.TestCitizens;
import cn.chengxin.support.TestRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/**
 * RULES.md §4 (all periods are set per catalogue item; after the period a record is not shown, not used), finding H5 of
 * gaps review xxv: a catalogue version that shortens an item's publication period reaches the records collected before
 * it, which leave display and use once past the new period, as any expiry does; one that lengthens it reaches none, and
 * a department's later correction of a record does not lengthen it either.
 */
@IntegrationTest
class CataloguePeriodChangesIT {

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
    ShorteningPeriods shortening;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void aShorterPublicationPeriodEndsTheRecordsCollectedBeforeItThatAreNowPastIt() throws Exception {
        String item = seriousItem("P_SP_", "测试：缩短公示期限的处罚", 36);
        LocalDate today = LocalDate.now(clock);
        LocalDate longAgo = today.minusMonths(20);
        LocalDate recently = today.minusMonths(6);
        String decisionNumber = "驻市监罚〔2026〕" + (System.nanoTime() % 100000) + "号";
        Holder expiring = deliver("鲁知远", item, decisionNumber, longAgo);
        Holder staying = deliver("鲁知行", item, decisionNumber + "之二", recently);
        assertThat(current(expiring).publicationEnd()).isEqualTo(longAgo.plusMonths(36));
        await().atMost(Duration.ofSeconds(10)).until(() -> lastNegative(expiring.pseudonym()) != null);
        mvc.perform(get("/disclosures").param("q", decisionNumber))
                .andExpect(content().string(containsString("<td>" + decisionNumber + "</td>")));

        int version = approve(item, 12);

        await().atMost(Duration.ofSeconds(15)).until(() -> shortening.pass(item, version)
                .filter(p -> p.finished()).isPresent());
        FileEntry ended = current(expiring);
        assertThat(ended.status()).as("twenty months after its decision, past the new twelve").isEqualTo(
                RecordStatus.EXPIRED);
        assertThat(ended.publicationEnd()).isEqualTo(longAgo.plusMonths(12));
        FileEntry shortened = current(staying);
        assertThat(shortened.status()).isEqualTo(RecordStatus.ACTIVE);
        assertThat(shortened.publicationEnd()).isEqualTo(recently.plusMonths(12));
        assertThat(jdbc.sql("SELECT retention_end FROM creditfile.record WHERE subject_id = ? AND current")
                .param(expiring.subject()).query(LocalDate.class).single())
                .as("the retention period was not changed").isEqualTo(longAgo.plusYears(5));
        // Not used any more: the negative mark (green channel) follows, as after any expiry; not shown publicly.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(lastNegative(expiring.pseudonym()))
                .isNull());
        mvc.perform(get("/disclosures").param("q", decisionNumber))
                .andExpect(content().string(not(containsString("<td>" + decisionNumber + "</td>"))));
        assertThat(jdbc.sql("""
                        SELECT e.reason FROM creditfile.record r JOIN creditfile.record_event e ON e.record_id = r.id
                        WHERE r.subject_id = ? AND r.current ORDER BY e.at, e.to_status""").param(expiring.subject())
                .query(String.class).list()).as("the history says why").contains("目录事项第 " + version
                + " 版缩短期限（RULES.md §4）：公示截止日 " + longAgo.plusMonths(36) + " → " + longAgo.plusMonths(12)
                + "，保存期限至 " + longAgo.plusYears(5) + " → " + longAgo.plusYears(5), "公示期满，不再展示和使用");
        assertThat(jdbc.sql("SELECT detail FROM audit.event WHERE action = 'creditfile.periods-shortened' "
                + "AND detail LIKE ?").param("%; item=" + item + "; %").query(String.class).list())
                .containsExactly("reason=PERIODS_SHORTENED; item=" + item + "; version=" + version + "; records=2");

        // A pass run again (a restart finding it unfinished) moves nothing more.
        jdbc.sql("UPDATE creditfile.period_shortening_pass SET finished_at = NULL WHERE item_code = ?").param(item)
                .update();
        shortening.run(item, version);
        assertThat(shortening.pass(item, version)).hasValueSatisfying(p -> {
            assertThat(p.finished()).isTrue();
            assertThat(p.recordsPassed()).isEqualTo(2);
        });
        assertThat(jdbc.sql("SELECT records_shortened FROM creditfile.period_shortening_pass WHERE item_code = ?")
                .param(item).query(Long.class).single()).isEqualTo(2);
        assertThat(current(staying).publicationEnd()).isEqualTo(recently.plusMonths(12));

        // A longer period again reaches no record collected before it.
        int longer = approve(item, 36);
        assertThat(shortening.pass(item, longer)).isEmpty();
        assertThat(current(staying).publicationEnd()).isEqualTo(recently.plusMonths(12));
    }

    @Test
    void aCorrectionAfterALongerPeriodKeepsTheEndTheRecordWasCollectedWith() throws Exception {
        String item = seriousItem("P_LP_", "测试：延长公示期限的处罚", 12);
        LocalDate decided = LocalDate.now(clock).minusMonths(10);
        String decisionNumber = "驻市监罚〔2026〕" + (System.nanoTime() % 100000) + "号";
        String source = "LP-" + UUID.randomUUID();
        TestCitizens.Person person = TestCitizens.register(subjects, "鲁知微");
        TestRecords.deliver(mvc, apiClients, directory, new TestRecords.Penalty(person.number(), person.name(), item,
                source, "1", "ADD", decisionNumber, "无照经营"), decided);
        int longer = approve(item, 36);
        assertThat(shortening.pass(item, longer)).as("a longer period takes no pass").isEmpty();

        TestRecords.deliver(mvc, apiClients, directory, new TestRecords.Penalty(person.number(), person.name(), item,
                source, "2", "UPDATE", decisionNumber, "无照经营（更正）"), decided);

        UUID subject = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, person.number())).orElseThrow();
        assertThat(creditFile.fileOf(subject)).singleElement().satisfies(e -> {
            assertThat(e.version()).isEqualTo(2);
            assertThat(e.publicationEnd()).as("counted under the version it was collected under, not the longer one")
                    .isEqualTo(decided.plusMonths(12));
            assertThat(e.status()).isEqualTo(RecordStatus.ACTIVE);
        });
    }

    @Test
    void aChunkCountedBeforeTheApprovalAndStoredAfterThePassTakesTheShorterEnds() throws Exception {
        String item = seriousItem("P_RP_", "测试：缩短期限前核验的批次", 36);
        LocalDate today = LocalDate.now(clock);
        LocalDate decided = today.minusMonths(10);
        LocalDate recently = today.minusMonths(2);
        String decisionNumber = "驻市监罚〔2026〕" + (System.nanoTime() % 100000) + "号";
        Holder corrected = deliver("鲁知然", item, decisionNumber, decided);
        FileEntry collected = current(corrected);
        String source = jdbc.sql("SELECT source_record_id FROM creditfile.record WHERE subject_id = ? AND current")
                .param(corrected.subject()).query(String.class).single();
        LocalDate retention = jdbc.sql("SELECT retention_end FROM creditfile.record WHERE subject_id = ? AND current")
                .param(corrected.subject()).query(LocalDate.class).single();
        TestCitizens.Person person = TestCitizens.register(subjects, "鲁知安");
        UUID newcomer = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, person.number())).orElseThrow();
        // Rows validated under the 36 months: a correction of the record and a new record, their ends counted then.
        List<NewRecord> counted = List.of(
                new NewRecord(corrected.subject(), item, collected.itemVersion(), collected.departmentCode(), source,
                        2, RecordAction.UPDATE, decisionNumber, decided, Map.of("violation", "无照经营（更正）"),
                        decided.plusMonths(36), retention, "race-" + UUID.randomUUID(), null, null, null),
                new NewRecord(newcomer, item, collected.itemVersion(), collected.departmentCode(),
                        "RP-" + UUID.randomUUID(), 1, RecordAction.ADD, decisionNumber + "之二", recently,
                        Map.of("violation", "无照经营"), recently.plusMonths(36), recently.plusYears(5),
                        "race-" + UUID.randomUUID(), null, null, null));

        int version = approve(item, 12);
        await().atMost(Duration.ofSeconds(15)).until(() -> shortening.pass(item, version)
                .filter(p -> p.finished()).isPresent());
        // Stored after the pass passed the record: under the items' lock, after the approval, the chunk reads it.
        assertThat(creditFile.store(UUID.randomUUID(), "部门报送", counted))
                .allSatisfy(o -> assertThat(o.kind()).isEqualTo(StoreOutcome.Kind.STORED));

        assertThat(current(corrected)).satisfies(e -> {
            assertThat(e.version()).isEqualTo(2);
            assertThat(e.publicationEnd()).as("the correction takes the shorter period").isEqualTo(
                    decided.plusMonths(12));
        });
        assertThat(creditFile.fileOf(newcomer)).singleElement().satisfies(e -> assertThat(e.publicationEnd())
                .as("so does a new record counted before the approval").isEqualTo(recently.plusMonths(12)));
    }

    /** A new serious penalty item of persons, in force, whose records are published {@code months} months. */
    private String seriousItem(String prefix, String name, int months) throws Exception {
        String item = prefix + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        ItemDefinition base = catalogue.active("P_ADMIN_PENALTY_SERIOUS").orElseThrow().definition();
        ItemDefinition copied = CatalogueVersions.copied(base, item, name);
        CatalogueVersions.draft(catalogue, copied.withPeriods(12, months, copied.retentionYears()));
        CatalogueVersions.submit(catalogue, item);
        CatalogueVersions.approve(catalogue, item);
        return item;
    }

    /** A new version of the item publishing its records {@code months} months, approved; returns its number. */
    private int approve(String item, int months) throws Exception {
        return CatalogueVersions.approvePublicationMonths(catalogue, item, months);
    }

    private Holder deliver(String name, String item, String decisionNumber, LocalDate decided) throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, name);
        TestRecords.deliver(mvc, apiClients, directory, new TestRecords.Penalty(person.number(), person.name(), item,
                "SP-" + UUID.randomUUID(), "1", "ADD", decisionNumber, "无照经营"), decided);
        UUID subject = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, person.number())).orElseThrow();
        return new Holder(subject, subjects.pseudonymOf(subject).orElseThrow());
    }

    private FileEntry current(Holder holder) {
        List<FileEntry> file = creditFile.fileOf(holder.subject());
        assertThat(file).hasSize(1);
        return file.get(0);
    }

    private LocalDate lastNegative(String pseudonym) {
        return jdbc.sql("SELECT last_negative FROM listing.negative_mark WHERE subject_pseudonym = ?").param(pseudonym)
                .query((rs, n) -> rs.getObject(1, LocalDate.class)).optional().orElse(null);
    }

    private record Holder(UUID subject, String pseudonym) {
    }
}
