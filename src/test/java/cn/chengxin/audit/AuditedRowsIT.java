package cn.chengxin.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import cn.chengxin.audit.domain.EventRecord;
import cn.chengxin.audit.persistence.AuditKeys;
import cn.chengxin.audit.persistence.AuditWriter;
import cn.chengxin.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Another module's rows stored with their audit events (the check API's rows): a row is durable exactly when its
 * event is, and neither is stored when one of them cannot be.
 */
@IntegrationTest
class AuditedRowsIT {

    /** Notes in a scratch table of this test, one per event. */
    private static final AuditedRows<String> NOTES = new AuditedRows<>() {
        @Override
        public String sql() {
            return "INSERT INTO public.audited_rows_note (note) SELECT unnest(?::text[])";
        }

        @Override
        public int bind(Connection c, PreparedStatement ps, int first, List<String> rows) throws SQLException {
            ps.setArray(first, c.createArrayOf("text", rows.toArray(String[]::new)));
            return first + 1;
        }
    };

    @Autowired
    AuditLog audit;

    @Autowired
    AuditVerification verification;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    AuditKeys keys;

    /** Callers at the same time, so that their events share group commits. */
    private final ExecutorService callers = Executors.newFixedThreadPool(30);

    @BeforeEach
    void scratchTable() {
        jdbc.sql("CREATE TABLE public.audited_rows_note (note text NOT NULL CHECK (note <> 'refused'))").update();
    }

    @AfterEach
    void dropScratchTable() {
        callers.shutdownNow();
        jdbc.sql("DROP TABLE public.audited_rows_note").update();
    }

    @Test
    void concurrentEventsAreStoredEachWithItsRow() {
        List<CompletableFuture<Long>> recorded = IntStream.range(0, 50).mapToObj(i -> CompletableFuture.supplyAsync(
                () -> audit.record(AuditEntry.of(AuditCategory.QUERY, "test.audited-rows").detail("note " + i),
                        NOTES, "note " + i), callers)).toList();
        recorded.forEach(CompletableFuture::join);

        assertThat(jdbc.sql("SELECT note FROM public.audited_rows_note").query(String.class).list())
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 50).mapToObj(i -> "note " + i).toList());
        assertThat(jdbc.sql("SELECT detail FROM audit.event WHERE action = 'test.audited-rows'").query(String.class)
                .list()).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 50).mapToObj(i -> "note " + i).toList());
    }

    @Test
    void anEventWhoseRowIsRefusedIsNotStoredAndTheLogGoesOn() {
        assertThatThrownBy(() -> audit.record(AuditEntry.of(AuditCategory.QUERY, "test.audited-rows-refused"),
                NOTES, "refused")).isInstanceOf(AuditUnavailableException.class);
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'test.audited-rows-refused'")
                .query(Long.class).single()).isZero();

        audit.recordAll(List.of(AuditEntry.of(AuditCategory.QUERY, "test.audited-rows-after"),
                AuditEntry.of(AuditCategory.QUERY, "test.audited-rows-after")), NOTES, List.of("one", "two"));
        assertThat(jdbc.sql("SELECT count(*) FROM public.audited_rows_note").query(Long.class).single()).isEqualTo(2);
        assertThat(verification.verify().findings()).isEmpty();
    }

    @Test
    void aRefusedRowFailsOnlyTheCallerWhoseRowItIs() {
        List<CompletableFuture<Long>> recorded = IntStream.range(0, 30).mapToObj(i -> CompletableFuture.supplyAsync(
                () -> audit.record(AuditEntry.of(AuditCategory.QUERY, "test.audited-rows-shared").detail("n" + i),
                        NOTES, i == 15 ? "refused" : "note " + i), callers)).toList();

        assertThat(recorded.stream().filter(f -> {
            try {
                f.join();
                return false;
            } catch (CompletionException e) {
                return e.getCause() instanceof AuditUnavailableException;
            }
        }).count()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM public.audited_rows_note").query(Long.class).single()).isEqualTo(29);
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'test.audited-rows-shared'")
                .query(Long.class).single()).isEqualTo(29);
    }

    /**
     * A batch of more events than one group commit holds (a batch check of up to 10,000 subjects) is stored whole or
     * not at all: one refused row fails it, and none of its events or rows is then stored, not even those that would
     * have gone into a later commit; callers whose events were queued meanwhile are stored as ever.
     */
    @Test
    void aBatchLargerThanOneCommitIsStoredWholeOrNotAtAll() {
        int size = 6_000;
        List<AuditEntry> entries = IntStream.range(0, size).mapToObj(i -> AuditEntry.of(AuditCategory.QUERY,
                "test.audited-rows-batch")).toList();
        List<CompletableFuture<Long>> strangers = IntStream.range(0, 20).mapToObj(i -> CompletableFuture.supplyAsync(
                () -> audit.record(AuditEntry.of(AuditCategory.QUERY, "test.audited-rows-stranger"), NOTES,
                        "stranger " + i), callers)).toList();

        assertThatThrownBy(() -> audit.recordAll(entries, NOTES, IntStream.range(0, size)
                .mapToObj(i -> i == 10 ? "refused" : "batch " + i).toList()))
                .isInstanceOf(AuditUnavailableException.class);
        strangers.forEach(CompletableFuture::join);

        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'test.audited-rows-batch'")
                .query(Long.class).single()).as("no event of the failed batch").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM public.audited_rows_note WHERE note LIKE 'batch %'")
                .query(Long.class).single()).as("no row of the failed batch").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM public.audited_rows_note WHERE note LIKE 'stranger %'")
                .query(Long.class).single()).as("the other callers' rows").isEqualTo(20);

        List<Long> seqs = audit.recordAll(entries, NOTES, IntStream.range(0, size).mapToObj(i -> "again " + i)
                .toList());
        assertThat(seqs).hasSize(size).doesNotHaveDuplicates();
        assertThat(jdbc.sql("SELECT count(*) FROM public.audited_rows_note WHERE note LIKE 'again %'")
                .query(Long.class).single()).isEqualTo(size);
        assertThat(jdbc.sql("SELECT count(DISTINCT xmin::text) FROM public.audited_rows_note WHERE note LIKE 'again %'")
                .query(Long.class).single()).as("one transaction").isOne();
        assertThat(verification.verify().findings()).isEmpty();
    }

    @Test
    void aWriterBehindAnotherInstanceCatchesUpWithoutFailingItsCaller() throws Exception {
        audit.record(AuditEntry.of(AuditCategory.QUERY, "test.audited-rows-before"));
        try (AuditWriter otherInstance = new AuditWriter(dataSource, keys)) {
            otherInstance.append(new EventRecord(-1, Instant.now().truncatedTo(ChronoUnit.MICROS),
                    AuditCategory.PROCESSING, "SYSTEM", "other", "另一实例", "", "test.other-instance", null, null,
                    null, null, AuditResult.SUCCESS, null, null), null, null);
        }

        audit.record(AuditEntry.of(AuditCategory.QUERY, "test.audited-rows-behind"), NOTES, "behind");

        assertThat(jdbc.sql("SELECT count(*) FROM public.audited_rows_note WHERE note = 'behind'").query(Long.class)
                .single()).isEqualTo(1);
        assertThat(verification.verify().findings()).isEmpty();
    }

    /**
     * Gaps review xxxiii N3: two instances writing side by side numbered every batch before the lock, so nearly every
     * batch collided with the other's and some callers failed after three tries. After the first collision a writer
     * numbers under the lock, and neither collides again however their batches interleave.
     */
    @Test
    void twoInstancesWritingSideBySideCollideOnceEachAndFailNoCaller() throws Exception {
        long before = jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'test.side-by-side'")
                .query(Long.class).single();
        try (AuditWriter first = new AuditWriter(dataSource, keys);
             AuditWriter second = new AuditWriter(dataSource, keys)) {
            first.append(sideBySide("first"), null, null);
            second.append(sideBySide("second"), null, null);
            first.append(sideBySide("first"), null, null);
            assertThat(first.collisions()).as("behind the second instance once").isEqualTo(1);
            for (int i = 0; i < 5; i++) {
                second.append(sideBySide("second"), null, null);
                first.append(sideBySide("first"), null, null);
            }
            assertThat(first.collisions()).as("numbered under the lock since its collision").isEqualTo(1);
            assertThat(second.collisions()).isEqualTo(1);

            ExecutorService callers = Executors.newFixedThreadPool(8);
            try {
                List<CompletableFuture<Long>> appended = IntStream.range(0, 400)
                        .mapToObj(i -> CompletableFuture.supplyAsync(() -> (i % 2 == 0 ? first : second)
                                .append(sideBySide(i % 2 == 0 ? "first" : "second"), null, null), callers))
                        .toList();
                assertThat(appended.stream().map(CompletableFuture::join).distinct().count())
                        .as("every caller stored, each at its own position").isEqualTo(400);
            } finally {
                callers.shutdown();
            }
            assertThat(first.collisions() + second.collisions()).isEqualTo(2);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'test.side-by-side'").query(Long.class)
                .single()).isEqualTo(before + 413);
        assertThat(verification.verify().findings()).isEmpty();
    }

    private static EventRecord sideBySide(String instance) {
        return new EventRecord(-1, Instant.now().truncatedTo(ChronoUnit.MICROS), AuditCategory.PROCESSING, "SYSTEM",
                instance, "并行实例", "", "test.side-by-side", null, null, null, null, AuditResult.SUCCESS, null, null);
    }
}
