package cn.chengxin.exchange.persistence;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import cn.chengxin.exchange.Partner;
import cn.chengxin.exchange.PartnerSetting;
import cn.chengxin.exchange.QueueSize;
import cn.chengxin.exchange.QueuedMessage;
import cn.chengxin.exchange.ReceivedEntry;
import cn.chengxin.exchange.ReconciliationResult;
import cn.chengxin.exchange.domain.ExchangeMessage;
import cn.chengxin.exchange.domain.PlatformLevel;
import cn.chengxin.exchange.domain.Relation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The exchange schema: partners, the outbox, accepted batch ids, what was received. */
@Repository
public class JdbcExchange {

    private static final String PARTNER_COLUMNS = "code, name, level, relation, base_url, public_key, enabled, "
            + "failures, next_attempt_at, last_error, last_ack_at";
    private static final String OUTBOX_COLUMNS = "seq, partner_code, kind, source_id, version, status, queued_at, "
            + "attempts, acked_at";
    private static final String RECEIVED_COLUMNS = "source_platform, source_id, subject_pseudonym, masked_name, "
            + "list_type, legal_basis, department, occurred_at, period_end, disputed, in_force, issuing_platform, "
            + "change_seq";

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

    /** Whether anything about the source id was ever queued (an exit is sent only for an entry that was). */
    public boolean everQueued(String sourceId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM exchange.outbox WHERE source_id = ?)").param(sourceId)
                .query(Boolean.class).single();
    }

    public record Waiting(long seq, UUID subjectId, String body) {
    }

    /** The oldest unacknowledged messages for a partner after {@code afterSeq}, in queue order. */
    public List<Waiting> waiting(String partnerCode, long afterSeq, int limit) {
        return jdbc.sql("SELECT seq, subject_id, body::text FROM exchange.outbox WHERE partner_code = ? "
                        + "AND acked_at IS NULL AND seq > ? ORDER BY seq LIMIT ?")
                .params(partnerCode, afterSeq, limit)
                .query((rs, n) -> new Waiting(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3))).list();
    }

    public void attempted(List<Long> seqs, UUID batchId) {
        jdbc.sql("UPDATE exchange.outbox SET attempts = attempts + 1, batch_id = ? WHERE seq = ANY(?)")
                .params(batchId, seqs.toArray(Long[]::new)).update();
    }

    public int acknowledge(String partnerCode, List<Long> seqs, Instant at) {
        return jdbc.sql("UPDATE exchange.outbox SET acked_at = ? WHERE partner_code = ? AND seq = ANY(?) "
                        + "AND acked_at IS NULL")
                .params(Timestamp.from(at), partnerCode, seqs.toArray(Long[]::new)).update();
    }

    /** A pull at cursor {@code upTo} acknowledges everything the partner pulled before. */
    public int acknowledgeUpTo(String partnerCode, long upTo, Instant at) {
        return jdbc.sql("UPDATE exchange.outbox SET acked_at = ? WHERE partner_code = ? AND seq <= ? "
                + "AND acked_at IS NULL").params(Timestamp.from(at), partnerCode, upTo).update();
    }

    public List<QueuedMessage> queuedFor(UUID subjectId) {
        return jdbc.sql("SELECT " + OUTBOX_COLUMNS + " FROM exchange.outbox WHERE subject_id = ? ORDER BY seq")
                .param(subjectId).query(this::mapQueued).list();
    }

    public List<QueueSize> queueSizes() {
        return jdbc.sql("""
                        SELECT p.code, count(o.seq) FILTER (WHERE o.acked_at IS NULL),
                               min(o.queued_at) FILTER (WHERE o.acked_at IS NULL),
                               count(o.seq) FILTER (WHERE o.acked_at IS NOT NULL)
                        FROM exchange.partner p LEFT JOIN exchange.outbox o ON o.partner_code = p.code
                        GROUP BY p.code ORDER BY p.code""")
                .query((rs, n) -> new QueueSize(rs.getString(1), rs.getLong(2), instant(rs.getTimestamp(3)),
                        rs.getLong(4))).list();
    }

    // ---- feeds followed

    /**
     * The position reached in a feed, locked for the rest of the transaction: followers on several instances take
     * turns, so no change is queued twice.
     */
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

    public void batchApplied(String partnerCode, UUID batchId, int applied) {
        jdbc.sql("UPDATE exchange.inbound_batch SET applied = ? WHERE partner_code = ? AND batch_id = ?")
                .params(applied, partnerCode, batchId).update();
    }

    /** What to keep of a received message: no clear number. */
    public record Incoming(ExchangeMessage message, String viaPartner, String pseudonym, String maskedNumber,
                           String maskedName, String digest) {
    }

    /**
     * Applies a received message unless a version at least as new is held: the first arrival of a source id inserts,
     * a newer version replaces, an older or equal one changes nothing (whatever the arrival order).
     *
     * @return true when the message changed what is held
     */
    public boolean apply(Incoming in, Instant at) {
        return upsert(in, at, "exchange.received.version < EXCLUDED.version");
    }

    /**
     * Takes the parent's state of another platform's message in reconciliation (the parent is authoritative on
     * conflicts): any other version held, lower or higher, is replaced.
     *
     * @return true when the message changed what is held
     */
    public boolean adopt(Incoming in, Instant at) {
        return upsert(in, at, "exchange.received.version <> EXCLUDED.version");
    }

    private boolean upsert(Incoming in, Instant at, String replaceWhen) {
        ExchangeMessage m = in.message();
        return jdbc.sql("""
                        INSERT INTO exchange.received (source_platform, source_id, version, kind, via_partner,
                               subject_pseudonym, masked_number, masked_name, item_code, list_type, severity, status,
                               in_force, disputed, period_start, period_end, department, decision_number, legal_basis,
                               issuing_platform, occurred_at, received_at, digest)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
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
                            change_seq = nextval('exchange.received_seq')
                        WHERE\s""" + replaceWhen)
                .params(m.sourcePlatform(), m.sourceId(), m.version(), m.kind().name(), in.viaPartner(),
                        in.pseudonym(), in.maskedNumber(), in.maskedName(), m.item(), m.listType(), m.severity(),
                        m.status(), m.inForce(), m.disputed(), date(m.period() == null ? null : m.period().start()),
                        date(m.period() == null ? null : m.period().end()), m.department(), m.decisionNumber(),
                        m.legalBasis(), m.issuingPlatformName(), Timestamp.from(m.occurredAt()), Timestamp.from(at),
                        in.digest())
                .update() == 1;
    }

    /** Received list entries changed after {@code seq}, oldest change first. */
    public List<ReceivedEntry> receivedSince(long seq, int limit) {
        return jdbc.sql("SELECT " + RECEIVED_COLUMNS + " FROM exchange.received WHERE kind = 'LIST_ENTRY' "
                        + "AND change_seq > ? ORDER BY change_seq LIMIT ?")
                .params(seq, limit).query(this::mapReceived).list();
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

    /** Sends the latest message of each source id to the partner again. */
    public int requeue(String partnerCode, List<String> sourceIds) {
        return jdbc.sql("""
                        UPDATE exchange.outbox SET acked_at = NULL WHERE seq IN (
                            SELECT DISTINCT ON (source_id) seq FROM exchange.outbox
                            WHERE partner_code = ? AND source_id = ANY(?) ORDER BY source_id, version DESC)""")
                .params(partnerCode, sourceIds.toArray(String[]::new)).update();
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
                instant(rs.getTimestamp(9)), rs.getString(10), instant(rs.getTimestamp(11)));
    }

    private QueuedMessage mapQueued(ResultSet rs, int n) throws SQLException {
        return new QueuedMessage(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getInt(8), instant(rs.getTimestamp(9)));
    }

    private ReceivedEntry mapReceived(ResultSet rs, int n) throws SQLException {
        Date end = rs.getDate(9);
        return new ReceivedEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant(),
                end == null ? null : end.toLocalDate(), rs.getBoolean(10), rs.getBoolean(11), rs.getString(12),
                rs.getLong(13));
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
