package cn.chengxin.exchange;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import cn.chengxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * N9 (gaps review xxxiii): past the reconciliation window and its margin, outbox versions a later acknowledged version
 * superseded are pruned, a chunk per transaction; the latest acknowledged version of each message, messages not
 * acknowledged (waiting, set aside, handed to a pulling partner whose cursor has not passed them) and recent ones stay;
 * inbound batch ids past the window go with their refused messages.
 */
@IntegrationTest
class ExchangeRetentionIT {

    @Autowired
    ExchangeRetention retention;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    private Instant now;
    private String partner;

    @Test
    void acknowledgedVersionsSupersededPastTheWindowGoAndWhatAPartnerHasNotAcknowledgedStays() {
        // A partner that pulls from us (no address): a pull acknowledges only what its cursor passed.
        Clock at = aDayAndAPartner("ret-", "保留测试县");

        long superseded = message("S1", 1, daysAgo(60), 1, daysAgo(59), null);
        long latest = message("S1", 2, daysAgo(50), 1, daysAgo(49), null);
        long heldWhileNewerUnread = message("S2", 1, daysAgo(60), 1, daysAgo(59), null);
        long handedOutNotPassed = message("S2", 2, daysAgo(45), 1, null, null);
        long supersededLately = message("S3", 1, daysAgo(60), 1, daysAgo(59), null);
        long latestLately = message("S3", 2, daysAgo(3), 1, daysAgo(2), null);
        long withinWindow = message("S4", 1, daysAgo(20), 1, daysAgo(20), null);
        long latestWithinWindow = message("S4", 2, daysAgo(10), 1, daysAgo(10), null);
        long setAside = message("S5", 1, daysAgo(60), 1, null, daysAgo(59));
        long setAsideLatest = message("S5", 2, daysAgo(50), 1, daysAgo(49), null);
        long neverHandedOut = message("S6", 1, daysAgo(60), 0, null, null);
        UUID oldBatch = batch(daysAgo(60), true);
        UUID recentBatch = batch(daysAgo(10), false);

        // Chunks of two rows: the passes go on over several transactions.
        ExchangeRetention.Pruned pruned = retention.prune(at, 2);

        assertThat(seqs()).doesNotContain(superseded, supersededLately)
                .contains(latest, heldWhileNewerUnread, handedOutNotPassed, latestLately, withinWindow,
                        latestWithinWindow, setAside, setAsideLatest, neverHandedOut);
        assertThat(pruned.outbox()).isGreaterThanOrEqualTo(2);
        assertThat(batches()).doesNotContain(oldBatch).contains(recentBatch);
        assertThat(jdbc.sql("SELECT count(*) FROM exchange.inbound_refused_message WHERE batch_id = ?")
                .param(oldBatch).query(Long.class).single()).isZero();
        assertThat(pruned.inboundBatches()).isGreaterThanOrEqualTo(1);
        assertThat(retention.pass(ExchangeRetention.OUTBOX, LocalDate.now(at)).orElseThrow().finished()).isTrue();
        assertThat(retention.pass(ExchangeRetention.INBOUND_BATCH, LocalDate.now(at)).orElseThrow().finished())
                .isTrue();
    }

    /**
     * Gaps review xxxv P9 rest: the hours of acknowledgements the exchange page sums (its last 7 days) are kept 8 days
     * and pruned after, with the other retention; the hours the page reads stay, so its figure is unchanged.
     */
    @Test
    void hoursOfAcknowledgementsOlderThanThePageReadsArePrunedAndThePagesHoursStay() {
        Clock at = aDayAndAPartner("hrs-", "确认小时县");
        Instant thisHour = now.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        for (Duration ago : List.of(Duration.ofDays(30), Duration.ofDays(9), Duration.ofDays(8).plusHours(1),
                Duration.ofDays(8).minusHours(1), Duration.ofDays(7), Duration.ofDays(1), Duration.ZERO)) {
            jdbc.sql("INSERT INTO exchange.acked_hour (partner_code, hour, messages) VALUES (?, ?, 5)")
                    .params(partner, Timestamp.from(thisHour.minus(ago))).update();
        }
        long shownBefore = acknowledgedAsShown();

        ExchangeRetention.Pruned pruned = retention.prune(at, 2);

        assertThat(hoursAgo()).containsExactly(Duration.ofDays(8).minusHours(1), Duration.ofDays(7),
                Duration.ofDays(1), Duration.ZERO);
        assertThat(pruned.ackedHours()).isGreaterThanOrEqualTo(3);
        assertThat(acknowledgedAsShown()).as("the page's 7 days unchanged").isEqualTo(shownBefore).isEqualTo(15);
    }

    /** What the exchange page shows for the partner at {@code now} (its statement, its 7 days). */
    private long acknowledgedAsShown() {
        return jdbc.sql("SELECT coalesce(sum(messages), 0) FROM exchange.acked_hour WHERE partner_code = ? "
                        + "AND hour >= date_trunc('hour', ?::timestamptz)")
                .params(partner, Timestamp.from(now.minus(Exchange.ACKNOWLEDGED_OVER))).query(Long.class).single();
    }

    private List<Duration> hoursAgo() {
        Instant thisHour = now.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        return jdbc.sql("SELECT hour FROM exchange.acked_hour WHERE partner_code = ? ORDER BY hour")
                .param(partner).query(Timestamp.class).list().stream()
                .map(h -> Duration.between(h.toInstant(), thisHour)).toList();
    }

    @Test
    void aPeriodWithinTheReconciliationWindowIsRefusedAtStart() {
        assertThatThrownBy(() -> new ExchangeRetention(Duration.ofDays(7), jdbc, null, clock))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("chengxin.exchange.retention.acknowledged");
    }

    /**
     * A day of the test's own (the passes are per day), near enough to today that no other test's rows are past it,
     * and a new partner without an address, added that day.
     */
    private Clock aDayAndAPartner(String prefix, String name) {
        Clock at = Clock.fixed(clock.instant().minus(Duration.ofDays(ThreadLocalRandom.current().nextInt(1, 400))),
                clock.getZone());
        now = at.instant();
        partner = prefix + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                        INSERT INTO exchange.partner (code, name, level, relation, public_key, enabled, updated_at)
                        VALUES (?, ?, 'CITY', 'CHILD', 'none', false, ?)""")
                .params(partner, name, Timestamp.from(now)).update();
        return at;
    }

    private Instant daysAgo(int days) {
        return now.minus(Duration.ofDays(days));
    }

    private long message(String source, long version, Instant queued, int attempts, Instant acked, Instant refused) {
        return jdbc.sql("""
                        INSERT INTO exchange.outbox (partner_code, subject_id, source_platform, source_id, version,
                               kind, status, body, queued_at, attempts, acked_at, refused_code, refused_at)
                        VALUES (?, ?, 'self', ?, ?, 'RECORD', 'ACTIVE', '{}'::jsonb, ?, ?, ?, ?, ?) RETURNING seq""")
                .params(partner, UUID.randomUUID(), partner + "-" + source, version, Timestamp.from(queued), attempts,
                        acked == null ? null : Timestamp.from(acked), refused == null ? null : "EXCHANGE_MESSAGE_INVALID",
                        refused == null ? null : Timestamp.from(refused))
                .query(Long.class).single();
    }

    private UUID batch(Instant received, boolean withRefusedMessage) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO exchange.inbound_batch (partner_code, batch_id, created_at, received_at, messages,
                               applied, digest)
                        VALUES (?, ?, ?, ?, 2, 1, 'digest')""")
                .params(partner, id, Timestamp.from(received), Timestamp.from(received)).update();
        if (withRefusedMessage) {
            jdbc.sql("""
                            INSERT INTO exchange.inbound_refused_message (partner_code, batch_id, idx, code, reason,
                                   refused_at)
                            VALUES (?, ?, 1, 'EXCHANGE_MESSAGE_INVALID', 'messages[1]: status', ?)""")
                    .params(partner, id, Timestamp.from(received)).update();
        }
        return id;
    }

    private List<Long> seqs() {
        return jdbc.sql("SELECT seq FROM exchange.outbox WHERE partner_code = ?").param(partner).query(Long.class)
                .list();
    }

    private List<UUID> batches() {
        return jdbc.sql("SELECT batch_id FROM exchange.inbound_batch WHERE partner_code = ?").param(partner)
                .query(UUID.class).list();
    }
}
