package cn.chengxin.exchange;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import cn.chengxin.shared.JobAmount;
import cn.chengxin.shared.jdbc.ResumablePasses;
import cn.chengxin.shared.jdbc.RetentionPasses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Prunes what the exchange kept for good (gaps review xxxiii N9), once it is past the reconciliation window
 * ({@link Reconciling#LOOK_BACK_DAYS}, 7 days) and a margin ({@code chengxin.exchange.retention.acknowledged},
 * 37 days; refused at start at or below the window):
 * <ul>
 * <li>outbox versions a partner acknowledged that a later acknowledged version of the same message to the same
 * partner superseded. The latest acknowledged version of each message stays: it is the record of what the partner
 * holds, read by reconciliation ({@code sentOn}, {@code latestSent}), by resends (the same version sent again) and by
 * the exits sent only for an entry that was sent ({@code everQueued}). A message not acknowledged — waiting, set aside
 * as refused, handed out to a pulling partner whose cursor has not passed it yet (a pull acknowledges only what the
 * partner's cursor passed, {@code acknowledgeUpTo}) — is never pruned;</li>
 * <li>the ids of inbound batches received before the cutoff (with the messages of them refused over Kafka): a replay
 * of one is refused as stale by its creation time ({@code exchange.max-skew}, 5 minutes over HTTP), and a Kafka
 * topic does not keep records for weeks;</li>
 * <li>the kept hours of acknowledgements ({@code exchange.acked_hour}, V433) older than the exchange page reads
 * ({@link Exchange#ACKNOWLEDGED_OVER}, 7 days) and a day ({@link #ACKED_HOURS_KEPT}; gaps review xxxv P9 rest): 24 rows
 * a partner a day, one statement.</li>
 * </ul>
 * Nightly, a chunk per transaction under a claim ({@link ResumablePasses}), never one huge DELETE.
 */
@Service
public class ExchangeRetention {

    private static final Logger log = LoggerFactory.getLogger(ExchangeRetention.class);

    /** The reconciliation window and a day: a message of a day still reconciled is never pruned. */
    static final Duration MINIMUM = Duration.ofDays(Reconciling.LOOK_BACK_DAYS + 1L);

    /**
     * How long the hours of acknowledgements are kept: the 7 days the exchange page shows ({@code 近 7 日已确认}, from
     * the hour 7 days back) and a day, for an instance whose clock runs ahead or a page opened as the pass runs.
     */
    static final Duration ACKED_HOURS_KEPT = Exchange.ACKNOWLEDGED_OVER.plusDays(1);

    static final String OUTBOX = "outbox";
    static final String INBOUND_BATCH = "inbound_batch";

    private static final int CHUNK = 2_000;

    private final Duration kept;
    private final JdbcClient jdbc;
    private final RetentionPasses passes;
    private final Clock clock;

    ExchangeRetention(@Value("${chengxin.exchange.retention.acknowledged:37d}") Duration kept, JdbcClient jdbc,
                      PlatformTransactionManager transactions, Clock clock) {
        this.kept = RetentionPasses.atLeast(kept, MINIMUM, "chengxin.exchange.retention.acknowledged",
                "the reconciliation window of " + Reconciling.LOOK_BACK_DAYS + " days and a day");
        this.jdbc = jdbc;
        this.clock = clock;
        this.passes = new RetentionPasses(jdbc, transactions, clock, "exchange.retention_pass");
    }

    /** Nightly at 04:40 Beijing time, after the reconciliation (02:30). */
    @Scheduled(cron = "${chengxin.exchange.retention.cron:0 40 4 * * *}", zone = "Asia/Shanghai")
    public void nightly() {
        prune(clock);
    }

    /** What a run deleted here: outbox versions, inbound batch ids and hours of acknowledgements. */
    public record Pruned(long outbox, long inboundBatches, long ackedHours) {
    }

    /** Runs (or joins, or goes on with) the passes of {@code now}'s day. */
    public Pruned prune(Clock now) {
        return prune(now, CHUNK);
    }

    /** As {@link #prune(Clock)}, {@code chunk} rows per transaction (a test's small chunks). */
    Pruned prune(Clock now, int chunk) {
        long outbox = passes.prune(OUTBOX, now, kept, chunk, (day, after, size) -> outboxChunk(day, size));
        long batches = passes.prune(INBOUND_BATCH, now, kept, chunk, (day, after, size) -> batchChunk(day, size));
        // A few hundred rows at most (24 a partner a day, pruned daily): one statement, on every run.
        long hours = jdbc.sql("DELETE FROM exchange.acked_hour WHERE hour < ?")
                .param(Timestamp.from(now.instant().minus(ACKED_HOURS_KEPT))).update();
        JobAmount.add(hours);
        if (outbox + batches + hours > 0) {
            log.info("Exchange retention: {} superseded acknowledged outbox versions and {} inbound batch ids "
                    + "past the reconciliation window, {} hours of acknowledgements past the page's {} days deleted",
                    outbox, batches, hours, ACKED_HOURS_KEPT.toDays());
        }
        return new Pruned(outbox, batches, hours);
    }

    public Optional<ResumablePasses.Pass> pass(String code, LocalDate day) {
        return passes.pass(code, day);
    }

    /**
     * The next {@code size} outbox rows after the pass's seq acknowledged before the cutoff; of them, those a later
     * acknowledged version of the same message to the same partner superseded are deleted, the condition checked
     * again as they are deleted (a message queued again meanwhile is no longer acknowledged).
     */
    private ResumablePasses.Chunk outboxChunk(int day, int size) {
        long[] done = jdbc.sql("""
                        WITH p AS (SELECT cutoff, after_seq FROM exchange.retention_pass WHERE code = ? AND day = ?),
                        read AS MATERIALIZED (
                            SELECT o.seq FROM exchange.outbox o, p
                            WHERE o.seq > p.after_seq AND o.acked_at < p.cutoff AND o.refused_at IS NULL
                            ORDER BY o.seq LIMIT ?),
                        gone AS (
                            DELETE FROM exchange.outbox o USING read r, p
                            WHERE o.seq = r.seq AND o.acked_at < p.cutoff AND o.refused_at IS NULL
                              AND EXISTS (SELECT 1 FROM exchange.outbox n
                                          WHERE n.partner_code = o.partner_code
                                            AND n.source_platform = o.source_platform AND n.source_id = o.source_id
                                            AND n.version > o.version AND n.acked_at IS NOT NULL)
                            RETURNING o.seq),
                        moved AS (
                            UPDATE exchange.retention_pass SET after_seq = (SELECT max(seq) FROM read)
                            WHERE code = ? AND day = ? AND EXISTS (SELECT 1 FROM read))
                        SELECT (SELECT count(*) FROM read), (SELECT count(*) FROM gone)""")
                .params(OUTBOX, day, size, OUTBOX, day)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        return new ResumablePasses.Chunk(null, (int) done[0], (int) done[1]);
    }

    /** The next {@code size} inbound batch ids received before the cutoff, deleted with their refused messages. */
    private ResumablePasses.Chunk batchChunk(int day, int size) {
        Timestamp cutoff = jdbc.sql("SELECT cutoff FROM exchange.retention_pass WHERE code = ? AND day = ?")
                .params(INBOUND_BATCH, day).query(Timestamp.class).single();
        List<Object[]> read = jdbc.sql("""
                        SELECT partner_code, batch_id FROM exchange.inbound_batch WHERE received_at < ?
                        ORDER BY received_at LIMIT ?""")
                .params(cutoff, size).query((rs, n) -> new Object[] {rs.getString(1), rs.getObject(2)}).list();
        if (!read.isEmpty()) {
            String[] partners = read.stream().map(r -> (String) r[0]).toArray(String[]::new);
            java.util.UUID[] ids = read.stream().map(r -> (java.util.UUID) r[1]).toArray(java.util.UUID[]::new);
            String keys = "(partner_code, batch_id) IN (SELECT * FROM unnest(?::text[], ?::uuid[]))";
            jdbc.sql("DELETE FROM exchange.inbound_refused_message WHERE " + keys).params(partners, ids).update();
            jdbc.sql("DELETE FROM exchange.inbound_batch WHERE " + keys).params(partners, ids).update();
        }
        return new ResumablePasses.Chunk(null, read.size(), read.size());
    }
}
