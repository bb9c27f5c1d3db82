package cn.chengxin.ingestion;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import cn.chengxin.account.Department;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.creditfile.persistence.JdbcRecords;
import cn.chengxin.subject.SubjectJoining;
import cn.chengxin.subject.SubjectProfile;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.ResidencyKind;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.JoinRaces;
import cn.chengxin.support.JoinRaces.Pair;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A join of a person's two files (合并信用档案) racing an ingestion chunk about the joined subject: the chunk's subjects
 * are resolved on the reading thread, its records stored later in a transaction of their own. Whichever commits first,
 * the records end on the kept subject's file, none under the joined id (98号 三(一); RULES.md §1; issue #4). The steps
 * are ordered with the database's own locks, watched in {@code pg_stat_activity}.
 */
@IntegrationTest
class JoinDuringIngestionIT {

    private static final LocalDate BORN = LocalDate.of(1986, 7, 14);

    @Autowired
    Submissions submissions;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    SubjectJoining joining;

    @Autowired
    StaffDirectory directory;

    @Autowired
    JdbcRecords records;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactions;

    /**
     * The join commits after the chunk resolved the joined subject and before the chunk's transaction stores it: the
     * approval is made and held uncommitted while the batch is resolved and comes to store, then committed.
     */
    @Test
    void aChunkResolvedBeforeAJoinAndStoredAfterItGoesToTheKeptFile() throws Exception {
        Pair pair = pair("合并甲");
        UUID proposal = proposed(pair);
        String source = "JR-" + UUID.randomUUID();

        CompletableFuture<BatchResult> batch = new TransactionTemplate(transactions).execute(tx -> {
            approve(proposal);
            CompletableFuture<BatchResult> running = CompletableFuture.supplyAsync(() -> submissions.submit(
                    UUID.randomUUID(), "COURT", List.of(courtRow(pair, source))));
            // The chunk waits for the approval only once resolved: its subject is the joined one, still registered
            // as far as the chunk can see. Without that wait (before the fix) the batch is stored at once.
            until(() -> running.isDone() || waiting("%subject.joins%"));
            return running;
        });

        assertThat(batch.get(30, TimeUnit.SECONDS).accepted()).isEqualTo(1);
        assertOnKeptFileOnly(pair, source);
    }

    /**
     * The approval comes while a chunk about the joined subject is being stored: it waits for the chunk, whose record
     * and residence (written with it, P_RESIDENCY) it then moves with the rest. The chunk is held in its transaction,
     * subjects resolved, by the residence item's lock, which the test holds.
     */
    @Test
    void aJoinApprovedWhileAChunkIsStoredWaitsForItAndMovesWhatItStored() throws Exception {
        department("PUBLIC_SECURITY", "市公安局");
        Pair pair = pair("合并乙");
        UUID proposal = proposed(pair);
        String source = "JR-" + UUID.randomUUID();

        CompletableFuture<BatchResult> batch = new TransactionTemplate(transactions).execute(tx -> {
            records.lockItemExclusively("P_RESIDENCY");
            CompletableFuture<BatchResult> running = CompletableFuture.supplyAsync(() -> submissions.submit(
                    UUID.randomUUID(), "PUBLIC_SECURITY", List.of(residencyRow(pair, source))));
            until(() -> running.isDone() || waiting("%creditfile.item:%"));
            CompletableFuture<Void> approval = CompletableFuture.runAsync(() -> approve(proposal));
            // Without the joins' lock (before the fix) the approval commits at once.
            until(() -> approval.isDone() || waiting("%pg_advisory_xact_lock(hashtextextended('subject.joins'%"));
            return running.thenCombine(approval, (result, joined) -> result);
        });

        assertThat(batch.get(30, TimeUnit.SECONDS).accepted()).isEqualTo(1);
        assertOnKeptFileOnly(pair, source);
        assertThat(subjects.profile(pair.kept()).orElseThrow().residences())
                .extracting(SubjectProfile.ResidenceView::kind).containsExactly(ResidencyKind.HOUSEHOLD);
    }

    private Pair pair(String name) {
        return JoinRaces.pair(subjects, name, BORN);
    }

    private UUID proposed(Pair pair) throws Exception {
        return JoinRaces.proposed(joining, pair);
    }

    private void approve(UUID proposal) {
        JoinRaces.approve(joining, proposal);
    }

    private void assertOnKeptFileOnly(Pair pair, String source) {
        assertThat(jdbc.sql("SELECT DISTINCT subject_id FROM creditfile.record WHERE source_record_id = ?")
                .param(source).query(UUID.class).list()).containsExactly(pair.kept());
        assertThat(jdbc.sql("SELECT count(*) FROM creditfile.record WHERE subject_id = ?").param(pair.joined())
                .query(Long.class).single()).as("nothing left under the joined id").isZero();
    }

    private static IncomingRecord courtRow(Pair pair, String source) {
        String caseNumber = "(2026)豫1702执" + (100 + Math.floorMod(source.hashCode(), 900)) + "号";
        return new IncomingRecord("P_COURT_DEFAULTER", pair.joinedNumber(), pair.name(), source, "1", "ADD",
                caseNumber, "2026-03-02",
                Map.of("case_number", caseNumber, "court", "驿城区人民法院", "obligation", "给付货款",
                        "performance", "全部未履行", "behaviour", "违反限制消费令"));
    }

    private static IncomingRecord residencyRow(Pair pair, String source) {
        return new IncomingRecord("P_RESIDENCY", pair.joinedNumber(), pair.name(), source, "1", "ADD",
                "驻公〔2025〕1号", "2025-04-01",
                Map.of("kind", "户籍", "region_code", "411702", "since", "2010-05-01"));
    }

    private void department(String code, String name) {
        if (directory.departments().stream().noneMatch(d -> d.code().equals(code))) {
            directory.createDepartment(code, name, Department.Kind.DATA_PROVIDER, List.of());
        }
    }

    private boolean waiting(String like) {
        return JoinRaces.waiting(dataSource, like);
    }

    private static void until(BooleanSupplier condition) {
        JoinRaces.until(condition);
    }
}
