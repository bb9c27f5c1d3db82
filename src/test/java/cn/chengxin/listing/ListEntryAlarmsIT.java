package cn.chengxin.listing;

import java.time.Clock;
import java.time.LocalDate;

import cn.chengxin.support.IntegrationTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gaps review xlii W4: an open entry past its last day — its end failed, tick after tick — is counted by a gauge, and
 * neither one still valid today nor one already ended is. The entries are made in a transaction rolled back (the
 * tick, on its own connection, never sees them), the gauge read within it.
 */
@IntegrationTest
class ListEntryAlarmsIT {

    @Autowired
    ListEntryAlarms alarms;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    Clock clock;

    @Test
    void anOpenEntryPastItsLastDayIsCountedAndNoOtherIs() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        alarms.bindTo(registry);
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            status.setRollbackOnly();
            double before = registry.get("chengxin.listing.open.past.validity").gauge().value();
            LocalDate today = LocalDate.now(clock);
            entry("EFFECTIVE", today.minusDays(1));
            entry("EXITED", today.minusDays(1));
            entry("EFFECTIVE", today);
            entry("EFFECTIVE", null);
            assertThat(registry.get("chengxin.listing.open.past.validity").gauge().value())
                    .as("only the open entry whose last day was yesterday").isEqualTo(before + 1);
        });
    }

    private void entry(String status, LocalDate validUntil) {
        jdbc.sql("""
                INSERT INTO listing.entry (id, list_type, subject_id, subject_pseudonym, subject_name, subject_kind,
                                           masked_number, department_code, legal_basis, reasons, status,
                                           proposed_by, proposed_at, effective_from, valid_until, published)
                VALUES (gen_random_uuid(), 'BLACK', gen_random_uuid(), md5(random()::text), '告警商贸', 'ORGANISATION',
                        '91410********0001', 'ALARM', '国办发〔2020〕49号', '告警', ?, 'seed', now(),
                        now() - interval '400 days', ?, true)""")
                .params(status, validUntil == null ? null : java.sql.Date.valueOf(validUntil)).update();
    }
}
