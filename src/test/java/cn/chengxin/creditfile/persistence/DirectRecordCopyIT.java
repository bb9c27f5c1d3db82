package cn.chengxin.creditfile.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.creditfile.NewRecord;
import cn.chengxin.creditfile.RecordAction;
import cn.chengxin.creditfile.RecordStatus;
import cn.chengxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * New records are copied straight into {@code creditfile.record} ({@link JdbcRecords#insertNew}); when one of them was
 * stored meanwhile (a concurrent replay: here stored just before, past the caller's check), the COPY is undone under
 * its savepoint and the staging path stores the others, skipping that one. Both paths must leave the same rows, and
 * the statement triggers on the table (the packed facts' marks, the last delivery per item) must fire on the COPY.
 * Everything runs in one transaction rolled back at the end.
 */
@IntegrationTest
class DirectRecordCopyIT {

    /** A department of this test's own: the last delivery per item is kept by department. */
    private static final String DEPARTMENT = "DIRECT_COPY_IT";
    private static final String ITEM = "P_TAX_ARREARS";
    /** Nanoseconds past the microsecond: both paths must round them the same way. */
    private static final Instant AT = Instant.parse("2026-12-07T03:00:00.123456789Z");

    @Autowired
    JdbcRecords records;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aChunkMeetingAStoredVersionFallsBackToTheStagingPathAndStoresTheSameRows() {
        UUID subject = UUID.randomUUID();
        UUID batch = UUID.randomUUID();
        String prefix = UUID.randomUUID().toString();
        NewRecord a = record(subject, prefix + "-a", "fa");
        NewRecord b = record(subject, prefix + "-b", "fb");
        NewRecord aAgain = record(subject, prefix + "-a", "fa-other");
        NewRecord c = record(subject, prefix + "-c", "fb");

        transactions.executeWithoutResult(tx -> {
            List<UUID> firstIds = List.of(UUID.randomUUID(), UUID.randomUUID());
            Set<UUID> first = records.insertNew(firstIds, List.of(UUID.randomUUID(), UUID.randomUUID()),
                    List.of(a, b), List.of(RecordStatus.ACTIVE, RecordStatus.ACTIVE), batch, "direct-copy-it", AT);
            assertThat(first).containsExactlyInAnyOrderElementsOf(firstIds);
            // The direct COPY fired the insert's statement triggers.
            assertThat(jdbc.sql("SELECT count(*) FROM creditfile.subject_facts_stale WHERE subject_id = ?")
                    .param(subject).query(Long.class).single()).isPositive();
            assertThat(jdbc.sql("SELECT received_at = ?::timestamptz FROM creditfile.last_received "
                            + "WHERE department_code = ? AND item_code = ?")
                    .params(java.sql.Timestamp.from(AT), DEPARTMENT, ITEM).query(Boolean.class).single()).isTrue();

            UUID aAgainId = UUID.randomUUID();
            UUID cId = UUID.randomUUID();
            Set<UUID> second = records.insertNew(List.of(aAgainId, cId), List.of(UUID.randomUUID(), UUID.randomUUID()),
                    List.of(aAgain, c), List.of(RecordStatus.ACTIVE, RecordStatus.ACTIVE), batch, "direct-copy-it", AT);

            // The transaction goes on (the COPY was undone to its savepoint), the stored version stays as it was,
            // the other row of the chunk is stored, nothing twice.
            assertThat(second).containsExactly(cId);
            assertThat(jdbc.sql("SELECT source_record_id || ':' || fingerprint FROM creditfile.record "
                            + "WHERE department_code = ? AND source_record_id LIKE ? ORDER BY source_record_id")
                    .params(DEPARTMENT, prefix + "%").query(String.class).list())
                    .containsExactly(prefix + "-a:fa", prefix + "-b:fb", prefix + "-c:fb");
            // b copied straight, c through the staging table: the same in every column but its own ids.
            assertThat(row(prefix + "-c")).isEqualTo(row(prefix + "-b"));
            tx.setRollbackOnly();
        });
    }

    private Map<String, Object> row(String source) {
        String json = jdbc.sql("""
                        SELECT (to_jsonb(r) - 'id' - 'record_key' - 'source_record_id')::text
                        FROM creditfile.record r WHERE department_code = ? AND source_record_id = ?""")
                .params(DEPARTMENT, source).query(String.class).single();
        return new tools.jackson.databind.json.JsonMapper().readValue(json,
                new tools.jackson.core.type.TypeReference<Map<String, Object>>() { });
    }

    private static NewRecord record(UUID subject, String source, String fingerprint) {
        return new NewRecord(subject, ITEM, 1, DEPARTMENT, source, 1, RecordAction.ADD, "税罚〔2026〕7号",
                LocalDate.of(2026, 11, 2), Map.of("amount", "1200.50", "tax_type", "增值税"), LocalDate.of(2029, 11, 2),
                LocalDate.of(2031, 11, 2), fingerprint, null, null, null);
    }
}
