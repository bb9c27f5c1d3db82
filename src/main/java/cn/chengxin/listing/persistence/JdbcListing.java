package cn.chengxin.listing.persistence;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.audit.AuditedRows;
import cn.chengxin.creditfile.RecordProceeding;
import cn.chengxin.listing.EntryProceeding;
import cn.chengxin.listing.EntrySearch;
import cn.chengxin.listing.EntryStatus;
import cn.chengxin.listing.ListEntry;
import cn.chengxin.listing.ListNotice;
import cn.chengxin.listing.ListType;
import cn.chengxin.listing.NoticeDelivery;
import cn.chengxin.listing.RuleReevaluation;
import cn.chengxin.listing.RuleVersion;
import cn.chengxin.listing.domain.ListRule;
import cn.chengxin.listing.domain.SeriousGround;
import cn.chengxin.shared.FeedCursor;
import cn.chengxin.shared.jdbc.ResumablePasses;
import cn.chengxin.shared.jdbc.UniqueKeySavepoint;
import cn.chengxin.shared.security.Actor;
import cn.chengxin.subject.domain.Masking;
import cn.chengxin.subject.domain.SubjectKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;

/** The listing schema: rules, entries, notices. */
@Repository
public class JdbcListing {

    private static final String ENTRY_COLUMNS = """
            e.id, e.list_type, e.rule_code, e.rule_version, coalesce(r.name, '部门认定'), e.subject_id,
            e.subject_pseudonym,
            e.subject_name, e.subject_kind, e.masked_number, e.record_key, e.department_code, e.legal_basis, e.reasons,
            e.status, e.proposed_by, e.proposed_at, e.reviewed_by, e.reviewed_at, e.review_note, e.effective_from,
            e.valid_until, e.exited_at, e.exit_reason, e.disputed, e.change_seq, e.act_day,
            ARRAY(SELECT p.kind FROM listing.entry_proceeding p WHERE p.entry_id = e.id AND p.cleared_at IS NULL
                  ORDER BY p.kind), e.published, e.serious_ground
            FROM listing.entry e LEFT JOIN listing.rule r ON r.code = e.rule_code AND r.version = e.rule_version""";

    private final JdbcClient jdbc;
    private final ResumablePasses rulePasses;
    private final ResumablePasses itemRevisionPasses;
    private final ResumablePasses catchUpPasses;

    public JdbcListing(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.rulePasses = new ResumablePasses(jdbc, transactions, clock, "listing.rule_reevaluation", "rule_code",
                "rule_version");
        this.itemRevisionPasses = new ResumablePasses(jdbc, transactions, clock, "listing.item_revision_pass",
                "item_code", "item_version");
        this.catchUpPasses = new ResumablePasses(jdbc, transactions, clock, "listing.catch_up_pass", "job_code",
                "job_version");
    }

    // ---- rules

    public List<ListRule> currentRules() {
        return jdbc.sql("SELECT * FROM listing.rule WHERE current ORDER BY list_type, code").query(this::rule).list();
    }

    /** Every version of a rule, pending and rejected ones too, newest first. */
    public List<RuleVersion> ruleHistory(String code) {
        return jdbc.sql("SELECT * FROM listing.rule WHERE code = ? ORDER BY version DESC").param(code)
                .query(this::ruleVersion).list();
    }

    /** The versions waiting for a second person's decision, oldest first. */
    public List<RuleVersion> pendingRules() {
        return jdbc.sql("SELECT * FROM listing.rule WHERE status = 'PENDING' ORDER BY changed_at, code")
                .query(this::ruleVersion).list();
    }

    public Optional<RuleVersion> pendingRule(String code) {
        return jdbc.sql("SELECT * FROM listing.rule WHERE code = ? AND status = 'PENDING'").param(code)
                .query(this::ruleVersion).optional();
    }

    /** One version of a rule, as it was saved. */
    public Optional<ListRule> rule(String code, int version) {
        return jdbc.sql("SELECT * FROM listing.rule WHERE code = ? AND version = ?").params(code, version)
                .query(this::rule).optional();
    }

    public Optional<ListRule> currentRule(String code) {
        return jdbc.sql("SELECT * FROM listing.rule WHERE code = ? AND current").param(code).query(this::rule)
                .optional();
    }

    /**
     * Adds the rule as a new version of its code waiting for review, not in force; returns the version number, or
     * empty when another version of the code is waiting already (one at a time: V93's index decides between two
     * saves at once).
     */
    public Optional<Integer> proposeRule(ListRule rule, Actor by, Instant at) {
        int version = jdbc.sql("SELECT coalesce(max(version), 0) + 1 FROM listing.rule WHERE code = ?")
                .param(rule.code()).query(Integer.class).single();
        int inserted = jdbc.sql("""
                        INSERT INTO listing.rule (code, version, current, status, list_type, name, item_codes,
                            condition_field, condition_min, legal_basis, validity_months, notice_days, exit_conditions,
                            enabled, changed_by, proposer_name, changed_at, serious_ground)
                        VALUES (?, ?, false, 'PENDING', ?, ?, ?::text[], ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT DO NOTHING""")
                .params(rule.code(), version, rule.listType().name(), rule.name(),
                        rule.itemCodes().stream().sorted().toArray(String[]::new), rule.conditionField(),
                        rule.conditionMin(), rule.legalBasis(), rule.validityMonths(), rule.noticeDays(),
                        rule.exitConditions(), rule.enabled(), by.actorId(), by.actorName(), Timestamp.from(at),
                        rule.seriousGround() == null ? null : rule.seriousGround().name())
                .update();
        return inserted == 0 ? Optional.empty() : Optional.of(version);
    }

    /**
     * Decides a waiting version: approved, it becomes the rule in force in place of the one before. Conditional on its
     * still waiting, so that of two reviewers at once only one decides; false for the other.
     */
    public boolean decideRule(String code, int version, RuleVersion.Status outcome, Actor by, Instant at, String note) {
        int decided = jdbc.sql("""
                        UPDATE listing.rule SET status = ?, decided_by = ?, decider_name = ?, decided_at = ?,
                            decision_note = ?
                        WHERE code = ? AND version = ? AND status = 'PENDING'""")
                .params(outcome.name(), by.actorId(), by.actorName(), Timestamp.from(at), note, code, version)
                .update();
        if (decided == 0) {
            return false;
        }
        if (outcome == RuleVersion.Status.APPROVED) {
            jdbc.sql("UPDATE listing.rule SET current = false WHERE code = ? AND current").param(code).update();
            jdbc.sql("UPDATE listing.rule SET current = true WHERE code = ? AND version = ?").params(code, version)
                    .update();
        }
        return true;
    }

    // ---- passes of a saved rule over its holders

    /**
     * The passes of saved rule versions over the subjects already holding shown records of their items (V60), with
     * the proposals made and entries ended of each, moved with each chunk.
     */
    public ResumablePasses rulePasses() {
        return rulePasses;
    }

    /**
     * The passes of approved catalogue versions over the holders of their item's records, marking their last negative
     * records again (V62).
     */
    public ResumablePasses itemRevisionPasses() {
        return itemRevisionPasses;
    }

    /** The one-time passes a migration starts over subjects evaluated or marked before a change of it (V84, V121). */
    public ResumablePasses catchUpPasses() {
        return catchUpPasses;
    }

    /** Adds what a chunk of a rule version's pass proposed and ended, in the chunk's transaction. */
    public void countReevaluation(String code, int version, int proposed, int ended) {
        jdbc.sql("UPDATE listing.rule_reevaluation SET proposed = proposed + ?, ended = ended + ? "
                        + "WHERE rule_code = ? AND rule_version = ?")
                .params(proposed, ended, code, version).update();
    }

    public Optional<RuleReevaluation> reevaluation(String code, int version) {
        return jdbc.sql("SELECT * FROM listing.rule_reevaluation WHERE rule_code = ? AND rule_version = ?")
                .params(code, version).query(this::reevaluation).optional();
    }

    /** The unfinished passes, the one moved longest ago first. */
    public List<RuleReevaluation> unfinishedReevaluations() {
        return jdbc.sql("SELECT * FROM listing.rule_reevaluation WHERE finished_at IS NULL ORDER BY progressed_at")
                .query(this::reevaluation).list();
    }

    private RuleReevaluation reevaluation(ResultSet rs, int n) throws SQLException {
        return new RuleReevaluation(rs.getString("rule_code"), rs.getInt("rule_version"),
                rs.getObject("after_record", UUID.class), rs.getLong("records_passed"),
                rs.getLong("holders_evaluated"), rs.getInt("proposed"), rs.getInt("ended"),
                instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("progressed_at")),
                instant(rs.getTimestamp("finished_at")), rs.getBoolean("superseded"));
    }

    private RuleVersion ruleVersion(ResultSet rs, int n) throws SQLException {
        return new RuleVersion(rule(rs, n), RuleVersion.Status.valueOf(rs.getString("status")),
                rs.getString("changed_by"), rs.getString("proposer_name"), instant(rs.getTimestamp("changed_at")),
                rs.getString("decided_by"), rs.getString("decider_name"), instant(rs.getTimestamp("decided_at")),
                rs.getString("decision_note"));
    }

    private ListRule rule(ResultSet rs, int n) throws SQLException {
        Array items = rs.getArray("item_codes");
        return new ListRule(rs.getString("code"), rs.getInt("version"), ListType.valueOf(rs.getString("list_type")),
                rs.getString("name"), new HashSet<>(Arrays.asList((String[]) items.getArray())),
                rs.getString("condition_field"), rs.getBigDecimal("condition_min"), rs.getString("legal_basis"),
                (Integer) rs.getObject("validity_months"), rs.getInt("notice_days"), rs.getString("exit_conditions"),
                rs.getBoolean("enabled"), ground(rs.getString("serious_ground")));
    }

    private static SeriousGround ground(String name) {
        return name == null ? null : SeriousGround.valueOf(name);
    }

    // ---- entries

    public record NewEntry(UUID id, ListType type, String ruleCode, Integer ruleVersion, UUID subjectId,
                           String pseudonym, String name, String kind, String maskedNumber, UUID recordKey,
                           String department, String legalBasis, String reasons, LocalDate actDay,
                           String proposedBy, LocalDate validUntil, boolean published, SeriousGround ground) {
    }

    /** @return false when an open entry for the same list, subject and record exists already */
    public boolean propose(NewEntry e, Instant at) {
        return propose(e, false, at);
    }

    /**
     * Inserts the proposal unless an open entry for the same list, subject and record exists already, without taking
     * a change number then: {@code change_seq}'s default is drawn before a conflict is found, so an insert that
     * conflicts burns a number for good, a gap every follower of the feed waits its patience for and reads again for
     * a day (shared.FeedCursor). Proposals of one open entry take a transaction lock first (a second evaluation at
     * once waits for the first to commit, then finds its entry), so that the loser of a race takes no number either;
     * {@code ON CONFLICT} stays as the guard of last resort (a caller outside a transaction). A proposal resting on
     * no record ({@code recordKey} null) can conflict with nothing.
     *
     * @param disputed whether the entry carries the dispute mark of its record from the start (RULES.md §5), set in
     *                 the insert: marked by a second statement, the entry's first number would be replaced, a gap
     * @return false when an open entry for the same list, subject and record exists already
     */
    public boolean propose(NewEntry e, boolean disputed, Instant at) {
        if (e.recordKey() != null) {
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 12))")
                    .param("listing.propose:" + e.type().name() + ":" + e.subjectId() + ":" + e.recordKey())
                    .query(Object.class).single();
            // The same predicate and expression as entry_one_open (V12), so its index answers.
            if (jdbc.sql("""
                            SELECT EXISTS (SELECT 1 FROM listing.entry WHERE list_type = ? AND subject_id = ?
                                AND coalesce(record_key, id) = ? AND status NOT IN ('REJECTED', 'EXITED'))""")
                    .params(e.type().name(), e.subjectId(), e.recordKey()).query(Boolean.class).single()) {
                return false;
            }
        }
        return jdbc.sql("""
                        INSERT INTO listing.entry (id, list_type, rule_code, rule_version, subject_id, subject_pseudonym,
                            subject_name, subject_kind, masked_number, record_key, department_code, legal_basis, reasons,
                            act_day, status, proposed_by, proposed_at, valid_until, published, serious_ground, disputed)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PROPOSED', ?, ?, ?, ?, ?, ?)
                        ON CONFLICT DO NOTHING""")
                .params(e.id(), e.type().name(), e.ruleCode(), e.ruleVersion(), e.subjectId(), e.pseudonym(),
                        e.name(), e.kind(), e.maskedNumber(), e.recordKey(), e.department(), e.legalBasis(),
                        e.reasons(), date(e.actDay()), e.proposedBy(), Timestamp.from(at), date(e.validUntil()),
                        e.published(), e.ground() == null ? null : e.ground().name(), disputed)
                .update() == 1;
    }

    public Optional<ListEntry> entry(UUID id) {
        return jdbc.sql("SELECT " + ENTRY_COLUMNS + " WHERE e.id = ?").param(id).query(this::mapEntry).optional();
    }

    public List<ListEntry> openEntriesOf(Collection<UUID> subjects) {
        return jdbc.sql("SELECT " + ENTRY_COLUMNS + " WHERE e.subject_id = ANY(?::uuid[]) "
                        + "AND e.status NOT IN ('REJECTED', 'EXITED')")
                .param(subjects.toArray(UUID[]::new)).query(this::mapEntry).list();
    }

    /**
     * The lists and records of the subjects' entries a decision settled, as {@code LIST_TYPE:recordKey}: proposals a
     * reviewer rejected and entries ended by a decision about them ({@link #exit} with {@code decided}).
     */
    public Set<String> settledRecordsOf(Collection<UUID> subjects) {
        return Set.copyOf(jdbc.sql("""
                        SELECT DISTINCT list_type || ':' || record_key FROM listing.entry
                        WHERE subject_id = ANY(?::uuid[]) AND record_key IS NOT NULL
                          AND (status = 'REJECTED' OR status = 'EXITED' AND exit_decided)""")
                .param(subjects.toArray(UUID[]::new)).query(String.class).list());
    }

    public List<ListEntry> entriesOf(UUID subject) {
        return jdbc.sql("SELECT " + ENTRY_COLUMNS + " WHERE e.subject_id = ? ORDER BY e.proposed_at DESC")
                .param(subject).query(this::mapEntry).list();
    }

    /**
     * A statement of the console's search and its parameters (its plans are tested: ConsoleEntryPlansIT).
     */
    public record Statement(String sql, List<Object> params) {
    }

    /**
     * The console's search (gaps review xxxv P6 rest): a page of the entries found, at most {@code limit}, from the
     * start or from the entry with the key {@code from} on, not included — in the review queue (proposals) by the time
     * proposed, oldest first, the key an entry's id; else by the latest change, newest first, the key its {@code
     * change_seq} — or with {@code backwards} the ones before it, nearest first. Keyset, never an offset: a page is a
     * walk of the index of its filter ({@code entry_review_queue}, V457–V459, {@code entry_by_change}) from the key.
     */
    public List<ListEntry> search(EntrySearch search, Object from, boolean backwards, int limit) {
        Statement statement = searchStatement(search, from, backwards, limit);
        return jdbc.sql(statement.sql()).params(statement.params()).query(this::mapEntry).list();
    }

    /** How many entries the search finds, counted up to {@code atMost} only (a walk of the same index, bounded). */
    public long countSearch(EntrySearch search, int atMost) {
        Statement statement = countStatement(search, atMost);
        return jdbc.sql(statement.sql()).params(statement.params()).query(Long.class).single();
    }

    static Statement searchStatement(EntrySearch search, Object from, boolean backwards, int limit) {
        List<Object> params = new java.util.ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT " + ENTRY_COLUMNS + searchWhere(search, params));
        boolean queue = search.oldestProposalFirst();
        boolean ascending = queue != backwards;
        if (from != null && queue) {
            sql.append(" AND (e.proposed_at, e.id) ").append(ascending ? ">" : "<")
                    .append(" ((SELECT k.proposed_at FROM listing.entry k WHERE k.id = ?), ?::uuid)");
            params.addAll(List.of(from, from));
        } else if (from != null) {
            sql.append(" AND e.change_seq ").append(ascending ? ">" : "<").append(" ?");
            params.add(from);
        }
        String direction = ascending ? "" : " DESC";
        sql.append(queue ? " ORDER BY e.proposed_at" + direction + ", e.id" + direction
                : " ORDER BY e.change_seq" + direction).append(" LIMIT ?");
        params.add(limit);
        return new Statement(sql.toString(), params);
    }

    static Statement countStatement(EntrySearch search, int atMost) {
        List<Object> params = new java.util.ArrayList<>();
        String where = searchWhere(search, params);
        params.add(atMost);
        return new Statement("SELECT count(*) FROM (SELECT 1 FROM listing.entry e" + where + " LIMIT ?) counted",
                params);
    }

    /**
     * The search's condition: only the filters given, each in the form its index serves — the status and the list
     * written into the statement from their enums, so that the review queue's partial index is implied whatever plan
     * the driver settles on —, the others bound; a name's {@code %} and {@code _} are matched as text.
     */
    private static String searchWhere(EntrySearch search, List<Object> params) {
        List<String> where = new java.util.ArrayList<>(List.of("true"));
        if (search.status() != null) {
            where.add("e.status = '" + search.status().name() + "'");
        }
        if (search.type() != null) {
            where.add("e.list_type = '" + search.type().name() + "'");
        }
        if (search.ruleCode() != null) {
            where.add("e.rule_code = ?");
            params.add(search.ruleCode());
        }
        if (search.pseudonym() != null) {
            where.add("e.subject_pseudonym = ?");
            params.add(search.pseudonym());
        }
        if (search.name() != null) {
            where.add("e.subject_name LIKE ? ESCAPE '\\'");
            params.add(search.name().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (search.department() != null) {
            where.add("e.department_code = ?");
            params.add(search.department());
        }
        return " WHERE " + String.join(" AND ", where);
    }

    /** Decides a proposal once: the update only succeeds from PROPOSED, so two reviewers get one decision. */
    public boolean decide(UUID id, EntryStatus to, String by, Instant at, String note, Instant effectiveFrom) {
        return jdbc.sql("""
                        UPDATE listing.entry SET status = ?, reviewed_by = ?, reviewed_at = ?, review_note = ?,
                               effective_from = ?, change_seq = nextval('listing.change_seq')
                        WHERE id = ? AND status = 'PROPOSED'""")
                .params(to.name(), by, Timestamp.from(at), note, effectiveFrom == null ? null
                        : Timestamp.from(effectiveFrom), id)
                .update() == 1;
    }

    /**
     * Entries whose notice period is over, or still waiting for their prior notice's service, proposed by a rule whose
     * version in force is disabled: they will not take effect, served or not.
     */
    public List<UUID> dueUnderDisabledRules(Instant now) {
        return jdbc.sql("""
                        SELECT e.id FROM listing.entry e JOIN listing.rule r ON r.code = e.rule_code AND r.current
                        WHERE e.status IN ('NOTIFIED', 'PUBLIC_NOTICE') AND NOT r.enabled
                          AND (e.effective_from <= ? OR e.effective_from IS NULL)""")
                .param(Timestamp.from(now)).query(UUID.class).list();
    }

    /**
     * Entries whose notice period is over — a black-list entry's only once its prior notice has been served (RULES.md
     * §7; the period counts from service: {@code effective_from} is set then) — except those of a rule disabled
     * meanwhile ({@link #dueUnderDisabledRules}) and those carrying the dispute mark: an objection open on them or on
     * their record, or their record awaiting the correction an objection decided (RULES.md §5, §7: verified before the
     * entry takes effect). What else holds them is asked elsewhere ({@link cn.chengxin.listing.NoticeHolds}).
     */
    public List<cn.chengxin.listing.NoticeHolds.InNotice> dueUndisputed(Instant now) {
        return jdbc.sql("SELECT e.id, e.list_type, e.subject_id, e.record_key, e.reviewed_at, e.effective_from "
                        + "FROM listing.entry e " + DUE + " AND NOT e.disputed ORDER BY e.effective_from, e.id")
                .param(Timestamp.from(now))
                .query((rs, n) -> new cn.chengxin.listing.NoticeHolds.InNotice(rs.getObject(1, UUID.class),
                        ListType.valueOf(rs.getString(2)), rs.getObject(3, UUID.class), rs.getObject(4, UUID.class),
                        instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)))).list();
    }

    /** Of {@code ids}, those still due and undisputed ({@link #dueUndisputed}) become effective; returns them. */
    public List<UUID> activate(Collection<UUID> ids, Instant now) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("UPDATE listing.entry e SET status = 'EFFECTIVE', change_seq = nextval('listing.change_seq') "
                        + DUE + " AND NOT e.disputed AND e.id = ANY(?::uuid[]) RETURNING e.id")
                .params(Timestamp.from(now), ids.toArray(UUID[]::new)).query(UUID.class).list();
    }

    /**
     * Moves the day of effect of an entry still in its notice state to {@code from} (an objection raised in its notice
     * period decided: {@link cn.chengxin.listing.domain.EntryLifecycle#afterHold}); false if no longer so.
     */
    public boolean postpone(UUID id, Instant from) {
        return jdbc.sql("""
                        UPDATE listing.entry SET effective_from = ?, change_seq = nextval('listing.change_seq')
                        WHERE id = ? AND status IN ('NOTIFIED', 'PUBLIC_NOTICE') AND effective_from < ?""")
                .params(Timestamp.from(from), id, Timestamp.from(from)).update() == 1;
    }

    /** The entries due to take effect at {@code ?} (the one parameter), as {@link #dueUndisputed} says. */
    private static final String DUE = """
            WHERE e.status IN ('NOTIFIED', 'PUBLIC_NOTICE') AND e.effective_from <= ?
              AND (e.status = 'PUBLIC_NOTICE' OR EXISTS (
                      SELECT 1 FROM listing.notice n JOIN listing.notice_delivery d ON d.notice_id = n.id
                      WHERE n.entry_id = e.id AND n.kind = 'PRIOR'))
              AND NOT EXISTS (SELECT 1 FROM listing.rule r
                              WHERE r.code = e.rule_code AND r.current AND NOT r.enabled)""";

    /** Open entries whose last day is before {@code today}. */
    public List<UUID> pastValidity(LocalDate today) {
        return jdbc.sql(PAST_VALIDITY).param(Date.valueOf(today)).query(UUID.class).list();
    }

    /**
     * How many open entries are past their last day, counted up to {@code bound}: read by the same index as
     * {@link #pastValidity} (gaps review xlii W4: an entry whose end keeps failing shows in a gauge, not only a log).
     */
    public long countPastValidity(LocalDate today, int bound) {
        return jdbc.sql("SELECT count(*) FROM (" + PAST_VALIDITY + " LIMIT ?) due")
                .params(Date.valueOf(today), bound).query(Long.class).single();
    }

    /** Read by the partial index of the open entries' last days (V427; gaps review xxxv P7), not a scan of all. */
    static final String PAST_VALIDITY =
            "SELECT id FROM listing.entry WHERE status NOT IN ('REJECTED', 'EXITED') AND valid_until < ?";

    /**
     * @param decided whether a decision about the entry ended it (it then stands for its record, as a rejection
     *                does: {@link #settledRecordsOf}), not its record's state or its validity
     * @return the status the entry ended from, read under the row's lock with the update (an entry read before may
     *         have taken effect since, and its notice depends on it); empty when the entry was no longer open
     */
    public Optional<EntryStatus> exit(UUID id, String reason, boolean decided, Instant at) {
        Optional<EntryStatus> ended = jdbc.sql("""
                        WITH before AS (SELECT id, status FROM listing.entry
                                        WHERE id = ? AND status NOT IN ('REJECTED', 'EXITED') FOR UPDATE)
                        UPDATE listing.entry e SET status = 'EXITED', exited_at = ?, exit_reason = ?, exit_decided = ?,
                               change_seq = nextval('listing.change_seq')
                        FROM before WHERE e.id = before.id RETURNING before.status""")
                .params(id, Timestamp.from(at), reason, decided)
                .query((rs, n) -> EntryStatus.valueOf(rs.getString(1))).optional();
        if (ended.isPresent()) {
            // A proposal to take it off by hand still waiting has nothing left to decide (JdbcExitProposals).
            jdbc.sql("UPDATE listing.exit_proposal SET status = 'LAPSED', decided_at = ? "
                    + "WHERE entry_id = ? AND status = 'PENDING'").params(Timestamp.from(at), id).update();
        }
        return ended;
    }

    /**
     * Takes entries off the public lists for good ({@link cn.chengxin.listing.domain.PublicListing#publishesItem}: the
     * stricter holds, so nothing here publishes one again); they stay in force. No new change number: the checks and
     * the exchange do not read it.
     */
    public int unpublish(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("UPDATE listing.entry SET published = false WHERE id = ANY(?::uuid[]) AND published")
                .param(ids.toArray(UUID[]::new)).update();
    }

    /** Moves an open entry's last day (its record corrected); false when it was no longer open or already so. */
    public boolean changeValidUntil(UUID id, LocalDate validUntil) {
        return jdbc.sql("""
                        UPDATE listing.entry SET valid_until = ?, change_seq = nextval('listing.change_seq')
                        WHERE id = ? AND status NOT IN ('REJECTED', 'EXITED') AND valid_until IS DISTINCT FROM ?""")
                .params(date(validUntil), id, date(validUntil)).update() == 1;
    }

    /**
     * Moves an open entry's act day to its record's corrected decision date, with a new change number so that the
     * check index judges the age on it; false when it was no longer open or already so.
     */
    public boolean changeActDay(UUID id, LocalDate actDay) {
        return jdbc.sql("""
                        UPDATE listing.entry SET act_day = ?, change_seq = nextval('listing.change_seq')
                        WHERE id = ? AND status NOT IN ('REJECTED', 'EXITED') AND act_day IS DISTINCT FROM ?""")
                .params(date(actDay), id, date(actDay)).update() == 1;
    }

    /** Of these subjects, those with a red-list entry in public notice. */
    public Set<UUID> inRedNotice(Collection<UUID> subjects) {
        return Set.copyOf(jdbc.sql("""
                        SELECT DISTINCT subject_id FROM listing.entry
                        WHERE subject_id = ANY(?::uuid[]) AND list_type = 'RED' AND status = 'PUBLIC_NOTICE'""")
                .param(subjects.toArray(UUID[]::new)).query(UUID.class).list());
    }

    public void markDisputed(UUID subject, UUID recordKey, boolean disputed) {
        jdbc.sql("""
                        UPDATE listing.entry SET disputed = ?, change_seq = nextval('listing.change_seq')
                        WHERE subject_id = ? AND record_key = ? AND status NOT IN ('REJECTED', 'EXITED')
                          AND disputed <> ?""")
                .params(disputed, subject, recordKey, disputed).update();
    }

    public void markEntryDisputed(UUID entryId, boolean disputed) {
        jdbc.sql("""
                        UPDATE listing.entry SET disputed = ?, change_seq = nextval('listing.change_seq')
                        WHERE id = ? AND status NOT IN ('REJECTED', 'EXITED') AND disputed <> ?""")
                .params(disputed, entryId, disputed).update();
    }

    /** Entries of the type in the status whose last change is after {@code seq}, in change order. */
    public List<ListEntry> byStatusSince(EntryStatus status, ListType type, long seq, int limit) {
        return jdbc.sql("SELECT " + ENTRY_COLUMNS + " WHERE e.change_seq > ? AND e.status = ? AND e.list_type = ? "
                        + "ORDER BY e.change_seq LIMIT ?")
                .params(seq, status.name(), type.name(), limit).query(this::mapEntry).list();
    }

    public List<ListEntry> changesSince(long seq, int limit) {
        return jdbc.sql("SELECT " + ENTRY_COLUMNS + " WHERE e.change_seq > ? ORDER BY e.change_seq LIMIT ?")
                .params(seq, limit).query(this::mapEntry).list();
    }

    /**
     * Entries whose last change has a number in the spans (numbers a follower stepped over, gaps review xxxviii S1),
     * in change order: the spans drive the walk of the change index, none of the entries is read for itself.
     */
    public List<ListEntry> changesIn(List<FeedCursor.Skipped> spans, int limit) {
        return jdbc.sql("SELECT " + ENTRY_COLUMNS + """
                         WHERE e.change_seq IN (SELECT x.change_seq FROM unnest(?::bigint[], ?::bigint[]) AS s(f, l)
                                                JOIN listing.entry x ON x.change_seq BETWEEN s.f AND s.l)
                        ORDER BY e.change_seq LIMIT ?""")
                .params(spans.stream().map(FeedCursor.Skipped::first).toArray(Long[]::new),
                        spans.stream().map(FeedCursor.Skipped::last).toArray(Long[]::new), limit)
                .query(this::mapEntry).list();
    }

    /**
     * A search of the public lists by name (gaps review xxv H6): the entries made under the name, and every entry of
     * the renamed subjects that bear it now or bore it ({@code renamed}, as the registry names them), so that a
     * renamed subject is found by its current name and by each former one, whichever its entries were made under.
     */
    public record ByName(String name, Collection<UUID> renamed) {

        public ByName {
            renamed = List.copyOf(renamed);
        }
    }

    /**
     * The public pages' condition on the list, the status and the day, then on {@link ByName} (true for no search,
     * null): the parameters of both are {@link #publicPage}'s. One status, so that the pages read the index in their
     * order ({@code entry_public_in_page_order}, V426).
     */
    private static final String PUBLIC_PAGE = """
            e.list_type = ? AND e.status = ? AND e.published
              AND (e.valid_until IS NULL OR e.valid_until >= ?)
              AND (?::text IS NULL OR e.subject_name = ? OR e.subject_id = ANY(?::uuid[]))""";

    /**
     * The public pages' order, the newest entry in force first: the day it took effect (none counting as the oldest),
     * then its id, both descending as the index V426 holds them, so that a page starts at a row comparison within it.
     */
    private static final String PUBLIC_KEY = "coalesce(e.effective_from, '-infinity'::timestamptz)";

    /** The parameters of {@link #PUBLIC_PAGE}, then {@code after}. */
    private static Object[] publicPage(ListType type, EntryStatus status, LocalDate today, ByName name,
                                       Object... after) {
        String n = name == null ? null : name.name();
        List<Object> all = new java.util.ArrayList<>(Arrays.asList(type.name(), status.name(), Date.valueOf(today),
                n, n, (name == null ? List.<UUID>of() : name.renamed()).toArray(UUID[]::new)));
        all.addAll(Arrays.asList(after));
        return all.toArray();
    }

    /** The persons with an entry the public pages would show (as {@link #published}, before any is withheld). */
    public List<UUID> publishedPersons(ListType type, EntryStatus status, ByName name, String pseudonym,
                                       LocalDate today) {
        return jdbc.sql("""
                        SELECT DISTINCT e.subject_id FROM listing.entry e
                        WHERE %s AND e.subject_kind = 'PERSON'
                          AND (?::text IS NULL OR e.subject_pseudonym = ?)""".formatted(PUBLIC_PAGE))
                .params(publicPage(type, status, today, name, pseudonym, pseudonym))
                .query(UUID.class).list();
    }

    /**
     * A page of the published entries for the public pages: in force, optionally by name ({@link ByName}, null: any)
     * or pseudonym, except those of the subjects {@code withheld}; at most {@code limit}, in the pages' order from the
     * start (no {@code from}) or from the entry {@code from} on, not included: the older ones after it, or with
     * {@code backwards} the newer ones before it, nearest first (gaps review xxxv P6: keyset, never an offset). The
     * entry named keeps its place even if it has left the list meanwhile, so nothing is skipped or shown twice.
     */
    public List<ListEntry> published(ListType type, EntryStatus status, ByName name, String pseudonym,
                                     Collection<UUID> withheld, LocalDate today, UUID from, boolean backwards,
                                     int limit) {
        List<Object> params = new java.util.ArrayList<>(Arrays.asList(publicPage(type, status, today, name,
                pseudonym, pseudonym, withheld.toArray(UUID[]::new))));
        if (from != null) {
            params.addAll(List.of(from, from));
        }
        params.add(limit);
        return jdbc.sql(publishedSql(from != null, backwards)).params(params).query(this::mapEntry).list();
    }

    /** {@link #published}'s statement, from an entry or from the start (its plan is tested: PublicListPlansIT). */
    static String publishedSql(boolean from, boolean backwards) {
        String direction = from && backwards ? "" : " DESC";
        String start = !from ? "" : """
                  AND (%s, e.id) %s ((SELECT coalesce(k.effective_from, '-infinity'::timestamptz)
                                      FROM listing.entry k WHERE k.id = ?), ?::uuid)
                """.formatted(PUBLIC_KEY, backwards ? ">" : "<");
        return "SELECT " + ENTRY_COLUMNS + """
                 WHERE %s AND (?::text IS NULL OR e.subject_pseudonym = ?)
                  AND NOT e.subject_id = ANY(?::uuid[])
                %s ORDER BY %s%s, e.id%s LIMIT ?""".formatted(PUBLIC_PAGE, start, PUBLIC_KEY, direction, direction);
    }

    /**
     * How many entries {@link #published} would show in all, counted up to {@code atMost} only: a list's size is not
     * what a visitor pages it for, and a count of the whole list at every view read all of it (gaps review xxxv P6).
     */
    public long countPublished(ListType type, EntryStatus status, ByName name, String pseudonym,
                               Collection<UUID> withheld, LocalDate today, int atMost) {
        return jdbc.sql(COUNT_PUBLISHED)
                .params(publicPage(type, status, today, name, pseudonym, pseudonym, withheld.toArray(UUID[]::new),
                        atMost))
                .query(Long.class).single();
    }

    static final String COUNT_PUBLISHED = """
            SELECT count(*) FROM (SELECT 1 FROM listing.entry e
            WHERE %s AND (?::text IS NULL OR e.subject_pseudonym = ?)
              AND NOT e.subject_id = ANY(?::uuid[]) LIMIT ?) counted""".formatted(PUBLIC_PAGE);

    private ListEntry mapEntry(ResultSet rs, int n) throws SQLException {
        String name = rs.getString(8);
        SubjectKind kind = SubjectKind.valueOf(rs.getString(9));
        boolean person = kind == SubjectKind.PERSON;
        return new ListEntry(rs.getObject(1, UUID.class), ListType.valueOf(rs.getString(2)), rs.getString(3),
                (Integer) rs.getObject(4), rs.getString(5), rs.getObject(6, UUID.class), rs.getString(7), name,
                person ? Masking.personName(name) : name, rs.getString(10), rs.getObject(11, UUID.class),
                rs.getString(12), rs.getString(13), rs.getString(14), localDate(rs.getDate(27)),
                EntryStatus.valueOf(rs.getString(15)),
                rs.getString(16), instant(rs.getTimestamp(17)), rs.getString(18), instant(rs.getTimestamp(19)),
                rs.getString(20), instant(rs.getTimestamp(21)), localDate(rs.getDate(22)),
                instant(rs.getTimestamp(23)), rs.getString(24), rs.getBoolean(25), rs.getLong(26), kind,
                List.of((String[]) rs.getArray(28).getArray()), rs.getBoolean(29), ground(rs.getString(30)), List.of());
    }

    // ---- administrative review or lawsuit pending against an entry

    /**
     * Flags a pending proceeding on the entry, with a new change number for the entry so that the check index and the
     * exchange read it again; false when the same kind is already pending on it.
     */
    public boolean flagProceeding(EntryProceeding p) {
        boolean flagged = jdbc.sql("""
                        INSERT INTO listing.entry_proceeding (id, entry_id, kind, note, flagged_by, flagged_at)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(p.id(), p.entryId(), p.kind().name(), p.note(), p.flaggedBy(), Timestamp.from(p.flaggedAt()))
                .update() == 1;
        if (flagged) {
            touchOpen(p.entryId());
        }
        return flagged;
    }

    /** Clears a pending flag with its outcome; the entry it was on and its kind, empty when there was no such flag. */
    public Optional<ClearedProceeding> clearProceeding(UUID id, String by, Instant at, String outcome) {
        Optional<ClearedProceeding> cleared = jdbc.sql("""
                        UPDATE listing.entry_proceeding SET cleared_by = ?, cleared_at = ?, outcome = ?
                        WHERE id = ? AND cleared_at IS NULL RETURNING entry_id, kind""")
                .params(by, Timestamp.from(at), outcome, id)
                .query((rs, n) -> new ClearedProceeding(rs.getObject(1, UUID.class),
                        RecordProceeding.Kind.valueOf(rs.getString(2)))).optional();
        cleared.ifPresent(c -> touchOpen(c.entryId()));
        return cleared;
    }

    /** The entry a cleared flag was on, and its kind. */
    public record ClearedProceeding(UUID entryId, RecordProceeding.Kind kind) {
    }

    public Optional<UUID> entryOfProceeding(UUID id) {
        return jdbc.sql("SELECT entry_id FROM listing.entry_proceeding WHERE id = ?").param(id).query(UUID.class)
                .optional();
    }

    public List<EntryProceeding> proceedingsOf(UUID entryId) {
        return jdbc.sql("""
                        SELECT id, entry_id, kind, note, flagged_by, flagged_at, cleared_by, cleared_at, outcome
                        FROM listing.entry_proceeding WHERE entry_id = ? ORDER BY flagged_at, id""")
                .param(entryId)
                .query((rs, n) -> new EntryProceeding(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        RecordProceeding.Kind.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5),
                        instant(rs.getTimestamp(6)), rs.getString(7), instant(rs.getTimestamp(8)), rs.getString(9)))
                .list();
    }

    /**
     * A new change number for the open entries resting on the record, whose pending proceedings changed: the check
     * index reads them again with the record's flags (an ended entry is out of checks).
     */
    public void touchOpenOnRecord(UUID subjectId, UUID recordKey) {
        jdbc.sql("UPDATE listing.entry SET change_seq = nextval('listing.change_seq') "
                        + "WHERE subject_id = ? AND record_key = ? AND status NOT IN ('REJECTED', 'EXITED')")
                .params(subjectId, recordKey).update();
    }

    /** A new change number for an open entry whose pending proceedings changed (an ended one is out of checks). */
    private void touchOpen(UUID entryId) {
        jdbc.sql("UPDATE listing.entry SET change_seq = nextval('listing.change_seq') "
                        + "WHERE id = ? AND status NOT IN ('REJECTED', 'EXITED')")
                .param(entryId).update();
    }

    // ---- exit events owed (gaps review xxxviii S4)

    /**
     * The entry's {@code listing.exit} event is owed, in the end's transaction, claimed by that transaction's
     * after-commit step until {@code claimedUntil}.
     */
    public void oweExitEvent(UUID entryId, Instant at, Instant claimedUntil) {
        jdbc.sql("INSERT INTO listing.exit_event_owed (entry_id, owed_at, claimed_until) VALUES (?, ?, ?)")
                .params(entryId, Timestamp.from(at), Timestamp.from(claimedUntil)).update();
    }

    /**
     * Claims at most {@code limit} owed events whose last claim is over at {@code now}, until {@code until}; committed
     * by itself (call outside a transaction), so that another instance's tick leaves them alone, and so that the audit
     * writer deleting the row with the event does not wait for the claim's lock.
     */
    public List<UUID> claimOwedExitEvents(Instant now, Instant until, int limit) {
        return jdbc.sql("""
                        UPDATE listing.exit_event_owed SET claimed_until = ?
                        WHERE entry_id IN (SELECT entry_id FROM listing.exit_event_owed WHERE claimed_until <= ?
                                           ORDER BY claimed_until LIMIT ? FOR UPDATE SKIP LOCKED)
                        RETURNING entry_id""")
                .params(Timestamp.from(until), Timestamp.from(now), limit).query(UUID.class).list();
    }

    /** An owed event of an entry that is not (or no longer) there to describe: nothing to record. */
    public void dropOwedExitEvent(UUID entryId) {
        jdbc.sql("DELETE FROM listing.exit_event_owed WHERE entry_id = ?").param(entryId).update();
    }

    /**
     * The event is recorded: it owes nothing more. Stored by the audit writer in the transaction of the event, so the
     * row goes exactly when the event is durable (a refused event leaves it owed).
     */
    public static final AuditedRows<UUID> EXIT_EVENT_RECORDED = new AuditedRows<>() {
        @Override
        public String sql() {
            return "DELETE FROM listing.exit_event_owed WHERE entry_id = ANY(?::uuid[])";
        }

        @Override
        public int bind(Connection c, PreparedStatement ps, int first, List<UUID> ids) throws SQLException {
            ps.setArray(first, c.createArrayOf("uuid", ids.toArray()));
            return first + 1;
        }
    };

    // ---- last negative records

    /**
     * Sets each subject's last negative date; a row changes (and gets a new stamp) only when its date changes. One
     * statement ({@link #MARK_NEGATIVES}) finds the rows held by one probe of the key per subject, updates the held
     * ones whose date differs and inserts the missing ones: an {@code INSERT … ON CONFLICT DO UPDATE} of every subject
     * drew {@code change_seq}'s default for each row before finding it held, so every evaluation burnt one number of
     * the marks' feed per subject (gaps the check index waited for). The missing rows go in plainly, in key order,
     * within a savepoint (an upsert's speculative insertion at every row cost a chunk of 2,000 new marks 54 ms against
     * 15–30 ms, and an update probing every subject before it 15 ms more: the ingestion bench's largest reaction); only
     * when another evaluation stored one of them meanwhile does it fail on the key and run again as the upsert, which
     * then finds that row held.
     */
    public void markNegatives(java.util.Map<String, LocalDate> lastByPseudonym) {
        if (lastByPseudonym.isEmpty()) {
            return;
        }
        List<String> pseudonyms = List.copyOf(lastByPseudonym.keySet());
        String[] names = pseudonyms.toArray(String[]::new);
        String[] days = pseudonyms.stream().map(p -> {
            LocalDate d = lastByPseudonym.get(p);
            return d == null ? null : d.toString();
        }).toArray(String[]::new);
        if (!UniqueKeySavepoint.undoneUnless(() -> {
            jdbc.sql(MARK_NEGATIVES).params(names, days).update();
            return true;
        })) {
            jdbc.sql(MARK_NEGATIVES + """

                            ON CONFLICT (subject_pseudonym) DO UPDATE
                                SET last_negative = EXCLUDED.last_negative, change_seq = nextval('listing.mark_seq')
                                WHERE listing.negative_mark.last_negative IS DISTINCT FROM EXCLUDED.last_negative""")
                    .params(names, days).update();
        }
    }

    /**
     * {@link #markNegatives}' statement: {@code held} read once, by one probe of the key per subject; the update
     * probes only the rows held with another date (none, mostly), the insert takes the rest that have a date. The
     * probe sits in a lateral subquery behind {@code OFFSET 0}, which the planner cannot merge into a join: as a plain
     * left join, 2,000 subjects against a table analysed at some 10,000 marks or more were hashed against a scan of
     * the whole table (session xliii: 134 pages at 10,000 marks, 802 and 177 ms at 60,000, the ingestion's second
     * statement and growing with the marks, not the chunk). {@code MarkNegativesPlanIT}.
     */
    static final String MARK_NEGATIVES = """
            WITH u AS (
                SELECT u.p, u.d::date AS d, m.held IS NOT NULL AS held,
                       m.last_negative IS DISTINCT FROM u.d::date AS differs
                FROM unnest(?::text[], ?::text[]) AS u(p, d)
                LEFT JOIN LATERAL (SELECT true AS held, m.last_negative FROM listing.negative_mark m
                                   WHERE m.subject_pseudonym = u.p OFFSET 0) m ON true),
            changed AS (
                UPDATE listing.negative_mark m SET last_negative = u.d, change_seq = nextval('listing.mark_seq')
                FROM u WHERE u.held AND u.differs AND m.subject_pseudonym = u.p
                  AND m.last_negative IS DISTINCT FROM u.d)
            INSERT INTO listing.negative_mark (subject_pseudonym, last_negative)
            SELECT p, d FROM u WHERE NOT held AND d IS NOT NULL ORDER BY p""";

    /** The next pseudonyms holding a dated mark after {@code after} ("": from the first), in pseudonym order. */
    public List<String> datedMarksAfter(String after, int limit) {
        return jdbc.sql("SELECT subject_pseudonym FROM listing.negative_mark WHERE last_negative IS NOT NULL "
                        + "AND subject_pseudonym > ? ORDER BY subject_pseudonym LIMIT ?")
                .params(after, limit).query(String.class).list();
    }

    /** Where a one-time pass over the marks got (V121; "": nowhere yet), read in the chunk's transaction. */
    public String catchUpPseudonym(String job, int version) {
        return jdbc.sql("SELECT coalesce(after_pseudonym, '') FROM listing.catch_up_pass "
                        + "WHERE job_code = ? AND job_version = ?")
                .params(job, version).query(String.class).single();
    }

    /** Moves a one-time pass over the marks past {@code last}, in the chunk's transaction. */
    public void passCatchUpPseudonym(String job, int version, String last) {
        jdbc.sql("UPDATE listing.catch_up_pass SET after_pseudonym = ? WHERE job_code = ? AND job_version = ?")
                .params(last, job, version).update();
    }

    public List<cn.chengxin.listing.NegativeMark> negativeMarksSince(long seq, int limit) {
        return jdbc.sql("SELECT subject_pseudonym, last_negative, change_seq FROM listing.negative_mark "
                        + "WHERE change_seq > ? ORDER BY change_seq LIMIT ?")
                .params(seq, limit)
                .query((rs, n) -> new cn.chengxin.listing.NegativeMark(rs.getString(1), localDate(rs.getDate(2)),
                        rs.getLong(3))).list();
    }

    // ---- notices

    /** {@code selfServiceNotice}: the id of its copy in the citizens' notices, through which a read is learnt. */
    public void notice(UUID id, UUID entry, UUID subject, ListNotice.Kind kind, String title, String body,
                       Instant at, UUID selfServiceNotice) {
        jdbc.sql("INSERT INTO listing.notice (id, entry_id, subject_id, kind, title, body, issued_at, "
                        + "self_service_notice) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, entry, subject, kind.name(), title, body, Timestamp.from(at), selfServiceNotice).update();
    }

    public Optional<ListNotice> notice(UUID id) {
        return jdbc.sql("SELECT id, entry_id, kind, title, body, issued_at, self_service_notice FROM listing.notice WHERE id = ?")
                .param(id).query(JdbcListing::mapNotice).optional();
    }

    // ---- service (送达) of notices

    /**
     * Appends a service; nothing is ever updated or deleted (the table refuses it). The notice served leaves the set
     * the listing job asks about ({@link #awaitingRead}).
     */
    public void deliver(NoticeDelivery d) {
        noLongerAwaited(List.of(d.noticeId()));
        jdbc.sql("""
                        INSERT INTO listing.notice_delivery (id, notice_id, channel, served_at, announced_on, note,
                                                             recorded_by, recorded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(d.id(), d.noticeId(), d.channel().name(), Timestamp.from(d.servedAt()), date(d.announcedOn()),
                        d.note(), d.recordedBy(), Timestamp.from(d.recordedAt())).update();
    }

    public List<NoticeDelivery> deliveriesOfNotice(UUID notice) {
        return jdbc.sql(DELIVERY_COLUMNS + " WHERE d.notice_id = ? ORDER BY d.recorded_at").param(notice)
                .query(JdbcListing::mapDelivery).list();
    }

    public List<NoticeDelivery> deliveriesOfEntry(UUID entry) {
        return jdbc.sql(DELIVERY_COLUMNS + " JOIN listing.notice n ON n.id = d.notice_id WHERE n.entry_id = ? "
                + "ORDER BY d.recorded_at").param(entry).query(JdbcListing::mapDelivery).list();
    }

    public List<NoticeDelivery> deliveriesOfSubject(UUID subject) {
        return jdbc.sql(DELIVERY_COLUMNS + " JOIN listing.notice n ON n.id = d.notice_id WHERE n.subject_id = ? "
                + "ORDER BY d.recorded_at").param(subject).query(JdbcListing::mapDelivery).list();
    }

    private static final String DELIVERY_COLUMNS = """
            SELECT d.id, d.notice_id, d.channel, d.served_at, d.announced_on, d.note, d.recorded_by, d.recorded_at
            FROM listing.notice_delivery d""";

    private static NoticeDelivery mapDelivery(ResultSet rs, int n) throws SQLException {
        return new NoticeDelivery(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                NoticeDelivery.Channel.valueOf(rs.getString(3)), rs.getTimestamp(4).toInstant(),
                localDate(rs.getDate(5)), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant());
    }

    /**
     * The notices owed to their subjects and not served yet: the prior notices of entries still waiting for them
     * (one of an entry already over or in force is moot), every exit notice and every notice of a changed last day; of one department's entries, or of
     * all ({@code department} null). Oldest first: the longest waiting is served first.
     */
    private static final String UNSERVED_WHERE = """
             FROM listing.notice n JOIN listing.entry e ON e.id = n.entry_id
            WHERE ((n.kind = 'PRIOR' AND e.status = 'NOTIFIED') OR n.kind IN ('EXIT', 'PERIOD_CHANGED'))
              AND NOT EXISTS (SELECT 1 FROM listing.notice_delivery d WHERE d.notice_id = n.id)
              AND (?::text IS NULL OR e.department_code = ?)""";

    /**
     * A page of them after the notice {@code after} (null: from the first) in their order (issued_at, id): by key, so
     * that a late page of a city's backlog reads its own rows and not every row before it, as OFFSET did; a notice
     * served meanwhile still marks the place (its row stays), one unknown gives an empty page.
     */
    public List<UnservedNotice> unserved(String department, UUID after, int limit) {
        return jdbc.sql("SELECT n.id, n.entry_id, n.kind, n.title, n.body, n.issued_at, n.self_service_notice" + UNSERVED_WHERE
                        + " AND (?::uuid IS NULL OR (n.issued_at, n.id) > (SELECT k.issued_at, k.id"
                        + " FROM listing.notice k WHERE k.id = ?)) ORDER BY n.issued_at, n.id LIMIT ?")
                .params(department, department, after, after, limit)
                .query((rs, i) -> new UnservedNotice(mapNotice(rs, i))).list();
    }

    public long countUnserved(String department) {
        return jdbc.sql("SELECT count(*)" + UNSERVED_WHERE).params(department, department).query(Long.class).single();
    }

    /** The proposals waiting for review that {@code reviewer} did not make (the review queue's index, V54). */
    public long countProposedByOthers(String reviewer) {
        return jdbc.sql("SELECT count(*) FROM listing.entry WHERE status = 'PROPOSED' AND proposed_by <> ?")
                .param(reviewer).query(Long.class).single();
    }

    /** An unserved notice (its entry read separately). */
    public record UnservedNotice(ListNotice notice) {
    }

    /**
     * The notices the listing job asks about ({@code listing.notice_awaiting}, V428; gaps review xxxv P7): unserved
     * owed notices with a self-service copy, of persons (an organisation has no self-service account), the {@code
     * limit} asked longest ago, so that all are asked in turn however many wait, once those past their {@code
     * asked_until} on {@code now} have left the set; each {@link AwaitingRead#moot} when nothing is left to learn of
     * it: a prior notice whose entry no longer waits for it (no longer NOTIFIED). Service is dated by the read or the
     * text itself, so asking late delays nothing but the moment the platform learns of it. Reads the set's index, never
     * every notice issued.
     */
    public List<AwaitingRead> awaitingRead(int limit, Instant now) {
        jdbc.sql(ASKED_NO_LONGER).param(Timestamp.from(now)).update();
        return jdbc.sql(AWAITING_READ).param(limit)
                .query((rs, i) -> new AwaitingRead(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getBoolean(4))).list();
    }

    /** The notices past their {@code asked_until} leave the set at once, by its index (V428). */
    static final String ASKED_NO_LONGER = "DELETE FROM listing.notice_awaiting WHERE asked_until <= ?";

    static final String AWAITING_READ = """
                        SELECT a.notice_id, a.subject_id, n.self_service_notice,
                               n.kind = 'PRIOR' AND e.status <> 'NOTIFIED'
                        FROM (SELECT notice_id, subject_id, asked_until FROM listing.notice_awaiting
                              ORDER BY asked_at, notice_id LIMIT ?) a
                        JOIN listing.notice n ON n.id = a.notice_id JOIN listing.entry e ON e.id = n.entry_id""";

    /**
     * An owed notice with a self-service copy joins the set the job asks about ({@link #awaitingRead}) as it is issued,
     * until its first service or {@code askedUntil} (null: while its entry waits for it).
     */
    public void awaitService(UUID notice, UUID subject, Instant issuedAt, Instant askedUntil) {
        jdbc.sql("""
                        INSERT INTO listing.notice_awaiting (notice_id, subject_id, asked_until, asked_at)
                        VALUES (?, ?, ?, ?) ON CONFLICT (notice_id) DO NOTHING""")
                .params(notice, subject, askedUntil == null ? null : Timestamp.from(askedUntil),
                        Timestamp.from(issuedAt)).update();
    }

    /** The notices were asked about at {@code at}: they wait for their turn again behind the others. */
    public void asked(Collection<UUID> notices, Instant at) {
        if (!notices.isEmpty()) {
            jdbc.sql("UPDATE listing.notice_awaiting SET asked_at = ? WHERE notice_id = ANY(?::uuid[])")
                    .params(Timestamp.from(at), notices.toArray(UUID[]::new)).update();
        }
    }

    /** The notices leave the set the job asks about: served, or nothing left to learn of them. */
    public void noLongerAwaited(Collection<UUID> notices) {
        if (!notices.isEmpty()) {
            jdbc.sql("DELETE FROM listing.notice_awaiting WHERE notice_id = ANY(?::uuid[])")
                    .param(notices.toArray(UUID[]::new)).update();
        }
    }

    public record AwaitingRead(UUID notice, UUID subject, UUID selfServiceNotice, boolean moot) {
    }

    /** The subject's owed notices not served yet (their self-service reading serves them). */
    public List<UUID> unservedOf(UUID subject) {
        return jdbc.sql("""
                        SELECT n.id FROM listing.notice n JOIN listing.entry e ON e.id = n.entry_id
                        WHERE n.subject_id = ? AND ((n.kind = 'PRIOR' AND e.status = 'NOTIFIED') OR n.kind IN ('EXIT', 'PERIOD_CHANGED'))
                          AND NOT EXISTS (SELECT 1 FROM listing.notice_delivery d WHERE d.notice_id = n.id)""")
                .param(subject).query(UUID.class).list();
    }

    /** The moment an entry in its prior notice takes effect, now that the notice is served; false if no longer so. */
    public boolean effectiveAfterService(UUID entry, Instant from) {
        return jdbc.sql("""
                        UPDATE listing.entry SET effective_from = ?, change_seq = nextval('listing.change_seq')
                        WHERE id = ? AND status = 'NOTIFIED'""")
                .params(Timestamp.from(from), entry).update() == 1;
    }

    private static ListNotice mapNotice(ResultSet rs, int n) throws SQLException {
        return new ListNotice(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                ListNotice.Kind.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5),
                rs.getTimestamp(6).toInstant(), rs.getObject(7, UUID.class));
    }

    public List<ListNotice> noticesOf(UUID subject) {
        return jdbc.sql("SELECT id, entry_id, kind, title, body, issued_at, self_service_notice FROM listing.notice WHERE subject_id = ? "
                        + "ORDER BY issued_at DESC, kind")
                .param(subject)
                .query(JdbcListing::mapNotice)
                .list();
    }

    public List<ListNotice> noticesOfEntry(UUID entry) {
        return jdbc.sql("SELECT id, entry_id, kind, title, body, issued_at, self_service_notice FROM listing.notice WHERE entry_id = ? "
                        + "ORDER BY issued_at")
                .param(entry)
                .query(JdbcListing::mapNotice)
                .list();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static LocalDate localDate(Date d) {
        return d == null ? null : d.toLocalDate();
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

}
