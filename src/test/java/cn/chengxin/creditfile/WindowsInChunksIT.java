package cn.chengxin.creditfile;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.TestCitizens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gaps review xlii W3: the windows move the due records a chunk at a time, each chunk publishing its own events, so
 * that a night of 10⁵–10⁶ expiries is as many chunks as ingestion's, never one transaction locking them all and one
 * reaction for every subject. Five due records are made (in a transaction rolled back: the chunks join it) and the
 * windows applied two records a chunk: every event the windows publish carries two records at most, and all five
 * leave display. Applied in one transaction, one event carried all five.
 */
@IntegrationTest
class WindowsInChunksIT {

    @Autowired
    CreditFile creditFile;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ApplicationEventMulticaster multicaster;

    @Autowired
    Clock clock;

    @Test
    void theDueRecordsMoveAChunkAtATimeEachWithItsEvents() {
        TestCitizens.Person person = TestCitizens.register(subjects, "窗口分批");
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        LocalDate today = LocalDate.now(clock);
        List<RecordStatesChanged> published = new ArrayList<>();
        ApplicationListener<ApplicationEvent> listener = event -> {
            if (event instanceof PayloadApplicationEvent<?> payload
                    && payload.getPayload() instanceof RecordStatesChanged changed
                    && RecordStatesChanged.WINDOWS.equals(changed.cause())) {
                published.add(changed);
            }
        };
        multicaster.addApplicationListener(listener);
        try {
            new TransactionTemplate(transactions).executeWithoutResult(status -> {
                status.setRollbackOnly();
                Set<UUID> due = new HashSet<>();
                for (int i = 0; i < 5; i++) {
                    due.add(dueRecord(subject, today.minusDays(1)));
                }

                assertThat(creditFile.applyWindows(today, 2)).isPositive();

                assertThat(published).allSatisfy(e -> assertThat(e.records()).hasSizeLessThanOrEqualTo(2));
                assertThat(published.stream().flatMap(e -> e.records().stream())
                        .map(RecordStatesChanged.ChangedRecord::recordKey)).containsAll(due);
                assertThat(published.stream().filter(e -> e.records().stream()
                        .anyMatch(r -> due.contains(r.recordKey())))).as("five records, two a chunk")
                        .hasSizeGreaterThanOrEqualTo(3);
                assertThat(jdbc.sql("SELECT count(*) FROM creditfile.record WHERE record_key = ANY (?) "
                                + "AND status = 'EXPIRED'").param(due.toArray(UUID[]::new)).query(Long.class).single())
                        .isEqualTo(5);
            });
        } finally {
            multicaster.removeApplicationListener(listener);
        }
    }

    /**
     * The windows applied for some subjects (a chunk of a shortening pass, {@link ShorteningPeriods}) move the due
     * records of those subjects, shown and closed, and leave another subject's due records to the night.
     */
    @Test
    void theWindowsOfSomeSubjectsMoveTheirDueRecordsOnly() {
        UUID one = subject("窗口本人");
        UUID other = subject("窗口他人");
        LocalDate today = LocalDate.now(clock);
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            status.setRollbackOnly();
            UUID shown = dueRecord(one, today.minusDays(1));
            UUID kept = record(one, "EXPIRED", today.minusYears(4), today.minusDays(1));
            UUID othersShown = dueRecord(other, today.minusDays(1));
            UUID othersKept = record(other, "EXPIRED", today.minusYears(4), today.minusDays(1));

            assertThat(creditFile.applyWindows(today, Set.of(one))).isEqualTo(2);

            assertThat(statusOf(shown)).isEqualTo("EXPIRED");
            assertThat(statusOf(kept)).isEqualTo("ARCHIVED");
            assertThat(statusOf(othersShown)).as("another subject's, left to the night").isEqualTo("ACTIVE");
            assertThat(statusOf(othersKept)).as("another subject's, left to the night").isEqualTo("EXPIRED");
            assertThat(creditFile.applyWindows(today, Set.of())).as("no subject, nothing to move").isZero();
        });
    }

    private UUID subject(String name) {
        return subjects.find(subjects.validate(null, TestCitizens.register(subjects, name).number())).orElseThrow();
    }

    private String statusOf(UUID recordKey) {
        return jdbc.sql("SELECT status FROM creditfile.record WHERE record_key = ? AND current").param(recordKey)
                .query(String.class).single();
    }

    private UUID dueRecord(UUID subject, LocalDate publicationEnd) {
        return record(subject, "ACTIVE", publicationEnd, null);
    }

    private UUID record(UUID subject, String status, LocalDate publicationEnd, LocalDate retentionEnd) {
        UUID key = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO creditfile.record (id, record_key, version, current, subject_id, item_code, item_version,
                                               department_code, source_record_id, action, decision_date, content,
                                               fingerprint, status, publication_end, retention_end, batch_id,
                                               accepted_at, accepted_by)
                SELECT gen_random_uuid(), ?, 1, true, ?, i.code, i.version, 'MARKET', 'WINDOWS-' || ?::text, 'ADD',
                       ?::date - 400, '{}'::jsonb, md5(?::text), ?::text, ?::date, ?::date, gen_random_uuid(), now(), 'test'
                FROM catalog.item i WHERE i.code = 'P_ADMIN_PENALTY_GENERAL' AND i.status = 'ACTIVE'
                ORDER BY i.version DESC LIMIT 1""")
                .params(key, subject, key, java.sql.Date.valueOf(publicationEnd), key, status,
                        java.sql.Date.valueOf(publicationEnd),
                        retentionEnd == null ? null : java.sql.Date.valueOf(retentionEnd)).update();
        return key;
    }
}
