package cn.chengxin.exchange.persistence;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import cn.chengxin.audit.AuditedRows;
import cn.chengxin.exchange.Partner;
import cn.chengxin.exchange.PartnerSetting;
import cn.chengxin.exchange.QueueSize;
import cn.chengxin.exchange.QueuedMessage;
import cn.chengxin.exchange.ReceivedEntry;
import cn.chengxin.exchange.ReconciliationResult;
import cn.chengxin.exchange.RefusedAttempt;
import cn.chengxin.exchange.domain.ExchangeMessage;
import cn.chengxin.exchange.domain.MessageKind;
import cn.chengxin.exchange.domain.PlatformLevel;
import cn.chengxin.exchange.domain.Relation;
import cn.chengxin.exchange.wire.MessageRefusals;
import cn.chengxin.shared.FeedCursor;
import cn.chengxin.shared.jdbc.SkippedNumbers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The exchange schema: partners, the outbox, accepted batch ids, what was received. */
@Repository
public class JdbcExchange {

    private static final String PARTNER_COLUMNS = "code, name, level, relation, base_url, public_key, enabled, "
            + "failures, next_attempt_at, last_error, last_ack_at, pull, pull_cursor, pull_failures, pull_next_at, "
            + "last_pull_at, pull_error";
    private static final String OUTBOX_COLUMNS = "seq, partner_code, kind, source_id, version, status, queued_at, "
            + "attempts, acked_at, refused_code, refused_at, refused_reason";
    private static final String RECEIVED_COLUMNS = "source_platform, source_id, subject_pseudonym, masked_name, "
            + "list_type, legal_basis, department, occurred_at, period_end, disputed OR objected, in_force, "
            + "issuing_platform, change_seq, item_code, proceedings, received_at, objected, masked_number";

    private final JdbcClient jdbc;

    public JdbcExchange(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- partners

    public void savePartner(PartnerSetting p, Instant at) {
        jdbc.sql("""
                        INSERT INTO exchange.partner (code, name, level, relation, base_url, public_key, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level,
                            relation = EXCLUDED.relation, base_url = EXCLUDED.base_url,
                            public_key = EXCLUDED.public_key, enabled = true, updated_at = EXCLUDED.updated_at""")
                .params(p.code(), p.name(), p.level().name(), p.relation().name(), p.baseUrl(), p.publicKey(),
                        Timestamp.from(at)).update();
    }

    public List<Partner> partners() {
        return jdbc.sql("SELECT " + PARTNER_COLUMNS + " FROM exchange.partner ORDER BY relation, code")
                .query(this::mapPartner).list();
    }

    public Optional<Partner> partner(String code) {
        return jdbc.sql("SELECT " + PARTNER_COLUMNS + " FROM exchange.partner WHERE code = ?").param(code)
                .query(this::mapPartner).optional();
    }

    /** Whether any enabled partner has the relation (nothing is queued upward on a platform without a parent). */
    public boolean anyEnabled(Relation relation) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM exchange.partner WHERE relation = ? AND enabled)")
                .param(relation.name()).query(Boolean.class).single();
    }

    public void pushFailed(String code, int failures, Instant nextAttempt, String error) {
        jdbc.sql("UPDATE exchange.partner SET failures = ?, next_attempt_at = ?, last_error = ? WHERE code = ?")
                .params(failures, Timestamp.from(nextAttempt), error, code).update();
    }

    public void pushSucceeded(String code, Instant at) {
        jdbc.sql("UPDATE exchange.partner SET failures = 0, next_attempt_at = NULL, last_error = NULL, "
                + "last_ack_at = ? WHERE code = ?").params(Timestamp.from(at), code).update();
    }

    /**
     * Claims (or keeps) the push of a partner for the turn {@code turn} until {@code until}, when no other turn holds
     * it and it is due: one statement, so of two instances claiming at once one gets it, and a turn that dies holding
     * it holds it no longer than {@code until} (gaps review xxxiii N5).
     */
    public boolean claimPush(String code, UUID turn, Instant now, Instant until) {
        return jdbc.sql("""
                        UPDATE exchange.partner SET push_claimed_by = ?, push_claimed_until = ?
                        WHERE code = ? AND enabled AND base_url IS NOT NULL
                          AND (push_claimed_by = ? OR push_claimed_until IS NULL OR push_claimed_until <= ?)
                          AND (next_attempt_at IS NULL OR next_attempt_at <= ?)""")
                .params(turn, Timestamp.from(until), code, turn, Timestamp.from(now), Timestamp.from(now))
                .update() == 1;
    }

    /** The turn's push of the partner ended: its claim is released (another turn's is left). */
    public void releasePush(String code, UUID turn) {
        jdbc.sql("UPDATE exchange.partner SET push_claimed_by = NULL, push_claimed_until = NULL "
                + "WHERE code = ? AND push_claimed_by = ?").params(code, turn).update();
    }

    // ---- pulls

    /** Marks the partner to be pulled, or not; false when there is no such partner. */
    public boolean setPulled(String code, boolean pull) {
        return jdbc.sql("UPDATE exchange.partner SET pull = ?, pull_failures = 0, pull_next_at = NULL, "
                + "pull_error = NULL WHERE code = ?").params(pull, code).update() == 1;
    }

    /**
     * Claims the pull of a partner until {@code until}, when no other node holds it and it is due: the partner's
     * cursor, or empty when the partner is not to be pulled now. One statement, so of two nodes claiming at once one
     * gets it; a node that dies holding it holds it no longer than {@code until}.
     */
    public Optional<Long> claimPull(String code, Instant now, Instant until) {
        return jdbc.sql("""
                        UPDATE exchange.partner SET pull_claimed_until = ?
                        WHERE code = ? AND pull AND enabled
                          AND (pull_claimed_until IS NULL OR pull_claimed_until <= ?)
                          AND (pull_next_at IS NULL OR pull_next_at <= ?)
                        RETURNING pull_cursor""")
                .params(Timestamp.from(until), code, Timestamp.from(now), Timestamp.from(now))
                .query(Long.class).optional();
    }

    /**
     * A pull's answer applied: the cursor to pull after next (never backwards: an older answer given again cannot
     * bring back what was acknowledged), in the transaction that applies the answer, and the claim released.
     */
    public void pulled(String code, long cursor, Instant at) {
        jdbc.sql("""
                        UPDATE exchange.partner SET pull_cursor = GREATEST(pull_cursor, ?), pull_failures = 0,
                            pull_next_at = NULL, pull_error = NULL, last_pull_at = ?, pull_claimed_until = NULL
                        WHERE code = ?""").params(cursor, Timestamp.from(at), code).update();
    }

    /** A pull failed: the cursor stays, the next pull waits until {@code nextAttempt}, the claim is released. */
    public void pullFailed(String code, int failures, Instant nextAttempt, String error) {
        jdbc.sql("UPDATE exchange.partner SET pull_failures = ?, pull_next_at = ?, pull_error = ?, "
                + "pull_claimed_until = NULL WHERE code = ?")
                .params(failures, Timestamp.from(nextAttempt), error, code).update();
    }

    // ---- inbound refusals

    /**
     * Refused inbound requests as the audit log stores them, in the transaction of their audit events: a refusal
     * shows in the console exactly when it is audited. Those older than 90 days are dropped on the way: the console
     * shows recent ones, the audit log keeps them all.
     */
    public static final AuditedRows<RefusedAttempt> REFUSED_ATTEMPTS = new AuditedRows<>() {

        @Override
        public String sql() {
            return """
                    INSERT INTO exchange.refused_attempt (at, partner_sent, operation, code, reason)
                    SELECT u.at::timestamptz, u.partner, u.operation, u.code, u.reason
                    FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                         AS u(at, partner, operation, code, reason);
                    DELETE FROM exchange.refused_attempt WHERE at < now() - interval '90 days'""";
        }

        @Override
        public int bind(Connection c, PreparedStatement ps, int first, List<RefusedAttempt> rows)
                throws SQLException {
            ps.setArray(first, c.createArrayOf("text", rows.stream().map(r -> r.at().toString()).toArray()));
            ps.setArray(first + 1, c.createArrayOf("text", rows.stream().map(RefusedAttempt::partnerSent).toArray()));
            ps.setArray(first + 2, c.createArrayOf("text", rows.stream().map(RefusedAttempt::operation).toArray()));
            ps.setArray(first + 3, c.createArrayOf("text", rows.stream().map(RefusedAttempt::code).toArray()));
            ps.setArray(first + 4, c.createArrayOf("text", rows.stream().map(RefusedAttempt::reason).toArray()));
            return first + 5;
        }
    };

    /** The latest refused inbound requests, the latest first. */
    public List<RefusedAttempt> refusedAttempts(int limit) {
        return jdbc.sql("SELECT at, partner_sent, operation, code, reason FROM exchange.refused_attempt "
                        + "ORDER BY at DESC, id DESC LIMIT ?")
                .param(limit).query((rs, n) -> new RefusedAttempt(rs.getTimestamp(1).toInstant(), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5))).list();
    }

    // ---- outbox

    public long nextVersion() {
        return jdbc.sql("SELECT nextval('exchange.message_version')").query(Long.class).single();
    }

    /** Queues a message for every enabled partner of the relation; a message queued already is not queued again. */
    public int enqueue(Relation to, UUID subjectId, ExchangeMessage m, String body, Instant at) {
        return jdbc.sql("""
                        INSERT INTO exchange.outbox (partner_code, subject_id, source_platform, source_id, version,
                               kind, status, body, queued_at)
                        SELECT code, ?, ?, ?, ?, ?, ?, ?::jsonb, ? FROM exchange.partner
                        WHERE relation = ? AND enabled
                        ON CONFLICT ON CONSTRAINT outbox_once DO NOTHING""")
                .params(subjectId, m.sourcePlatform(), m.sourceId(), m.version(), m.kind().name(), m.status(), body,
                        Timestamp.from(at), to.name()).update();
    }

    /** Queues a message for the named partners (a relay); a message queued already is not queued again. */
    public int enqueueTo(List<String> partnerCodes, UUID subjectId, ExchangeMessage m, String body, Instant at) {
        return jdbc.sql("""
                        INSERT INTO exchange.outbox (partner_code, subject_id, source_platform, source_id, version,
                               kind, status, body, queued_at)
                        SELECT code, ?, ?, ?, ?, ?, ?, ?::jsonb, ? FROM exchange.partner
                        WHERE code = ANY(?) AND enabled
                        ON CONFLICT ON CONSTRAINT outbox_once DO NOTHING""")
                .params(subjectId, m.sourcePlatform(), m.sourceId(), m.version(), m.kind().name(), m.status(), body,
                        Timestamp.from(at), partnerCodes.toArray(String[]::new)).update();
    }

    /** A message to send a partner again: about whom, and the message as the outbox keeps it (no number). */
    public record Outgoing(UUID subjectId, ExchangeMessage message, String body) {
    }

    /**
     * Queues our records' current messages for the partner, in one statement: where the latest message queued for
     * a record (to any partner) says the same, apart from its version and time, its version and body are used
     * again, so partners hold the same versions; otherwise the message gets a new version. A message the partner
     * had is sent again (its acknowledgement is cleared).
     *
     * @return how many messages were queued or queued again
     */
    public int resendRecords(String partnerCode, String self, List<Outgoing> records, Instant at) {
        return jdbc.sql("""
                        WITH fresh AS MATERIALIZED (
                            SELECT f.subject_id, f.source_id, f.status, f.body::jsonb AS body, o.version AS old_version,
                                   o.body AS old_body
                            FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[]) AS f(subject_id, source_id, status, body)
                            LEFT JOIN LATERAL (
                                SELECT version, body FROM exchange.outbox
                                WHERE source_platform = ? AND source_id = f.source_id
                                ORDER BY version DESC LIMIT 1) o ON true),
                        versioned AS MATERIALIZED (
                            SELECT subject_id, source_id, status,
                                   old_body IS NOT NULL AND old_body - 'version' - 'occurredAt'
                                       = body - 'version' - 'occurredAt' AS same,
                                   body, old_body, old_version
                            FROM fresh),
                        chosen AS MATERIALIZED (
                            SELECT subject_id, source_id, status, same, body, old_body,
                                   CASE WHEN same THEN old_version ELSE nextval('exchange.message_version') END AS version
                            FROM versioned)
                        INSERT INTO exchange.outbox (partner_code, subject_id, source_platform, source_id, version,
                               kind, status, body, queued_at)
                        SELECT ?, subject_id, ?, source_id, version, 'RECORD', status,
                               CASE WHEN same THEN old_body ELSE jsonb_set(body, '{version}', to_jsonb(version)) END, ?
                        FROM chosen
                        ON CONFLICT ON CONSTRAINT outbox_once DO UPDATE SET acked_at = NULL, refused_code = NULL, refused_reason = NULL,
                            refused_at = NULL""")
                .params(records.stream().map(Outgoing::subjectId).toArray(UUID[]::new),
                        records.stream().map(r -> r.message().sourceId()).toArray(String[]::new),
                        records.stream().map(r -> r.message().status()).toArray(String[]::new),
                        records.stream().map(Outgoing::body).toArray(String[]::new), self, partnerCode, self,
                        Timestamp.from(at))
                .update();
    }

    /**
     * Queues messages whose version is their own (list entries: the entry's change number) for the partner, in one
     * statement; a message the partner had is sent again.
     *
     * @return how many messages were queued or queued again
     */
    public int resend(String partnerCode, List<Outgoing> messages, Instant at) {
        return jdbc.sql("""
                        INSERT INTO exchange.outbox (partner_code, subject_id, source_platform, source_id, version,
                               kind, status, body, queued_at)
                        SELECT ?, m.subject_id, m.source_platform, m.source_id, m.version, m.kind, m.status,
                               m.body::jsonb, ?
                        FROM unnest(?::uuid[], ?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[])
                             AS m(subject_id, source_platform, source_id, version, kind, status, body)
                        ON CONFLICT ON CONSTRAINT outbox_once DO UPDATE SET acked_at = NULL, refused_code = NULL, refused_reason = NULL,
                            refused_at = NULL""")
                .params(partnerCode, Timestamp.from(at),
                        messages.stream().map(Outgoing::subjectId).toArray(UUID[]::new),
                        messages.stream().map(m -> m.message().sourcePlatform()).toArray(String[]::new),
                        messages.stream().map(m -> m.message().sourceId()).toArray(String[]::new),
                        messages.stream().map(m -> m.message().version()).toArray(Long[]::new),
                        messages.stream().map(m -> m.message().kind().name()).toArray(String[]::new),
                        messages.stream().map(m -> m.message().status()).toArray(String[]::new),
                        messages.stream().map(Outgoing::body).toArray(String[]::new))
                .update();
    }

    /** Relayed messages sent again: how many were queued, and how many could not be (no number kept here). */
    public record Relays(int queued, long notKept) {
    }

    /**
     * Queues for the partner, in one statement, the messages of other platforms that we hold and that come to it by
     * relay — in force, or ended after they were relayed to it (the end must reach it, RULES.md §6); received through
     * one of {@code viaIn} (null: any) and none of {@code viaNotIn}, neither from the partner nor issued by it —
     * copied from the outbox, where they wait with their subject registered here. A message received when nobody was to be relayed to was kept without its number and cannot be sent.
     * {@code entriesOnly}: list entries only (to a child, {@link Relation#takesRelayed}).
     */
    public Relays resendRelayed(String partnerCode, List<String> viaIn, List<String> viaNotIn, boolean entriesOnly,
                                Instant at) {
        String received = "FROM exchange.received r\n";
        String eligible = """
                WHERE (r.in_force OR EXISTS (SELECT 1 FROM exchange.outbox p WHERE p.partner_code = ?
                                             AND p.source_platform = r.source_platform AND p.source_id = r.source_id))
                  AND r.source_platform <> ? AND r.via_partner <> ?
                  AND (?::text[] IS NULL OR r.via_partner = ANY(?::text[])) AND r.via_partner <> ALL(?::text[])
                  AND (NOT ? OR r.kind = 'LIST_ENTRY')""";
        String[] in = viaIn == null ? null : viaIn.toArray(String[]::new);
        String[] notIn = viaNotIn.toArray(String[]::new);
        int queued = jdbc.sql("""
                        INSERT INTO exchange.outbox (partner_code, subject_id, source_platform, source_id, version,
                               kind, status, body, queued_at)
                        SELECT ?, o.subject_id, o.source_platform, o.source_id, o.version, o.kind, o.status, o.body, ?
                        """ + received + """
                        CROSS JOIN LATERAL (
                            SELECT subject_id, source_platform, source_id, version, kind, status, body
                            FROM exchange.outbox o
                            WHERE o.source_platform = r.source_platform AND o.source_id = r.source_id
                              AND o.version = r.version
                            ORDER BY o.seq LIMIT 1) o
                        """ + eligible + """

                        ON CONFLICT ON CONSTRAINT outbox_once DO UPDATE SET acked_at = NULL, refused_code = NULL, refused_reason = NULL,
                            refused_at = NULL""")
                .params(partnerCode, Timestamp.from(at), partnerCode, partnerCode, partnerCode, in, in, notIn, entriesOnly)
                .update();
        long notKept = jdbc.sql("SELECT count(*) " + received + eligible + """

                          AND NOT EXISTS (SELECT 1 FROM exchange.outbox o WHERE o.source_platform = r.source_platform
                                          AND o.source_id = r.source_id AND o.version = r.version)""")
                .params(partnerCode, partnerCode, partnerCode, in, in, notIn, entriesOnly).query(Long.class).single();
        return new Relays(queued, notKept);
    }

    /** Whether anything about the source id was ever queued (an exit is sent only for an entry that was). */
    public boolean everQueued(String sourceId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM exchange.outbox WHERE source_id = ?)").param(sourceId)
                .query(Boolean.class).single();
    }

    /** Which of the source ids had anything queued, ever (its later changes are sent whatever the item's mark). */
    public java.util.Set<String> everQueued(List<String> sourceIds) {
        return new java.util.HashSet<>(jdbc.sql("SELECT DISTINCT source_id FROM exchange.outbox WHERE source_id = ANY(?)")
                .param(sourceIds.toArray(String[]::new)).query(String.class).list());
    }

    public record Waiting(long seq, UUID subjectId, String body) {
    }

    /** The oldest unacknowledged messages for a partner after {@code afterSeq}, in queue order; none set aside. */
    public List<Waiting> waiting(String partnerCode, long afterSeq, int limit) {
        return jdbc.sql("SELECT seq, subject_id, body::text FROM exchange.outbox WHERE partner_code = ? "
                        + "AND acked_at IS NULL AND refused_at IS NULL AND seq > ? ORDER BY seq LIMIT ?")
                .params(partnerCode, afterSeq, limit)
                .query((rs, n) -> new Waiting(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3))).list();
    }

    public void attempted(List<Long> seqs, UUID batchId) {
        jdbc.sql("UPDATE exchange.outbox SET attempts = attempts + 1, batch_id = ? WHERE seq = ANY(?)")
                .params(batchId, seqs.toArray(Long[]::new)).update();
    }

    /**
     * The partner refused the message for what it says, with its code and reason: it waits no more, and holds nothing
     * behind it.
     */
    public void setAside(long seq, String refusalCode, String reason, Instant at) {
        jdbc.sql("UPDATE exchange.outbox SET refused_code = ?, refused_reason = ?, refused_at = ? WHERE seq = ?")
                .params(refusalCode, reason, Timestamp.from(at), seq).update();
    }

    /**
     * The partner answered over Kafka that it refused the message it got in batch {@code batchId} for what it says:
     * the message is set aside as a refused push is, and no longer counts as delivered.
     *
     * @return its sequence number, or empty when no such message travelled last in that batch (or it is set aside)
     */
    public Optional<Long> setAsideSent(String partnerCode, UUID batchId, String sourcePlatform, String sourceId,
                                       long version, String refusalCode, String reason, Instant at) {
        return jdbc.sql("""
                        UPDATE exchange.outbox SET acked_at = NULL, refused_code = ?, refused_reason = ?, refused_at = ?
                        WHERE partner_code = ? AND batch_id = ? AND source_platform = ? AND source_id = ?
                              AND version = ? AND refused_at IS NULL
                        RETURNING seq""")
                .params(refusalCode, reason, Timestamp.from(at), partnerCode, batchId, sourcePlatform, sourceId,
                        version).query(Long.class).optional();
    }

    /** The messages partners refused, the latest first. */
    public List<QueuedMessage> setAside(int limit) {
        return jdbc.sql("SELECT " + OUTBOX_COLUMNS + " FROM exchange.outbox WHERE refused_at IS NOT NULL "
                        + "AND acked_at IS NULL ORDER BY refused_at DESC, seq LIMIT ?")
                .param(limit).query(this::mapQueued).list();
    }

    public int acknowledge(String partnerCode, List<Long> seqs, Instant at) {
        return counted("UPDATE exchange.outbox SET acked_at = ? WHERE partner_code = ? AND seq = ANY(?) "
                + "AND acked_at IS NULL AND refused_at IS NULL", partnerCode, at, seqs.toArray(Long[]::new));
    }

    /**
     * Runs {@code update} (an UPDATE of the outbox setting acked_at, parameters: the time, the partner, then
     * {@code last}) and adds the messages it acknowledged to the partner's hour in the same statement
     * (gaps-review-xxxv P9, V433): the page reads those sums, never the acknowledged rows.
     */
    private int counted(String update, String partnerCode, Instant at, Object last) {
        return jdbc.sql("WITH acked AS (" + update + " RETURNING 1), "
                        + "kept AS (INSERT INTO exchange.acked_hour (partner_code, hour, messages) "
                        + "SELECT ?, date_trunc('hour', ?::timestamptz), count(*) FROM acked HAVING count(*) > 0 "
                        + "ON CONFLICT (partner_code, hour) DO UPDATE "
                        + "SET messages = exchange.acked_hour.messages + EXCLUDED.messages) "
                        + "SELECT count(*) FROM acked")
                .params(Timestamp.from(at), partnerCode, last, partnerCode, Timestamp.from(at))
                .query(Long.class).single().intValue();
    }

    /**
     * A pull at cursor {@code upTo} acknowledges what the partner pulled before: the messages up to it that were
     * handed out. Sequence numbers are taken before commit, so a message committed late can sit below a cursor
     * already given; never handed out, it stays waiting (and comes in the next answer).
     */
    public int acknowledgeUpTo(String partnerCode, long upTo, Instant at) {
        return counted("UPDATE exchange.outbox SET acked_at = ? WHERE partner_code = ? AND seq <= ? "
                + "AND acked_at IS NULL AND attempts > 0", partnerCode, at, upTo);
    }

    public List<QueuedMessage> queuedFor(UUID subjectId) {
        return jdbc.sql("SELECT " + OUTBOX_COLUMNS + " FROM exchange.outbox WHERE subject_id = ? ORDER BY seq")
                .param(subjectId).query(this::mapQueued).list();
    }

    /** {@link #queueSizes}'s statement, one parameter (since); public for the query-plan test. */
    public static final String QUEUE_SIZES = """
            SELECT p.code, w.waiting, w.oldest, coalesce(a.acked, 0), s.set_aside
            FROM exchange.partner p
            CROSS JOIN LATERAL (SELECT count(*) AS waiting, min(o.queued_at) AS oldest FROM exchange.outbox o
                                WHERE o.partner_code = p.code AND o.acked_at IS NULL
                                  AND o.refused_at IS NULL) w
            CROSS JOIN LATERAL (SELECT count(*) AS set_aside FROM exchange.outbox o
                                WHERE o.partner_code = p.code AND o.acked_at IS NULL
                                  AND o.refused_at IS NOT NULL) s
            CROSS JOIN LATERAL (SELECT sum(h.messages) AS acked FROM exchange.acked_hour h
                                WHERE h.partner_code = p.code AND h.hour >= date_trunc('hour', ?::timestamptz)) a
            ORDER BY p.code""";

    /**
     * Each partner's waiting and set-aside messages, the oldest waiting, and the messages acknowledged since
     * {@code since} (gaps-review-xxxv P9): the first two over partial indexes of those rows only (outbox_waiting_since,
     * outbox_set_aside, V434/V435), the last from the kept hours (V433); never a scan of the outbox, whose acknowledged
     * rows stay for every record shared.
     */
    public List<QueueSize> queueSizes(Instant since) {
        return jdbc.sql(QUEUE_SIZES)
                .param(Timestamp.from(since))
                .query((rs, n) -> new QueueSize(rs.getString(1), rs.getLong(2), instant(rs.getTimestamp(3)),
                        rs.getLong(4), rs.getLong(5))).list();
    }

    // ---- feeds followed

    /**
     * The position reached in a feed, locked for the rest of the transaction: followers on several instances take
     * turns, so no change is queued twice.
     */
    /** The numbers the follower of the feed stepped over and reads again ({@link SkippedNumbers}). */
    public List<FeedCursor.Skipped> skipped(String feed) {
        return SkippedNumbers.read(jdbc, "exchange.feed_skipped", feed);
    }

    /** Keeps the numbers stepped over, in the transaction that moves the feed's position. */
    public void saveSkipped(String feed, List<FeedCursor.Skipped> read, List<FeedCursor.Skipped> kept) {
        SkippedNumbers.save(jdbc, "exchange.feed_skipped", feed, read, kept);
    }

    public long lockPosition(String feed) {
        jdbc.sql("INSERT INTO exchange.feed_position (feed, position) VALUES (?, 0) ON CONFLICT DO NOTHING")
                .param(feed).update();
        return jdbc.sql("SELECT position FROM exchange.feed_position WHERE feed = ? FOR UPDATE").param(feed)
                .query(Long.class).single();
    }

    public void savePosition(String feed, long position) {
        jdbc.sql("INSERT INTO exchange.feed_position (feed, position) VALUES (?, ?) "
                + "ON CONFLICT (feed) DO UPDATE SET position = EXCLUDED.position").params(feed, position).update();
    }

    // ---- inbound

    /** Remembers an accepted batch id; false when the partner sent this id before (a replay). */
    public boolean acceptBatch(String partnerCode, UUID batchId, Instant createdAt, Instant at, int messages,
                               String digest) {
        return jdbc.sql("""
                        INSERT INTO exchange.inbound_batch (partner_code, batch_id, created_at, received_at, messages,
                               applied, digest)
                        VALUES (?, ?, ?, ?, ?, 0, ?) ON CONFLICT DO NOTHING""")
                .params(partnerCode, batchId, Timestamp.from(createdAt), Timestamp.from(at), messages, digest)
                .update() == 1;
    }

    /** Keeps a message of an accepted batch that was refused for what it says (over Kafka; the rest applied). */
    public void messageRefused(String partnerCode, UUID batchId, MessageRefusals.Refused refused, Instant at) {
        jdbc.sql("""
                        INSERT INTO exchange.inbound_refused_message (partner_code, batch_id, idx, source_platform,
                               source_id, version, code, reason, refused_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(partnerCode, batchId, refused.index(), refused.sourcePlatform(), refused.sourceId(),
                        refused.version(), refused.code(), refused.reason(), Timestamp.from(at)).update();
    }

    /** The messages of a batch the partner sent that were refused, in batch order. */
    public List<MessageRefusals.Refused> refusedIn(String partnerCode, UUID batchId) {
        return jdbc.sql("SELECT idx, source_platform, source_id, version, code, reason "
                        + "FROM exchange.inbound_refused_message WHERE partner_code = ? AND batch_id = ? ORDER BY idx")
                .params(partnerCode, batchId).query((rs, n) -> new MessageRefusals.Refused(rs.getInt(1),
                        rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5), rs.getString(6))).list();
    }

    public void batchApplied(String partnerCode, UUID batchId, int applied) {
        jdbc.sql("UPDATE exchange.inbound_batch SET applied = ? WHERE partner_code = ? AND batch_id = ?")
                .params(applied, partnerCode, batchId).update();
    }

    /** What to keep of a received message: no clear number. */
    public record Incoming(ExchangeMessage message, String viaPartner, String pseudonym, String maskedNumber,
                           String maskedName, String digest) {

        /** The same message kept under another pseudonym: its subject's holder's. */
        public Incoming underPseudonym(String holder) {
            return holder.equals(pseudonym) ? this
                    : new Incoming(message, viaPartner, holder, maskedNumber, maskedName, digest);
        }
    }

    /**
     * Applies a received message unless a version at least as new is held: the first arrival of a source id inserts,
     * a newer version replaces, an older or equal one changes nothing (whatever the arrival order). A record's or list
     * entry's pending reviews and lawsuits are replaced with the rest, so a version that sends none clears them
     * (RULES.md §5).
     *
     * <p>A record's message naming an old platform's id ({@code legacySourceId}, gaps review xliii X3: the sender
     * replaced that platform and back-loaded its history) takes over the record held under that id from the same
     * source platform, when none is held under the message's own id yet: the row is moved to the new id, its old
     * platform's version set aside (version 0, below any), and the message applied to it — one copy, updated, never a
     * second beside the old. Only relaying and reconciliation read received records, both by the new id from then on.
     *
     * @return true when the message changed what is held
     */
    public boolean apply(Incoming in, Instant at) {
        ExchangeMessage m = in.message();
        if (m.legacySourceId() != null && m.kind() == MessageKind.RECORD) {
            jdbc.sql("""
                            UPDATE exchange.received SET source_id = ?, version = 0
                            WHERE source_platform = ? AND source_id = ? AND kind = 'RECORD'
                              AND NOT EXISTS (SELECT 1 FROM exchange.received h
                                              WHERE h.source_platform = ? AND h.source_id = ?)""")
                    .params(m.sourceId(), m.sourcePlatform(), m.legacySourceId(), m.sourcePlatform(), m.sourceId())
                    .update();
        }
        return upsert(in, at, false);
    }

    /**
     * Takes the parent's state of another platform's message in reconciliation (the parent is authoritative on
     * conflicts): any other version held, lower or higher, is replaced.
     *
     * @return true when the message changed what is held
     */
    public boolean adopt(Incoming in, Instant at) {
        return upsert(in, at, true);
    }

    /**
     * Replaces the row held (a newer version, or with {@code anyOther} any other) or inserts the first one. Neither
     * takes a change number when nothing changes: an {@code INSERT … ON CONFLICT DO UPDATE} drew {@code change_seq}'s
     * default before finding the row held, so every message about a held row (each newer version, each replay or
     * older one) burnt a number of the received feed for good, a gap its followers (the check index, the lifts)
     * waited for and read again. The insert keeps its {@code ON CONFLICT} for two first versions arriving at once,
     * which burns one number then.
     */
    private boolean upsert(Incoming in, Instant at, boolean anyOther) {
        ExchangeMessage m = in.message();
        Optional<Long> held = jdbc.sql("SELECT version FROM exchange.received WHERE source_platform = ? AND source_id = ?")
                .params(m.sourcePlatform(), m.sourceId()).query(Long.class).optional();
        if (held.isPresent() && (anyOther ? held.get() == m.version() : held.get() >= m.version())) {
            return false;
        }
        Object[] values = {m.version(), in.viaPartner(), in.pseudonym(), in.maskedNumber(), in.maskedName(), m.item(),
                m.listType(), m.severity(), m.status(), m.inForce(), m.disputed(),
                date(m.period() == null ? null : m.period().start()), date(m.period() == null ? null : m.period().end()),
                m.department(), m.decisionNumber(), m.legalBasis(), m.issuingPlatformName(),
                Timestamp.from(m.occurredAt()), Timestamp.from(at), in.digest(),
                (m.proceedings() == null ? List.<String>of() : m.proceedings()).toArray(String[]::new)};
        if (held.isPresent()) {
            // Conditional again: another message about the row may have replaced it since it was read.
            return jdbc.sql("""
                            UPDATE exchange.received SET version = ?, via_partner = ?, subject_pseudonym = ?,
                                masked_number = ?, masked_name = ?, item_code = ?, list_type = ?, severity = ?, status = ?,
                                in_force = ?, disputed = ?, period_start = ?, period_end = ?, department = ?,
                                decision_number = ?, legal_basis = ?, issuing_platform = ?, occurred_at = ?,
                                received_at = ?, digest = ?, proceedings = ?, change_seq = nextval('exchange.received_seq')
                            WHERE source_platform = ? AND source_id = ? AND version\s""" + (anyOther ? "<> ?" : "< ?"))
                    .params(keyed(values, m.sourcePlatform(), m.sourceId(), m.version())).update() == 1;
        }
        String replaceWhen = anyOther ? "exchange.received.version <> EXCLUDED.version"
                : "exchange.received.version < EXCLUDED.version";
        return jdbc.sql("""
                        INSERT INTO exchange.received (version, via_partner, subject_pseudonym, masked_number,
                               masked_name, item_code, list_type, severity, status, in_force, disputed, period_start,
                               period_end, department, decision_number, legal_basis, issuing_platform, occurred_at,
                               received_at, digest, proceedings, source_platform, source_id, kind)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (source_platform, source_id) DO UPDATE SET version = EXCLUDED.version,
                            via_partner = EXCLUDED.via_partner, subject_pseudonym = EXCLUDED.subject_pseudonym,
                            masked_number = EXCLUDED.masked_number, masked_name = EXCLUDED.masked_name,
                            item_code = EXCLUDED.item_code, list_type = EXCLUDED.list_type,
                            severity = EXCLUDED.severity, status = EXCLUDED.status, in_force = EXCLUDED.in_force,
                            disputed = EXCLUDED.disputed, period_start = EXCLUDED.period_start,
                            period_end = EXCLUDED.period_end, department = EXCLUDED.department,
                            decision_number = EXCLUDED.decision_number, legal_basis = EXCLUDED.legal_basis,
                            issuing_platform = EXCLUDED.issuing_platform, occurred_at = EXCLUDED.occurred_at,
                            received_at = EXCLUDED.received_at, digest = EXCLUDED.digest,
                            proceedings = EXCLUDED.proceedings, change_seq = nextval('exchange.received_seq')
                        WHERE\s""" + replaceWhen)
                .params(keyed(values, m.sourcePlatform(), m.sourceId(), m.kind().name())).update() == 1;
    }

    /** The statements' parameters: {@code values} in their column order, then the columns named after them. */
    private static List<Object> keyed(Object[] values, Object... after) {
        List<Object> params = new ArrayList<>(Arrays.asList(values));
        params.addAll(Arrays.asList(after));
        return params;
    }

    /**
     * The numbers of the received rows (of any kind: records take numbers of the same sequence) whose last change has
     * a number in the spans a follower stepped over (gaps review xxxviii S1), ascending, at most {@code limit}.
     */
    public List<Long> receivedNumbersIn(List<FeedCursor.Skipped> spans, int limit) {
        return jdbc.sql("""
                        SELECT r.change_seq FROM unnest(?::bigint[], ?::bigint[]) AS s(f, l)
                        JOIN exchange.received r ON r.change_seq BETWEEN s.f AND s.l ORDER BY 1 LIMIT ?""")
                .params(spans.stream().map(FeedCursor.Skipped::first).toArray(Long[]::new),
                        spans.stream().map(FeedCursor.Skipped::last).toArray(Long[]::new), limit)
                .query(Long.class).list();
    }

    /** The received list entries whose last change has one of the numbers, oldest change first. */
    public List<ReceivedEntry> receivedNumbered(List<Long> seqs) {
        return jdbc.sql("SELECT " + RECEIVED_COLUMNS + " FROM exchange.received WHERE kind = 'LIST_ENTRY' "
                        + "AND change_seq = ANY(?::bigint[]) ORDER BY change_seq")
                .param(seqs.toArray(Long[]::new)).query(this::mapReceived).list();
    }

    /** Received list entries changed after {@code seq}, oldest change first. */
    public List<ReceivedEntry> receivedSince(long seq, int limit) {
        return jdbc.sql("SELECT " + RECEIVED_COLUMNS + " FROM exchange.received WHERE kind = 'LIST_ENTRY' "
                        + "AND change_seq > ? ORDER BY change_seq LIMIT ?")
                .params(seq, limit).query(this::mapReceived).list();
    }

    /** The received list entries changed last, the latest first, whatever their state. */
    public List<ReceivedEntry> latestReceived(int limit) {
        return jdbc.sql("SELECT " + RECEIVED_COLUMNS + " FROM exchange.received WHERE kind = 'LIST_ENTRY' "
                        + "ORDER BY change_seq DESC LIMIT ?")
                .param(limit).query(this::mapReceived).list();
    }

    /** The received list entries about the subject, whatever their state (one index scan). */
    public List<ReceivedEntry> receivedAbout(String pseudonym) {
        return jdbc.sql("SELECT " + RECEIVED_COLUMNS + " FROM exchange.received WHERE kind = 'LIST_ENTRY' "
                        + "AND subject_pseudonym = ?")
                .param(pseudonym).query(this::mapReceived).list();
    }

    /**
     * Sets or clears this platform's dispute mark on a received list entry (an objection filed here, RULES.md §5), and
     * renumbers it so that the check index reads it again; a version received later keeps the mark.
     *
     * @return whether the mark changed
     */
    public boolean markObjected(String sourcePlatform, String sourceId, boolean objected) {
        return jdbc.sql("""
                        UPDATE exchange.received SET objected = ?, change_seq = nextval('exchange.received_seq')
                        WHERE source_platform = ? AND source_id = ? AND kind = 'LIST_ENTRY' AND objected <> ?""")
                .params(objected, sourcePlatform, sourceId, objected).update() == 1;
    }

    public record Held(String sourcePlatform, String sourceId, long version, String status, String digest) {
    }

    public Optional<Held> held(String sourcePlatform, String sourceId) {
        return jdbc.sql("SELECT source_platform, source_id, version, status, digest FROM exchange.received "
                        + "WHERE source_platform = ? AND source_id = ?").params(sourcePlatform, sourceId)
                .query((rs, n) -> new Held(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5))).optional();
    }

    // ---- reconciliation

    /**
     * The latest acknowledged version of each source id this platform issued and sent to the partner, for the
     * messages of that version made on {@code day} (in {@code zone}).
     */
    public Map<String, Long> sentOn(String partnerCode, String self, LocalDate day, String zone) {
        Map<String, Long> versions = new HashMap<>();
        jdbc.sql("""
                        SELECT source_id, version FROM (
                            SELECT DISTINCT ON (source_id) source_id, version, queued_at FROM exchange.outbox
                            WHERE partner_code = ? AND source_platform = ? AND acked_at IS NOT NULL
                            ORDER BY source_id, version DESC) latest
                        WHERE (queued_at AT TIME ZONE ?)::date = ?""")
                .params(partnerCode, self, zone, Date.valueOf(day))
                .query((rs, n) -> versions.put(rs.getString(1), rs.getLong(2))).list();
        return versions;
    }

    /** The version held of each source id the platform issued, for versions made on {@code day} (in {@code zone}). */
    public Map<String, Long> heldOn(String sourcePlatform, LocalDate day, String zone) {
        Map<String, Long> versions = new HashMap<>();
        jdbc.sql("SELECT source_id, version FROM exchange.received WHERE source_platform = ? "
                        + "AND (occurred_at AT TIME ZONE ?)::date = ?")
                .params(sourcePlatform, zone, Date.valueOf(day))
                .query((rs, n) -> versions.put(rs.getString(1), rs.getLong(2))).list();
        return versions;
    }

    /** The latest version of each source id this platform issued that the partner acknowledged, any day. */
    public Map<String, Long> latestSent(String partnerCode, String self, List<String> sourceIds) {
        Map<String, Long> versions = new HashMap<>();
        jdbc.sql("""
                        SELECT source_id, max(version) FROM exchange.outbox
                        WHERE partner_code = ? AND source_platform = ? AND source_id = ANY(?) AND acked_at IS NOT NULL
                        GROUP BY source_id""")
                .params(partnerCode, self, sourceIds.toArray(String[]::new))
                .query((rs, n) -> versions.put(rs.getString(1), rs.getLong(2))).list();
        return versions;
    }

    /**
     * What this platform relayed to the partner and the partner acknowledged, issued by other platforms: the latest
     * version of each, keyed {@code <source platform>:<source id>}, for those whose latest was queued on {@code day}.
     */
    public Map<String, Long> relayedOn(String partnerCode, LocalDate day, String zone) {
        Map<String, Long> versions = new HashMap<>();
        jdbc.sql("""
                        SELECT source_platform || ':' || source_id, version FROM (
                            SELECT DISTINCT ON (source_platform, source_id) source_platform, source_id, version,
                                   queued_at
                            FROM exchange.outbox
                            WHERE partner_code = ? AND source_platform <> ? AND acked_at IS NOT NULL
                            ORDER BY source_platform, source_id, version DESC) latest
                        WHERE (queued_at AT TIME ZONE ?)::date = ?""")
                .params(partnerCode, partnerCode, zone, Date.valueOf(day))
                .query((rs, n) -> versions.put(rs.getString(1), rs.getLong(2))).list();
        return versions;
    }

    /** The latest message relayed to the partner for each key ({@code <source platform>:<source id>}). */
    public List<Waiting> latestRelayed(String partnerCode, List<String> keys) {
        return jdbc.sql("""
                        SELECT DISTINCT ON (o.source_platform, o.source_id) o.seq, o.subject_id, o.body::text
                        FROM unnest(?::text[]) AS k(key)
                        JOIN exchange.outbox o ON o.source_platform = split_part(k.key, ':', 1)
                             AND o.source_id = substr(k.key, strpos(k.key, ':') + 1)
                        WHERE o.partner_code = ? AND o.source_platform <> ?
                        ORDER BY o.source_platform, o.source_id, o.version DESC""")
                .params(keys.toArray(String[]::new), partnerCode, partnerCode)
                .query((rs, n) -> new Waiting(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3))).list();
    }

    /** The version held of each key ({@code <source platform>:<source id>}) received; absent: not held. */
    public Map<String, Long> heldVersions(java.util.Collection<String> keys) {
        Map<String, Long> versions = new HashMap<>();
        jdbc.sql("""
                        SELECT r.source_platform || ':' || r.source_id, r.version
                        FROM unnest(?::text[]) AS k(key)
                        JOIN exchange.received r ON r.source_platform = split_part(k.key, ':', 1)
                             AND r.source_id = substr(k.key, strpos(k.key, ':') + 1)""")
                .param(keys.toArray(String[]::new))
                .query((rs, n) -> versions.put(rs.getString(1), rs.getLong(2))).list();
        return versions;
    }

    /**
     * Sends the latest message of each source id to the partner again, unless the partner refused it for what it says
     * (set aside: sent again only by staff, {@code Resending}): queued with the others it would be refused again.
     */
    public int requeue(String partnerCode, List<String> sourceIds) {
        return jdbc.sql("""
                        UPDATE exchange.outbox SET acked_at = NULL
                        WHERE refused_at IS NULL AND seq IN (
                            SELECT DISTINCT ON (source_id) seq FROM exchange.outbox
                            WHERE partner_code = ? AND source_id = ANY(?) ORDER BY source_id, version DESC)""")
                .params(partnerCode, sourceIds.toArray(String[]::new)).update();
    }

    /**
     * The days from {@code from} to {@code to} whose latest reconciliation with a partner we still push to differed
     * (or failed), and those an enabled partner we push to has no reconciliation of although it has one of an earlier
     * day (a night no instance ran; gaps review xxxviii S6), the earliest first: reconciled again until they match.
     */
    public List<LocalDate> unresolvedDays(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        SELECT r.day FROM exchange.reconciliation r
                        JOIN exchange.partner p ON p.code = r.partner_code AND p.enabled AND p.base_url IS NOT NULL
                        WHERE r.day BETWEEN ? AND ?
                          AND (r.error IS NOT NULL OR r.their_digest IS DISTINCT FROM r.our_digest OR r.adopted > 0
                               OR cardinality(r.conflicts) > 0)
                        UNION
                        SELECT d.day::date FROM generate_series(?::date, ?::date, interval '1 day') AS d(day)
                        JOIN exchange.partner p ON p.enabled AND p.base_url IS NOT NULL
                        WHERE NOT EXISTS (SELECT 1 FROM exchange.reconciliation r
                                          WHERE r.partner_code = p.code AND r.day = d.day::date)
                          AND EXISTS (SELECT 1 FROM exchange.reconciliation r
                                      WHERE r.partner_code = p.code AND r.day < d.day::date)
                        ORDER BY 1""")
                .params(Date.valueOf(from), Date.valueOf(to), Date.valueOf(from), Date.valueOf(to))
                .query((rs, n) -> rs.getDate(1).toLocalDate()).list();
    }

    public void saveReconciliation(ReconciliationResult r) {
        jdbc.sql("""
                        INSERT INTO exchange.reconciliation (partner_code, day, ours, theirs, our_digest, their_digest,
                               differences, requeued, adopted, adopted_keys, conflicts, error, checked_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (partner_code, day) DO UPDATE SET ours = EXCLUDED.ours, theirs = EXCLUDED.theirs,
                            our_digest = EXCLUDED.our_digest, their_digest = EXCLUDED.their_digest,
                            differences = EXCLUDED.differences, requeued = EXCLUDED.requeued,
                            adopted = EXCLUDED.adopted, adopted_keys = EXCLUDED.adopted_keys,
                            conflicts = EXCLUDED.conflicts, error = EXCLUDED.error, checked_at = EXCLUDED.checked_at""")
                .params(r.partnerCode(), Date.valueOf(r.day()), r.ours(), r.theirs(), r.ourDigest(), r.theirDigest(),
                        r.differences().toArray(String[]::new), r.requeued(), r.adopted(),
                        r.adoptedKeys().toArray(String[]::new), r.conflicts().toArray(String[]::new), r.error(),
                        Timestamp.from(r.checkedAt()))
                .update();
    }

    public List<ReconciliationResult> reconciliations(int limit) {
        return jdbc.sql("""
                        SELECT partner_code, day, ours, theirs, our_digest, their_digest, differences, requeued, adopted,
                               adopted_keys, conflicts, error, checked_at
                        FROM exchange.reconciliation ORDER BY day DESC, partner_code LIMIT ?""")
                .param(limit)
                .query((rs, n) -> new ReconciliationResult(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getInt(3),
                        (Integer) rs.getObject(4), rs.getString(5), rs.getString(6), texts(rs, 7), rs.getInt(8),
                        rs.getInt(9), texts(rs, 10), texts(rs, 11), rs.getString(12),
                        rs.getTimestamp(13).toInstant())).list();
    }

    // ---- mapping

    private Partner mapPartner(ResultSet rs, int n) throws SQLException {
        return new Partner(rs.getString(1), rs.getString(2), PlatformLevel.valueOf(rs.getString(3)),
                Relation.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getBoolean(7), rs.getInt(8),
                instant(rs.getTimestamp(9)), rs.getString(10), instant(rs.getTimestamp(11)), rs.getBoolean(12),
                new Partner.PullState(rs.getLong(13), rs.getInt(14), instant(rs.getTimestamp(15)),
                        instant(rs.getTimestamp(16)), rs.getString(17)));
    }

    private QueuedMessage mapQueued(ResultSet rs, int n) throws SQLException {
        return new QueuedMessage(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getInt(8), instant(rs.getTimestamp(9)),
                rs.getString(10), instant(rs.getTimestamp(11)), rs.getString(12));
    }

    private ReceivedEntry mapReceived(ResultSet rs, int n) throws SQLException {
        Date end = rs.getDate(9);
        return new ReceivedEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(14), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant(),
                end == null ? null : end.toLocalDate(), rs.getBoolean(10), rs.getBoolean(11), rs.getString(12),
                rs.getLong(13), texts(rs, 15), rs.getTimestamp(16).toInstant(), rs.getBoolean(17),
                rs.getString(18));
    }

    private static List<String> texts(ResultSet rs, int column) throws SQLException {
        return List.of((String[]) rs.getArray(column).getArray());
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }
}
