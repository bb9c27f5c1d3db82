package cn.chengxin.catalog.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.chengxin.catalog.CatalogueItem;
import cn.chengxin.catalog.ChangeNotice;
import cn.chengxin.catalog.domain.ItemDefinition;
import cn.chengxin.catalog.domain.Withdrawal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The catalog schema; definitions are stored whole as JSON, the listed attributes also as columns. */
@Repository
public class JdbcCatalogue {

    private static final String COLUMNS = """
            id, code, version, status, definition::text, change_note, created_by, created_at, submitted_by,
            submitted_at, decided_by, decided_at, decision_note, retired_at, editors, withdrawal, withdrawal_basis, withdrawal_kind,
            records_withdrawn, records_withdrawn_at, effective_from, change_seq, cancel_reason, cancel_proposed_by,
            cancel_proposed_at, cancelled_by, cancelled_at""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public JdbcCatalogue(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * The active version of each item, any version being prepared, a rejected version that is its item's newest
     * (waiting to be reworked), and the newest version of an item never in force whose drafts were all given up (it
     * keeps its code and may be drafted again), per code newest first (for the console).
     */
    public List<CatalogueItem> withVersionsInPreparation() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM catalog.item i WHERE status IN ('ACTIVE', 'DRAFT', 'PENDING', 'SCHEDULED') "
                + "OR status = 'REJECTED' "
                + "AND version = (SELECT max(version) FROM catalog.item n WHERE n.code = i.code) "
                + "OR status = 'DISCARDED' "
                + "AND version = (SELECT max(version) FROM catalog.item n WHERE n.code = i.code) "
                + "AND NOT EXISTS (SELECT 1 FROM catalog.item a WHERE a.code = i.code AND a.status = 'ACTIVE') "
                + "ORDER BY code, version DESC").query(this::item).list();
    }

    /**
     * The versions submitted for approval that {@code checker} neither created, submitted nor wrote (item_one_in_
     * preparation indexes them: at most one a code).
     */
    public long countPendingFor(String checker) {
        return jdbc.sql("SELECT count(*) FROM catalog.item WHERE status = 'PENDING' AND created_by <> ? "
                        + "AND submitted_by IS DISTINCT FROM ? AND NOT (? = ANY (editors))")
                .params(checker, checker, checker).query(Long.class).single();
    }

    public List<CatalogueItem> active() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM catalog.item WHERE status = 'ACTIVE' ORDER BY code")
                .query(this::item).list();
    }

    public Optional<CatalogueItem> active(String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM catalog.item WHERE status = 'ACTIVE' AND code = ?").param(code)
                .query(this::item).optional();
    }

    /** Every version that was ever in force: the one in force of each item and those it replaced. */
    public List<CatalogueItem> everInForce() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM catalog.item WHERE status IN ('ACTIVE', 'RETIRED') "
                + "ORDER BY code, version").query(this::item).list();
    }

    /** Locks the version being prepared for the rest of the transaction. */
    public Optional<CatalogueItem> inPreparation(String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM catalog.item WHERE status IN ('DRAFT', 'PENDING') AND code = ? "
                + "FOR UPDATE").param(code).query(this::item).optional();
    }

    public List<CatalogueItem> history(String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM catalog.item WHERE code = ? ORDER BY version DESC").param(code)
                .query(this::item).list();
    }

    public int nextVersion(String code) {
        return jdbc.sql("SELECT coalesce(max(version), 0) + 1 FROM catalog.item WHERE code = ?").param(code)
                .query(Integer.class).single();
    }

    /** The code of every item the catalogue holds or held, in any status. */
    public java.util.Set<String> codes() {
        return new java.util.HashSet<>(jdbc.sql("SELECT DISTINCT code FROM catalog.item").query(String.class).list());
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM catalog.item").query(Long.class).single();
    }

    public void insert(UUID id, int version, CatalogueItem.Status status, ItemDefinition d, String note, String by,
                       Instant at) {
        jdbc.sql("""
                        INSERT INTO catalog.item (id, code, version, status, definition, name, subject_type, nature,
                                                  category, domain, sharing, severity, providers, shared_upward,
                                                  change_note, created_by, created_at, editors)
                        VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ARRAY[?])""")
                .params(id, d.code(), version, status.name(), json.writeValueAsString(d), d.name(),
                        d.subjectType().name(), d.nature().name(), d.category().name(), d.domain().name(),
                        d.sharing().name(), d.severity() == null ? null : d.severity().name(),
                        d.providers().toArray(String[]::new), d.sharedUpward(), note, by, Timestamp.from(at), by)
                .update();
    }

    /** Rewrites a draft; {@code by} joins its editors, none of whom may approve it. */
    public void updateDraft(UUID id, ItemDefinition d, String note, String by) {
        jdbc.sql("""
                        UPDATE catalog.item SET definition = ?::jsonb, name = ?, subject_type = ?, nature = ?,
                               category = ?, domain = ?, sharing = ?, severity = ?, providers = ?,
                               shared_upward = ?, change_note = ?,
                               editors = CASE WHEN ? = ANY (editors) THEN editors ELSE editors || ?::text END
                        WHERE id = ? AND status = 'DRAFT'""")
                .params(json.writeValueAsString(d), d.name(), d.subjectType().name(), d.nature().name(),
                        d.category().name(), d.domain().name(), d.sharing().name(),
                        d.severity() == null ? null : d.severity().name(), d.providers().toArray(String[]::new),
                        d.sharedUpward(), note, by, by, id)
                .update();
    }

    public void submit(UUID id, String by, Instant at) {
        jdbc.sql("UPDATE catalog.item SET status = 'PENDING', submitted_by = ?, submitted_at = ? "
                + "WHERE id = ? AND status = 'DRAFT'").params(by, Timestamp.from(at), id).update();
    }

    /** Makes a version just inserted a withdrawal of its item, submitted by its proposer for approval. */
    public void proposeWithdrawal(UUID id, String basis, Withdrawal.Kind kind, String by, Instant at) {
        jdbc.sql("UPDATE catalog.item SET withdrawal = true, withdrawal_basis = ?, withdrawal_kind = ?, "
                + "status = 'PENDING', submitted_by = ?, submitted_at = ? WHERE id = ? AND status = 'DRAFT'")
                .params(basis, kind.name(), by, Timestamp.from(at), id).update();
    }

    /** An approved withdrawal for a revoked basis: none of its records withdrawn yet. */
    public void startWithdrawingRecords(UUID id) {
        jdbc.sql("UPDATE catalog.item SET records_withdrawn = 0 WHERE id = ? AND withdrawal_kind = 'BASIS_REVOKED'")
                .param(id).update();
    }

    /** Adds {@code records} to those the withdrawal {@code code} v{@code version} withdrew; {@code done}: all are. */
    public void countWithdrawnRecords(String code, int version, long records, Instant done) {
        jdbc.sql("UPDATE catalog.item SET records_withdrawn = coalesce(records_withdrawn, 0) + ?, "
                        + "records_withdrawn_at = coalesce(records_withdrawn_at, ?::timestamptz) "
                        + "WHERE code = ? AND version = ? AND withdrawal_kind = 'BASIS_REVOKED'")
                .params(records, done == null ? null : Timestamp.from(done), code, version).update();
    }

    /** The approved version of an item waiting for its effective day, if any (at most one: item_one_scheduled). */
    public Optional<CatalogueItem> scheduled(String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM catalog.item WHERE status = 'SCHEDULED' AND code = ?").param(code)
                .query(this::item).optional();
    }

    /** Every approved version waiting for its effective day, by code. */
    public List<CatalogueItem> scheduled() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM catalog.item WHERE status = 'SCHEDULED' ORDER BY code")
                .query(this::item).list();
    }

    /**
     * The approved versions due on {@code day} or before, locked; one another instance is putting in force is skipped
     * (it is done there), and so is one whose cancellation waits for a second person: it is held back until decided.
     */
    public List<CatalogueItem> dueOn(java.time.LocalDate day) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM catalog.item WHERE status = 'SCHEDULED' AND effective_from <= ? "
                + "AND cancel_proposed_at IS NULL ORDER BY effective_from, code FOR UPDATE SKIP LOCKED").param(day)
                .query(this::item).list();
    }

    /** Puts an approved, scheduled version in force; false when it is not scheduled, or its cancellation waits. */
    public boolean putInForce(UUID id, Instant at) {
        return jdbc.sql("UPDATE catalog.item SET status = 'ACTIVE', changed_at = ? WHERE id = ? AND status = 'SCHEDULED' "
                + "AND cancel_proposed_at IS NULL").params(Timestamp.from(at), id).update() == 1;
    }

    /** Records the cancellation proposed for a scheduled version; false when it is not scheduled or has one. */
    public boolean proposeCancellation(UUID id, String reason, String by, Instant at) {
        return jdbc.sql("UPDATE catalog.item SET cancel_reason = ?, cancel_proposed_by = ?, cancel_proposed_at = ?, "
                        + "changed_at = ? WHERE id = ? AND status = 'SCHEDULED' AND cancel_proposed_at IS NULL")
                .params(reason, by, Timestamp.from(at), Timestamp.from(at), id).update() == 1;
    }

    /** Clears the cancellation proposed for a scheduled version (sent back); false when there was none. */
    public boolean dropCancellation(UUID id, Instant at) {
        return jdbc.sql("UPDATE catalog.item SET cancel_reason = NULL, cancel_proposed_by = NULL, "
                        + "cancel_proposed_at = NULL, changed_at = ? WHERE id = ? AND status = 'SCHEDULED' "
                        + "AND cancel_proposed_at IS NOT NULL").params(Timestamp.from(at), id).update() == 1;
    }

    /**
     * When the public catalogue's documents last changed as a whole (the list of items with their coming versions):
     * the latest {@code changed_at} of any version; empty before anything was approved.
     */
    public Optional<Instant> lastChanged() {
        return jdbc.sql("SELECT max(changed_at) FROM catalog.item").query(Timestamp.class).optional()
                .map(Timestamp::toInstant);
    }

    /**
     * When the documents of one version last changed: the one in force ({@code version} null) or an approved one
     * served by number (in force, retired or scheduled); empty when there is none.
     */
    public Optional<Instant> lastChanged(String code, Integer version) {
        var query = version == null
                ? jdbc.sql("SELECT changed_at FROM catalog.item WHERE code = ? AND status = 'ACTIVE'").param(code)
                : jdbc.sql("SELECT changed_at FROM catalog.item WHERE code = ? AND version = ? "
                        + "AND status IN ('ACTIVE', 'RETIRED', 'SCHEDULED')").params(code, version);
        return query.query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    /**
     * Cancels a scheduled version whose cancellation was proposed: CANCELLED, with a new number in the change feed,
     * returned; empty when it is no longer scheduled (put in force meanwhile) or has no cancellation proposed.
     */
    public Optional<Long> cancel(UUID id, String by, Instant at) {
        return jdbc.sql("UPDATE catalog.item SET status = 'CANCELLED', cancelled_by = ?, cancelled_at = ?, "
                        + "change_seq = nextval('catalog.item_change_seq'), changed_at = ? "
                        + "WHERE id = ? AND status = 'SCHEDULED' AND cancel_proposed_at IS NOT NULL RETURNING change_seq")
                .params(by, Timestamp.from(at), Timestamp.from(at), id).query(Long.class).optional();
    }

    /** The approval's day of effect and its number in the change feed; returns the number. */
    public long numberChange(UUID id, java.time.LocalDate effectiveFrom) {
        return jdbc.sql("UPDATE catalog.item SET effective_from = ?, change_seq = nextval('catalog.item_change_seq') "
                        + "WHERE id = ? RETURNING change_seq").params(effectiveFrom, id).query(Long.class).single();
    }

    /** The approved changes numbered after {@code since}, in the order approved, {@code limit} at the most. */
    public List<CatalogueItem> changesAfter(long since, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM catalog.item WHERE change_seq > ? ORDER BY change_seq LIMIT ?")
                .params(since, limit).query(this::item).list();
    }

    /** The version numbered {@code version} of the item, in any status. */
    public Optional<CatalogueItem> version(String code, int version) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM catalog.item WHERE code = ? AND version = ?")
                .params(code, version).query(this::item).optional();
    }

    /** A notice of change {@code seq} to each of {@code departments}, unread. */
    public void notifyDepartments(long seq, String code, int version, List<String> departments, Instant at) {
        for (String department : departments) {
            jdbc.sql("INSERT INTO catalog.change_notice (change_seq, department_code, code, version, notified_at) "
                            + "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
                    .params(seq, department, code, version, Timestamp.from(at)).update();
        }
    }

    /** The notices of {@code department}, newest first, {@code limit} at the most. */
    public List<ChangeNotice> noticesOf(String department, int limit) {
        return jdbc.sql("SELECT change_seq, department_code, code, version, notified_at, acknowledged_by, "
                        + "acknowledged_at FROM catalog.change_notice WHERE department_code = ? "
                        + "ORDER BY change_seq DESC LIMIT ?").params(department, limit)
                .query(this::notice).list();
    }

    /** The departments told of change {@code seq}, with whether they read it. */
    public List<ChangeNotice> noticesOfChange(long seq) {
        return jdbc.sql("SELECT change_seq, department_code, code, version, notified_at, acknowledged_by, "
                        + "acknowledged_at FROM catalog.change_notice WHERE change_seq = ? ORDER BY department_code")
                .param(seq).query(this::notice).list();
    }

    public long unreadNotices(String department) {
        return jdbc.sql("SELECT count(*) FROM catalog.change_notice WHERE department_code = ? "
                + "AND acknowledged_at IS NULL").param(department).query(Long.class).single();
    }

    /** Marks the department's notice read; false when it has none of that number, or read it already. */
    public boolean acknowledge(String department, long seq, String by, Instant at) {
        return jdbc.sql("UPDATE catalog.change_notice SET acknowledged_by = ?, acknowledged_at = ? "
                        + "WHERE department_code = ? AND change_seq = ? AND acknowledged_at IS NULL")
                .params(by, Timestamp.from(at), department, seq).update() == 1;
    }

    public void retireActive(String code, Instant at) {
        jdbc.sql("UPDATE catalog.item SET status = 'RETIRED', retired_at = ?, changed_at = ? WHERE code = ? "
                + "AND status = 'ACTIVE'").params(Timestamp.from(at), Timestamp.from(at), code).update();
    }

    /** A draft given up by a clerk: kept, with who gave it up and why. */
    public void discard(UUID id, String by, Instant at, String note) {
        jdbc.sql("UPDATE catalog.item SET status = 'DISCARDED', decided_by = ?, decided_at = ?, decision_note = ? "
                + "WHERE id = ? AND status = 'DRAFT'").params(by, Timestamp.from(at), note, id).update();
    }

    /** The checker's decision; an approval (in force or scheduled) changes the public documents at {@code at}. */
    public void decide(UUID id, CatalogueItem.Status outcome, String by, Instant at, String note) {
        Timestamp changed = outcome == CatalogueItem.Status.REJECTED ? null : Timestamp.from(at);
        jdbc.sql("UPDATE catalog.item SET status = ?, decided_by = ?, decided_at = ?, decision_note = ?, "
                        + "changed_at = ? WHERE id = ? AND status = 'PENDING'")
                .params(outcome.name(), by, Timestamp.from(at), note, changed, id).update();
    }

    /** Seeding: a version that is active at once (the base catalogue, reviewed as part of the release). */
    public void activateSeeded(UUID id, Instant at) {
        jdbc.sql("UPDATE catalog.item SET status = 'ACTIVE', submitted_by = 'system', submitted_at = ?, "
                        + "decided_by = 'system', decided_at = ?, decision_note = ?, changed_at = ?, "
                        + "effective_from = (?::timestamptz AT TIME ZONE 'Asia/Shanghai')::date WHERE id = ?")
                .params(Timestamp.from(at), Timestamp.from(at), "基础目录（随平台发布）", Timestamp.from(at),
                        Timestamp.from(at), id).update();
    }

    private ChangeNotice notice(ResultSet rs, int n) throws SQLException {
        return new ChangeNotice(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                instant(rs.getTimestamp(5)), rs.getString(6), instant(rs.getTimestamp(7)));
    }

    private CatalogueItem item(ResultSet rs, int n) throws SQLException {
        return new CatalogueItem(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3),
                CatalogueItem.Status.valueOf(rs.getString(4)), json.readValue(rs.getString(5), ItemDefinition.class),
                rs.getString(6), rs.getString(7), instant(rs.getTimestamp(8)), rs.getString(9),
                instant(rs.getTimestamp(10)), rs.getString(11), instant(rs.getTimestamp(12)), rs.getString(13),
                instant(rs.getTimestamp(14)), List.of((String[]) rs.getArray(15).getArray()),
                rs.getBoolean(16) ? new Withdrawal(rs.getString(6), rs.getString(17),
                        Withdrawal.Kind.valueOf(rs.getString(18))) : null,
                rs.getObject(19) == null ? null
                        : new CatalogueItem.RecordsWithdrawn(rs.getLong(19), instant(rs.getTimestamp(20))),
                rs.getObject(21, java.time.LocalDate.class), rs.getObject(22) == null ? null : rs.getLong(22),
                rs.getTimestamp(25) == null ? null : new CatalogueItem.Cancellation(rs.getString(23), rs.getString(24),
                        instant(rs.getTimestamp(25)), rs.getString(26), instant(rs.getTimestamp(27))));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
