package cn.chengxin.creditfile.persistence;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.creditfile.RecordStatus;
import cn.chengxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gaps review xlii W1: the nightly moves of the windows ({@link JdbcRecords#moveDue}) can read their partial index.
 * V9's index of the due records held the ACTIVE ones only while the publication move names ACTIVE and IN_DISPUTE: the
 * index was no candidate at all, whatever the table's size, and the move read the whole of {@code creditfile.record}
 * each night (the review ran it at 2M records: a parallel scan of the table). {@value #RECORDS} records are seeded, a few
 * of them due, in a transaction rolled back and analysed within it, and sequential scans priced out: the move must then
 * read its own index, not scan the table nor walk another partial index of the shown records (which an empty table's
 * estimates would prefer). With V650's index dropped in the same transaction the publication move names none, which
 * proves the test can fail.
 */
@IntegrationTest
class PublicationDuePlanIT {

    private static final int RECORDS = 5_000;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    Clock clock;

    @Test
    void theNightlyMovesReadTheirPartialIndexesNotTheWholeTable() {
        TransactionTemplate rolledBack = new TransactionTemplate(transactions);
        rolledBack.executeWithoutResult(status -> {
            status.setRollbackOnly();
            seed();
            jdbc.sql("SET LOCAL enable_seqscan = off").update();
            Set<RecordStatus> shown = Set.of(RecordStatus.ACTIVE, RecordStatus.IN_DISPUTE);
            Set<RecordStatus> closed = Set.of(RecordStatus.EXPIRED, RecordStatus.REVOKED, RecordStatus.REPAIRED,
                    RecordStatus.DECLINED);

            assertThat(explainMove(shown, RecordStatus.EXPIRED, "publication_end"))
                    .contains("record_shown_due").doesNotContain("Seq Scan on record");
            assertThat(explainMove(closed, RecordStatus.ARCHIVED, "retention_end"))
                    .contains("record_retention_due").doesNotContain("Seq Scan on record");
            assertThat(jdbc.sql("SELECT count(*) FROM pg_indexes WHERE schemaname = 'creditfile' "
                    + "AND indexname = 'record_publication_due'").query(Long.class).single())
                    .as("V9's index, of no use to any statement, is dropped (V651)").isZero();

            // The negative proof: without V650's index, the only index left on the column is no candidate.
            jdbc.sql("DROP INDEX creditfile.record_shown_due").update();
            jdbc.sql("CREATE INDEX record_publication_due ON creditfile.record (publication_end) "
                    + "WHERE current AND status = 'ACTIVE'").update();
            assertThat(explainMove(shown, RecordStatus.EXPIRED, "publication_end")).as("with V9's index only")
                    .doesNotContain("record_publication_due").doesNotContain("record_shown_due");
        });
    }

    /** {@value #RECORDS} shown records of made-up subjects, one in a hundred past its last day, a tenth closed. */
    private void seed() {
        jdbc.sql("""
                INSERT INTO creditfile.record (id, record_key, version, current, subject_id, item_code, item_version,
                                               department_code, source_record_id, action, decision_date, content,
                                               fingerprint, status, publication_end, retention_end, batch_id,
                                               accepted_at, accepted_by)
                SELECT gen_random_uuid(), gen_random_uuid(), 1, true, gen_random_uuid(), 'PLAN_ITEM', 1, 'PLAN',
                       'PLAN-' || g, 'ADD', current_date - 30, '{}'::jsonb, md5(g::text),
                       CASE WHEN g % 10 = 0 THEN 'EXPIRED' WHEN g % 7 = 0 THEN 'IN_DISPUTE' ELSE 'ACTIVE' END,
                       CASE WHEN g % 100 = 1 THEN current_date - 1 ELSE current_date + g % 1000 END,
                       current_date + 1000 + g % 1000, gen_random_uuid(), now(), 'plan'
                FROM generate_series(1, ?) g""").param(RECORDS).update();
        jdbc.sql("ANALYZE creditfile.record").update();
    }

    private String explainMove(Set<RecordStatus> from, RecordStatus to, String column) {
        return String.join("\n", jdbc.sql("EXPLAIN " + JdbcRecords.moveDueSql(from, column, false))
                .params(Date.valueOf(LocalDate.now(clock)), new UUID[0], 5_000, to.name(),
                        Timestamp.from(clock.instant()), to.name(), "plan", "plan")
                .query(String.class).list());
    }
}
