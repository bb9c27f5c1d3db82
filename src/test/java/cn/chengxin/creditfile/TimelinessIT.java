package cn.chengxin.creditfile;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import cn.chengxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How quickly a department's decisions reach the platform counts days of the city (Beijing), as its decision dates
 * are, whatever the zone of the server or of the database session.
 */
@IntegrationTest
class TimelinessIT {

    @Autowired
    CollectionFigures collection;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRecordAcceptedAt2330UtcIsAcceptedOnTheNextBeijingDay() {
        String department = "TL" + UUID.randomUUID().toString().substring(0, 8);
        // 07:30 on 2 March in Beijing, still 1 March in UTC.
        Instant accepted = Instant.parse("2026-03-01T23:30:00Z");
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO creditfile.record (id, record_key, version, current, subject_id, item_code, item_version,
                                               department_code, source_record_id, action, decision_number,
                                               decision_date, content, fingerprint, status, publication_end,
                                               retention_end, batch_id, accepted_at, accepted_by)
                VALUES (?, ?, 1, true, ?, 'P_ADMIN_PENALTY_GENERAL', 1, ?, ?, 'ADD', '驻市监罚〔2026〕1号', ?, '{}', ?,
                        'ACTIVE', NULL, NULL, ?, ?, 'market')""")
                .params(id, UUID.randomUUID(), UUID.randomUUID(), department, "TL-" + id, LocalDate.of(2026, 2, 28),
                        "TL-" + id, UUID.randomUUID(), Timestamp.from(accepted))
                .update();

        assertThat(collection.timeliness(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 2)))
                .filteredOn(t -> t.departmentCode().equals(department)).singleElement().satisfies(t -> {
                    assertThat(t.medianDays()).as("decided 28 February, accepted 2 March").isEqualTo(2.0);
                    assertThat(t.p90Days()).isEqualTo(2.0);
                });
    }
}
