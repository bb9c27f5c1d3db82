package cn.chengxin.measures.persistence;

import java.sql.Array;
import java.sql.Connection;
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
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.chengxin.audit.AuditedRows;
import cn.chengxin.measures.FeedbackFigures;
import cn.chengxin.listing.ListType;
import cn.chengxin.measures.Measure;
import cn.chengxin.measures.MeasureChange;
import cn.chengxin.measures.MeasureKind;
import cn.chengxin.measures.Scenario;
import cn.chengxin.measures.domain.MeasureReach;
import cn.chengxin.shared.FeedCursor;
import cn.chengxin.shared.jdbc.EpochMicros;
import cn.chengxin.shared.jdbc.SkippedNumbers;
import cn.chengxin.shared.jdbc.VarcharArray;
import cn.chengxin.subject.domain.SubjectKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The measures schema: the catalogue, checks and feedback. */
@Repository
public class JdbcMeasures {

    private final JdbcClient jdbc;
    private final java.time.ZoneId zone;

    public JdbcMeasures(JdbcClient jdbc, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.zone = clock.getZone();
    }

    /** The catalogue, each measure with what it reached since when ({@link MeasureReach}). */
    public List<Measure> measures() {
        Map<String, List<MeasureReach.Version>> versions = new HashMap<>();
        jdbc.sql("""
                        SELECT measure_code, applies_from, enabled, list_types, rule_codes, scenarios, subject_kinds,
                               responsible_persons
                        FROM measures.measure_version ORDER BY measure_code, seq""")
                .query((rs, n) -> versions.computeIfAbsent(rs.getString(1), c -> new ArrayList<>())
                        .add(new MeasureReach.Version(rs.getObject(2, LocalDate.class), rs.getBoolean(3),
                                listTypes(rs.getArray(4)), texts(rs.getArray(5)), scenarios(rs.getArray(6)),
                                subjectKinds(rs.getArray(7)), rs.getBoolean(8))))
                .list();
        return jdbc.sql("""
                        SELECT code, name, kind, legal_basis, departments, list_types, scenarios, clean_record, enabled,
                               subject_kinds, rule_codes, all_departments, reaches_responsible_persons,
                               responsible_persons_basis
                        FROM measures.measure ORDER BY kind, code""")
                .query((rs, n) -> new Measure(rs.getString(1), rs.getString(2), MeasureKind.valueOf(rs.getString(3)),
                        rs.getString(4), Arrays.stream((String[]) rs.getArray(5).getArray()).collect(Collectors.toSet()),
                        rs.getBoolean(12), listTypes(rs.getArray(6)), scenarios(rs.getArray(7)), rs.getBoolean(8),
                        rs.getBoolean(9), subjectKinds(rs.getArray(10)), texts(rs.getArray(11)),
                        new MeasureReach(versions.getOrDefault(rs.getString(1), List.of())), rs.getBoolean(13),
                        rs.getString(14)))
                .list();
    }

    /**
     * Keeps what a measure reaches as approved by {@code changeId}, for the entries that take effect from
     * {@code appliesFrom} on; what it no longer reaches, it reaches for none ({@link MeasureReach}).
     */
    public void addVersion(UUID changeId, LocalDate appliesFrom, Measure now) {
        jdbc.sql("""
                        INSERT INTO measures.measure_version (measure_code, change_id, applies_from, enabled, list_types,
                            rule_codes, scenarios, subject_kinds, responsible_persons)
                        VALUES (?, ?, ?, ?, ?::text[], ?::text[], ?::text[], ?::text[], ?)""")
                .params(now.code(), changeId, appliesFrom, now.enabled(),
                        now.listTypes().stream().map(Enum::name).sorted().toArray(String[]::new),
                        now.ruleCodes().stream().sorted().toArray(String[]::new),
                        now.scenarios().stream().map(Enum::name).sorted().toArray(String[]::new),
                        now.subjectKinds().stream().map(Enum::name).sorted().toArray(String[]::new),
                        now.reachesResponsiblePersons())
                .update();
    }

    /** @return false when there is no such measure */
    public boolean enable(String code, boolean enabled) {
        return jdbc.sql("UPDATE measures.measure SET enabled = ? WHERE code = ?").params(enabled, code).update() == 1;
    }

    /**
     * Stores what a measure now says (its kind and switch stay as they are).
     *
     * @return false when there is no such measure
     */
    public boolean revise(Measure m) {
        return jdbc.sql("""
                        UPDATE measures.measure SET name = ?, legal_basis = ?, departments = ?::text[],
                               all_departments = ?, list_types = ?::text[], scenarios = ?::text[], clean_record = ?,
                               subject_kinds = ?::text[], rule_codes = ?::text[], reaches_responsible_persons = ?,
                               responsible_persons_basis = ?
                        WHERE code = ?""")
                .params(m.name(), m.legalBasis(), m.departments().stream().sorted().toArray(String[]::new),
                        m.allDepartments(), m.listTypes().stream().map(Enum::name).sorted().toArray(String[]::new),
                        m.scenarios().stream().map(Enum::name).sorted().toArray(String[]::new), m.cleanRecord(),
                        m.subjectKinds().stream().map(Enum::name).sorted().toArray(String[]::new),
                        m.ruleCodes().stream().sorted().toArray(String[]::new), m.reachesResponsiblePersons(),
                        m.responsiblePersonsBasis(), m.code())
                .update() == 1;
    }

    // ---- changes waiting for review

    private static final String CHANGE_COLUMNS = """
            c.id, c.measure_code, c.kind, c.name, c.legal_basis, c.departments, c.all_departments, c.list_types,
            c.scenarios,
            c.clean_record, c.subject_kinds, c.rule_codes, c.reaches_responsible_persons, c.responsible_persons_basis,
            c.enabled, c.proposed_by, c.proposer_name, c.proposed_at,
            c.status, c.decided_by, c.decider_name, c.decided_at, c.decision_note, m.kind AS measure_kind,
            m.enabled AS measure_enabled
            FROM measures.measure_change c JOIN measures.measure m ON m.code = c.measure_code""";

    /**
     * Stores a proposed change waiting for review; false when another change of the measure is waiting already (one
     * at a time: V94's index decides between two proposals at once).
     */
    public boolean propose(MeasureChange change) {
        Measure r = change.revision();
        return jdbc.sql("""
                        INSERT INTO measures.measure_change (id, measure_code, kind, name, legal_basis, departments,
                            all_departments, list_types, scenarios, clean_record, subject_kinds, rule_codes,
                            reaches_responsible_persons, responsible_persons_basis, enabled,
                            proposed_by, proposer_name, proposed_at, status)
                        VALUES (?, ?, ?, ?, ?, ?::text[], ?, ?::text[], ?::text[], ?, ?::text[], ?::text[], ?, ?, ?, ?, ?,
                                ?, 'PENDING')
                        ON CONFLICT DO NOTHING""")
                .params(change.id(), change.measureCode(), change.kind().name(), r == null ? null : r.name(),
                        r == null ? null : r.legalBasis(),
                        r == null ? null : r.departments().stream().sorted().toArray(String[]::new),
                        r == null ? null : r.allDepartments(),
                        r == null ? null : r.listTypes().stream().map(Enum::name).sorted().toArray(String[]::new),
                        r == null ? null : r.scenarios().stream().map(Enum::name).sorted().toArray(String[]::new),
                        r == null ? null : r.cleanRecord(),
                        r == null ? null : r.subjectKinds().stream().map(Enum::name).sorted().toArray(String[]::new),
                        r == null ? null : r.ruleCodes().stream().sorted().toArray(String[]::new),
                        r == null ? null : r.reachesResponsiblePersons(),
                        r == null ? null : r.responsiblePersonsBasis(), change.enabled(), change.proposedBy(),
                        change.proposerName(), Timestamp.from(change.proposedAt()))
                .update() == 1;
    }

    /** The changes waiting for review, oldest first. */
    public List<MeasureChange> pendingChanges() {
        return jdbc.sql("SELECT " + CHANGE_COLUMNS + " WHERE c.status = 'PENDING' ORDER BY c.proposed_at")
                .query(this::measureChange).list();
    }

    public Optional<MeasureChange> change(UUID id) {
        return jdbc.sql("SELECT " + CHANGE_COLUMNS + " WHERE c.id = ?").param(id).query(this::measureChange).optional();
    }

    /**
     * Decides a waiting change, conditional on its still waiting: of two reviewers at once only one decides; false
     * for the other.
     */
    public boolean decide(UUID id, MeasureChange.Status outcome, String by, String byName, Instant at, String note) {
        return jdbc.sql("""
                        UPDATE measures.measure_change SET status = ?, decided_by = ?, decider_name = ?,
                            decided_at = ?, decision_note = ?
                        WHERE id = ? AND status = 'PENDING'""")
                .params(outcome.name(), by, byName, Timestamp.from(at), note, id).update() == 1;
    }

    /** A revision decided before V113 kept neither: read as none, as its history shows them. */
    private static Set<SubjectKind> subjectKinds(Array kinds) throws SQLException {
        return texts(kinds).stream().map(SubjectKind::valueOf).collect(Collectors.toSet());
    }

    private static Set<ListType> listTypes(Array types) throws SQLException {
        return texts(types).stream().map(ListType::valueOf).collect(Collectors.toSet());
    }

    private static Set<Scenario> scenarios(Array scenarios) throws SQLException {
        return texts(scenarios).stream().map(Scenario::valueOf).collect(Collectors.toSet());
    }

    private static Set<String> texts(Array texts) throws SQLException {
        return texts == null ? Set.of() : Set.of((String[]) texts.getArray());
    }

    private MeasureChange measureChange(ResultSet rs, int n) throws SQLException {
        MeasureChange.Kind kind = MeasureChange.Kind.valueOf(rs.getString("kind"));
        Measure revision = kind == MeasureChange.Kind.SWITCH ? null : new Measure(rs.getString("measure_code"),
                rs.getString("name"), MeasureKind.valueOf(rs.getString("measure_kind")), rs.getString("legal_basis"),
                Set.of((String[]) rs.getArray("departments").getArray()), rs.getBoolean("all_departments"),
                Arrays.stream((String[]) rs.getArray("list_types").getArray()).map(ListType::valueOf)
                        .collect(Collectors.toSet()),
                Arrays.stream((String[]) rs.getArray("scenarios").getArray()).map(Scenario::valueOf)
                        .collect(Collectors.toSet()), rs.getBoolean("clean_record"), rs.getBoolean("measure_enabled"),
                subjectKinds(rs.getArray("subject_kinds")), texts(rs.getArray("rule_codes")), null,
                rs.getBoolean("reaches_responsible_persons"), rs.getString("responsible_persons_basis"));
        Timestamp decidedAt = rs.getTimestamp("decided_at");
        return new MeasureChange(rs.getObject("id", UUID.class), rs.getString("measure_code"), kind, revision,
                (Boolean) rs.getObject("enabled"), rs.getString("proposed_by"), rs.getString("proposer_name"),
                rs.getTimestamp("proposed_at").toInstant(), MeasureChange.Status.valueOf(rs.getString("status")),
                rs.getString("decided_by"), rs.getString("decider_name"),
                decidedAt == null ? null : decidedAt.toInstant(), rs.getString("decision_note"));
    }

    /**
     * A check as stored: who asked, about whom (pseudonym), where, and what applied.
     *
     * @param measureCodes every measure the check returned
     * @param owedCodes    those returned because of a list entry, on which the department owes feedback (the rest are
     *                     incentives granted for a clean record)
     * @param entryIds     the entries the owed measures rested on (their {@code basedOn}): once all have ended, the
     *                     measures applied are lifted (H3)
     * @param reference    the department's own reference for its case (案件号/业务流水号, H4), null when it gave none
     */
    public record CheckRow(UUID id, Instant at, String clientId, String department, String pseudonym,
                           Scenario scenario, String purpose, int entries, List<String> measureCodes,
                           List<String> owedCodes, List<String> entryIds, String reference) {

        /** A check resting on no entry recorded (a test's fixture). */
        public CheckRow(UUID id, Instant at, String clientId, String department, String pseudonym, Scenario scenario,
                        String purpose, int entries, List<String> measureCodes, List<String> owedCodes) {
            this(id, at, clientId, department, pseudonym, scenario, purpose, entries, measureCodes, owedCodes,
                    List.of(), null);
        }

        public boolean feedbackDue() {
            return !owedCodes.isEmpty();
        }
    }

    /** The arrays unnested side by side in a select list, as the audit writer's (AuditWriter, session xli). */
    private static final String CHECK_ROWS_SQL = """
            INSERT INTO measures.check_made (id, at, client_id, department_code, subject_pseudonym, scenario,
                purpose, entries, measure_codes, owed_codes, feedback_due, entry_ids, reference)
            SELECT u.id, %s, u.client, u.department, u.pseudonym, u.scenario, u.purpose,
                   u.entries, coalesce(string_to_array(nullif(u.measures, ''), ','), '{}'),
                   coalesce(string_to_array(nullif(u.owed, ''), ','), '{}'), u.owed <> '',
                   coalesce(string_to_array(nullif(u.rested, ''), ','), '{}'), u.reference
            FROM (SELECT unnest(?::text[])::uuid AS id, unnest(?::bigint[]) AS at, unnest(?::text[]) AS client,
                         unnest(?::text[]) AS department, unnest(?::text[]) AS pseudonym,
                         unnest(?::text[]) AS scenario, unnest(?::text[]) AS purpose, unnest(?::int[]) AS entries,
                         unnest(?::text[]) AS measures, unnest(?::text[]) AS owed, unnest(?::text[]) AS rested,
                         unnest(?::text[]) AS reference) u;
            INSERT INTO measures.case_tally AS t (measure_code, department_code, hits, owed)
            SELECT unnest(?::text[]), unnest(?::text[]), unnest(?::bigint[]), unnest(?::bigint[])
            ON CONFLICT (measure_code, department_code)
                DO UPDATE SET hits = t.hits + excluded.hits, owed = t.owed + excluded.owed"""
            .formatted(EpochMicros.sql("u.at"));

    /**
     * Check rows as the audit log stores them, in the transaction of their audit events: a check is durable exactly
     * when its event is, at no commit or round trip of its own.
     */
    public static final AuditedRows<CheckRow> CHECK_ROWS = new AuditedRows<>() {

        @Override
        public String sql() {
            return CHECK_ROWS_SQL;
        }

        @Override
        public int bind(Connection c, PreparedStatement ps, int first, List<CheckRow> checks) throws SQLException {
            int n = checks.size();
            String[] ids = new String[n];
            long[] at = new long[n];
            String[] clients = new String[n];
            String[] departments = new String[n];
            String[] pseudonyms = new String[n];
            String[] scenarios = new String[n];
            String[] purposes = new String[n];
            int[] entries = new int[n];
            String[] measures = new String[n];
            String[] owed = new String[n];
            String[] rested = new String[n];
            String[] references = new String[n];
            for (int i = 0; i < n; i++) {
                CheckRow check = checks.get(i);
                ids[i] = check.id().toString();
                at[i] = EpochMicros.of(check.at()); // truncated to microseconds (Checks.checkTime)
                clients[i] = check.clientId();
                departments[i] = check.department();
                pseudonyms[i] = check.pseudonym();
                scenarios[i] = check.scenario().name();
                purposes[i] = check.purpose();
                entries[i] = check.entries();
                measures[i] = joined(check.measureCodes());
                owed[i] = joined(check.owedCodes());
                rested[i] = joined(check.entryIds());
                references[i] = check.reference();
            }
            int p = first;
            // The ids as texts in binary, cast by the server: the driver sends a uuid[] only as an array literal, which it
            // builds and whose type it looks up on every call (~6% of the audit writer's samples, session xlviii).
            ps.setObject(p++, VarcharArray.of(ids));
            // The rest in binary (primitive arrays, the texts as VarcharArray): no array literal to quote and escape
            // element by element here, none for the server to parse; long[] at: EpochMicros.
            ps.setObject(p++, at);
            ps.setObject(p++, VarcharArray.of(clients));
            ps.setObject(p++, VarcharArray.of(departments));
            ps.setObject(p++, VarcharArray.of(pseudonyms));
            ps.setObject(p++, VarcharArray.of(scenarios));
            ps.setObject(p++, VarcharArray.of(purposes));
            ps.setObject(p++, entries);
            ps.setObject(p++, VarcharArray.of(measures));
            ps.setObject(p++, VarcharArray.of(owed));
            ps.setObject(p++, VarcharArray.of(rested));
            ps.setObject(p++, VarcharArray.of(references));
            // The case tally counts the same checks in the same transaction (案例统计 without a scan), counted here.
            TallyDelta tally = TallyDelta.of(checks);
            ps.setObject(p++, tally.measures());
            ps.setObject(p++, tally.departments());
            ps.setObject(p++, tally.hits());
            ps.setObject(p++, tally.owed());
            return p;
        }
    };

    /** The codes comma-joined, as the statement splits them; most checks have none, which need no joiner. */
    private static String joined(List<String> codes) {
        return codes.isEmpty() ? "" : String.join(",", codes);
    }

    public Optional<CheckRow> check(UUID id) {
        return jdbc.sql("""
                        SELECT id, at, client_id, department_code, subject_pseudonym, scenario, purpose, entries,
                               measure_codes, owed_codes, entry_ids, reference
                        FROM measures.check_made WHERE id = ?""")
                .param(id)
                .query((rs, n) -> new CheckRow(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(),
                        rs.getString(3), rs.getString(4), rs.getString(5), Scenario.valueOf(rs.getString(6)),
                        rs.getString(7), rs.getInt(8), codes(rs.getArray(9)), codes(rs.getArray(10)),
                        codes(rs.getArray(11)), rs.getString(12)))
                .optional();
    }

    private static List<String> codes(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    /**
     * Stores the feedback, counts it in the case tally, and takes the check off the list of feedback owed once every
     * owed measure has its feedback.
     *
     * @return false when feedback on this measure of this check was given already
     */
    @Transactional
    public boolean feedback(UUID check, String measure, boolean applied, String outcome, String note, String by,
                            Instant at) {
        // Feedback on the same check waits here, so that the last one to arrive sees all the others.
        jdbc.sql("SELECT 1 FROM measures.check_made WHERE id = ? FOR UPDATE").param(check).query(Integer.class).list();
        // The feedback and its count in the case tally, in one statement: both or neither.
        boolean stored = jdbc.sql("""
                        WITH f AS (
                            INSERT INTO measures.feedback (check_id, measure_code, applied, outcome, note, given_by,
                                                           given_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                            RETURNING check_id, measure_code, applied),
                        counted AS (
                            INSERT INTO measures.case_tally AS t (measure_code, department_code, returned, applied,
                                                                  returned_owed, applied_owed)
                            SELECT f.measure_code, c.department_code, 1, CASE WHEN f.applied THEN 1 ELSE 0 END,
                                   CASE WHEN o.owed THEN 1 ELSE 0 END, CASE WHEN o.owed AND f.applied THEN 1 ELSE 0 END
                            FROM f JOIN measures.check_made c ON c.id = f.check_id
                                 CROSS JOIN LATERAL (SELECT f.measure_code = ANY (c.owed_codes) AS owed) o
                            ON CONFLICT (measure_code, department_code) DO UPDATE
                                SET returned = t.returned + 1, applied = t.applied + excluded.applied,
                                    returned_owed = t.returned_owed + excluded.returned_owed,
                                    applied_owed = t.applied_owed + excluded.applied_owed)
                        SELECT count(*) FROM f""")
                .params(check, measure, applied, outcome, note, by, Timestamp.from(at)).query(Long.class).single() == 1;
        if (stored) {
            // Complete now: counted as returned on its day's kept figures (and no longer as dropped, if it was).
            keptDaysChanged(jdbc.sql("""
                            UPDATE measures.check_made c SET feedback_due = false
                            WHERE c.id = ? AND c.feedback_due AND NOT EXISTS (""" + MISSING + """
                            ) RETURNING (c.at AT TIME ZONE ?)::date, c.department_code, 1,
                                        CASE WHEN c.entries_ended_on IS NOT NULL THEN -1 ELSE 0 END""")
                    .params(check, zone.getId()).query(JdbcMeasures::dayChange).list());
            // Applied on a check whose entries have all ended already: the measure is to be lifted at once (H3).
            if (applied) {
                jdbc.sql(LIFT + " WHERE c.id = ? AND c.entries_ended_on IS NOT NULL" + LIFT_CONFLICT)
                        .params(Timestamp.from(at), check).update();
            }
        }
        return stored;
    }

    /** What a department reported on one measure of a check. */
    public record GivenFeedback(boolean applied, String outcome, String note) {
    }

    public Optional<GivenFeedback> feedbackOn(UUID check, String measure) {
        return jdbc.sql("SELECT applied, outcome, note FROM measures.feedback WHERE check_id = ? AND measure_code = ?")
                .params(check, measure)
                .query((rs, n) -> new GivenFeedback(rs.getBoolean(1), rs.getString(2), rs.getString(3))).optional();
    }

    /** The owed measures of check {@code c} still without feedback. */
    private static final String MISSING = """
            SELECT o.code FROM unnest(c.owed_codes) AS o(code)
            WHERE NOT EXISTS (SELECT 1 FROM measures.feedback f WHERE f.check_id = c.id AND f.measure_code = o.code)""";

    /**
     * Per measure and department (案例统计): hits (checks that returned the measure), of them those on which feedback
     * is owed (the measure followed a list entry; the other hits are incentives granted for a clean record), and of
     * the owed ones those with feedback returned and with the measure applied; {@code returned} and {@code applied}
     * count all feedback, on incentives too (fed back at will). Checks that returned no measure owe nothing and are
     * in none of these.
     */
    public record CaseCount(String measureCode, String department, long hits, long owed, long returnedOwed,
                            long appliedOwed, long returned, long applied) {

        /**
         * The owed hits with feedback, in whole percent of them, rounded down (100 only once every one has it); null
         * when none is owed (no rate to give).
         */
        public Integer returnedPercent() {
            return percentOfOwed(returnedOwed);
        }

        /** The owed hits whose measure was applied, in whole percent of them; null when none is owed. */
        public Integer appliedPercent() {
            return percentOfOwed(appliedOwed);
        }

        /** Feedback given on the hits that owed none (incentives for a clean record). */
        public long feedbackNotOwed() {
            return returned - returnedOwed;
        }

        private Integer percentOfOwed(long count) {
            return owed == 0 ? null : (int) (count * 100 / owed);
        }
    }

    public List<CaseCount> caseCounts() {
        return jdbc.sql("""
                        SELECT measure_code, department_code, hits, owed, returned_owed, applied_owed, returned, applied
                        FROM measures.case_tally WHERE hits > 0 ORDER BY owed DESC, hits DESC, 1, 2""")
                .query((rs, n) -> new CaseCount(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8))).list();
    }

    /**
     * A check still owing feedback, with the purpose its caller gave (the approval item or case number): what a system
     * whose answer was lost matches the check to its own case by. Its API answer names the check {@code checkId} and
     * {@code checkedAt}, as every other answer does; {@code id} and {@code at} are kept beside them as deprecated
     * aliases for the clients written before (gaps review xxxvii R5, docs/api-changelog.md).
     */
    public record Unreturned(
            @io.swagger.v3.oas.annotations.media.Schema(deprecated = true, description = "Deprecated: use checkId")
            UUID id,
            @io.swagger.v3.oas.annotations.media.Schema(deprecated = true, description = "Deprecated: use checkedAt")
            Instant at, String department, Scenario scenario, String purpose, String reference, List<String> missing) {

        /** The check's id, as a check's answer names it. */
        @com.fasterxml.jackson.annotation.JsonProperty("checkId")
        public UUID checkId() {
            return id;
        }

        /** When the check was made, as a check's answer names it. */
        @com.fasterxml.jackson.annotation.JsonProperty("checkedAt")
        public Instant checkedAt() {
            return at;
        }
    }

    /** Checks still owing feedback on some measure, oldest first. */
    public List<Unreturned> unreturned(int limit) {
        return unreturned(0, limit);
    }

    /** A page of the checks still owing feedback, oldest first (the partial index on {@code at} serves it). */
    public List<Unreturned> unreturned(int offset, int limit) {
        return unreturned(null, offset, limit);
    }

    /** A page of the checks of {@code department} ({@code null}: any) still owing feedback, oldest first. */
    public List<Unreturned> unreturned(String department, int offset, int limit) {
        return jdbc.sql("""
                        SELECT c.id, c.at, c.department_code, c.scenario, c.purpose, c.reference, ARRAY(""" + MISSING + """
                        ) FROM measures.check_made c WHERE c.feedback_due AND c.entries_ended_on IS NULL
                        AND (CAST(? AS text) IS NULL OR c.department_code = ?) ORDER BY c.at, c.id OFFSET ? LIMIT ?""")
                .params(department, department, offset, limit)
                .query((rs, n) -> new Unreturned(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(),
                        rs.getString(3), Scenario.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6),
                        codes(rs.getArray(7))))
                .list();
    }

    /**
     * A calling system's own checks still owing feedback, oldest first, after its check {@code after} (from the
     * start when null): a cursor that stays put while feedback is returned, unlike an offset.
     */
    /** The checks of {@code department}, made with any of its keys, owing feedback after its check {@code after}. */
    public List<Unreturned> unreturnedOf(String department, UUID after, int limit) {
        return jdbc.sql("""
                        SELECT c.id, c.at, c.department_code, c.scenario, c.purpose, c.reference, ARRAY(""" + MISSING + """
                        ) FROM measures.check_made c WHERE c.feedback_due AND c.entries_ended_on IS NULL
                        AND c.department_code = ?
                        AND (?::uuid IS NULL OR (c.at, c.id) > (SELECT a.at, a.id FROM measures.check_made a
                                                                WHERE a.id = ?::uuid AND a.department_code = ?))
                        ORDER BY c.at, c.id LIMIT ?""")
                .params(department, after, after, department, limit)
                .query((rs, n) -> new Unreturned(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(),
                        rs.getString(3), Scenario.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6),
                        codes(rs.getArray(7))))
                .list();
    }

    public long countUnreturned(String department) {
        return jdbc.sql("""
                        SELECT count(*) FROM measures.check_made
                         WHERE feedback_due AND entries_ended_on IS NULL
                           AND (CAST(? AS text) IS NULL OR department_code = ?)""")
                .params(department, department).query(Long.class).single();
    }

    // ---- measures lifted at exit (H3)

    /**
     * Records as lifted the checks {@code c} (the caller's WHERE) whose owed measures the department fed back as
     * applied, with those measures, the day the last of their entries ended and its reason; one row a check. The
     * first parameter is the time it is recorded.
     */
    private static final String LIFT = """
            INSERT INTO measures.check_lifted (check_id, department_code, measure_codes, ended_on, exit_reason,
                                               lifted_at)
            SELECT c.id, c.department_code, a.codes, c.entries_ended_on,
                   (SELECT e.exit_reason FROM measures.entry_ended e WHERE e.entry_id = ANY (c.entry_ids)
                    ORDER BY e.ended_on DESC, e.entry_id LIMIT 1), ?
            FROM measures.check_made c
                 CROSS JOIN LATERAL (SELECT ARRAY(SELECT f.measure_code FROM measures.feedback f
                                                  WHERE f.check_id = c.id AND f.applied
                                                    AND f.measure_code = ANY (c.owed_codes)
                                                  ORDER BY 1) AS codes) a
            """;

    /** A check lifted again (feedback applied on another of its measures since) lists that measure too. */
    private static final String LIFT_CONFLICT = """
             AND cardinality(a.codes) > 0
            ON CONFLICT (check_id) DO UPDATE SET measure_codes = EXCLUDED.measure_codes
            WHERE check_lifted.measure_codes <> EXCLUDED.measure_codes""";

    /**
     * What {@link #MARK_ENDED} marked, as changes of the checks' days' kept figures: a check still without feedback
     * now owes none (dropped); one whose feedback was complete stays returned.
     */
    private static final String MARKED = " RETURNING (c.at AT TIME ZONE ?)::date, c.department_code, 0,"
            + " CASE WHEN c.feedback_due THEN 1 ELSE 0 END, c.id";

    /**
     * A check's change on the kept figures of its day (V411): {@code returned} and {@code dropped} added to its
     * department's row.
     */
    private record DayChange(LocalDate day, String department, int returned, int dropped, UUID check) {
    }

    private static DayChange dayChange(ResultSet rs, int n) throws SQLException {
        return new DayChange(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getInt(3), rs.getInt(4),
                rs.getMetaData().getColumnCount() > 4 ? rs.getObject(5, UUID.class) : null);
    }

    /**
     * Adds the changes of checks to the kept figures of their days (gaps review xxxv P2): under the days' advisory
     * locks, taken shared after the checks changed, so that a day's roll-up (FeedbackFigures#keep, holding it
     * exclusively) either saw these changes or had committed its rows before they are added to here. A day not kept
     * has no row: its checks are counted live.
     */
    private void keptDaysChanged(List<DayChange> changes) {
        Map<String, int[]> sums = new java.util.TreeMap<>();
        for (DayChange c : changes) {
            if (c.returned() != 0 || c.dropped() != 0) {
                int[] sum = sums.computeIfAbsent(c.day() + " " + c.department(), k -> new int[2]);
                sum[0] += c.returned();
                sum[1] += c.dropped();
            }
        }
        if (sums.isEmpty()) {
            return;
        }
        List<String> keys = List.copyOf(sums.keySet());
        java.sql.Date[] days = keys.stream().map(k -> java.sql.Date.valueOf(k.substring(0, 10)))
                .toArray(java.sql.Date[]::new);
        jdbc.sql("SELECT count(pg_advisory_xact_lock_shared(" + FeedbackFigures.DAY_LOCK.formatted("d::text")
                        + ")) FROM (SELECT DISTINCT d FROM unnest(?::date[]) AS u(d) ORDER BY d) AS l")
                .param(days).query(Long.class).single();
        jdbc.sql("""
                        UPDATE measures.feedback_day f SET returned = f.returned + u.returned,
                                                           dropped = f.dropped + u.dropped
                        FROM unnest(?::date[], ?::text[], ?::int[], ?::int[]) AS u(day, department, returned, dropped)
                        WHERE f.day = u.day AND f.department_code = u.department""")
                .params(days, keys.stream().map(k -> k.substring(11)).toArray(String[]::new),
                        keys.stream().map(k -> sums.get(k)[0]).toArray(Integer[]::new),
                        keys.stream().map(k -> sums.get(k)[1]).toArray(Integer[]::new))
                .update();
    }

    /** Where the follower of {@code feed} stands, locked until its transaction ends (one follower at a time). */
    /** The numbers the follower of the feed stepped over and reads again ({@link SkippedNumbers}). */
    public List<FeedCursor.Skipped> skipped(String feed) {
        return SkippedNumbers.read(jdbc, "measures.feed_skipped", feed);
    }

    /** Keeps the numbers stepped over, in the transaction that moves the feed's position. */
    public void saveSkipped(String feed, List<FeedCursor.Skipped> read, List<FeedCursor.Skipped> kept) {
        SkippedNumbers.save(jdbc, "measures.feed_skipped", feed, read, kept);
    }

    public long lockPosition(String feed) {
        jdbc.sql("INSERT INTO measures.feed_position (feed, position) VALUES (?, 0) ON CONFLICT DO NOTHING")
                .param(feed).update();
        return jdbc.sql("SELECT position FROM measures.feed_position WHERE feed = ? FOR UPDATE").param(feed)
                .query(Long.class).single();
    }

    public void savePosition(String feed, long position) {
        jdbc.sql("UPDATE measures.feed_position SET position = ? WHERE feed = ?").params(position, feed).update();
    }

    /**
     * Marks the checks resting on any of the entries (the parameter) whose entries have now all ended, with the day
     * the last ended. The partial GIN index holds the checks that rested on entries; its predicate is repeated for
     * the planner.
     */
    private static final String MARK_ENDED = """
            UPDATE measures.check_made c
               SET entries_ended_on = (SELECT max(e.ended_on) FROM measures.entry_ended e
                                       WHERE e.entry_id = ANY (c.entry_ids))
            WHERE cardinality(c.entry_ids) > 0 AND c.entry_ids && ?::text[]
              AND c.entries_ended_on IS NULL
              AND NOT EXISTS (SELECT 1 FROM unnest(c.entry_ids) AS i(id)
                              WHERE NOT EXISTS (SELECT 1 FROM measures.entry_ended e
                                                WHERE e.entry_id = i.id))""";

    /**
     * Marks, and lifts where applied, the checks stored after the ends recorded since {@code recordedSince} had
     * already marked the checks resting on those entries: a check answered on an entry that had just ended, the
     * check index not yet refreshed, is stored after its end was recorded, or while it was (neither transaction
     * seeing the other's row). Only the entries ended lately are read (none mostly), and through them the checks
     * still unmarked; nothing is read per check made.
     *
     * @return how many checks were recorded as lifted
     */
    public int storedAfterTheirEnd(Instant recordedSince, Instant since, Instant now) {
        String[] ids = jdbc.sql("SELECT entry_id FROM measures.entry_ended WHERE recorded_at >= ?")
                .param(Timestamp.from(recordedSince)).query(String.class).list().toArray(String[]::new);
        if (ids.length == 0) {
            return 0;
        }
        List<DayChange> changes = jdbc.sql(MARK_ENDED + MARKED).params(ids, zone.getId())
                .query(JdbcMeasures::dayChange).list();
        keptDaysChanged(changes);
        UUID[] marked = changes.stream().map(DayChange::check).toArray(UUID[]::new);
        return marked.length == 0 ? 0 : jdbc.sql(LIFT + " WHERE c.id = ANY (?::uuid[]) AND c.at >= ?" + LIFT_CONFLICT)
                .params(Timestamp.from(now), marked, Timestamp.from(since)).update();
    }

    /** An entry that ended: its id as checks name it, the day it ended (in the city) and why. */
    public record EndedEntry(String id, java.time.LocalDate endedOn, String reason) {
    }

    /**
     * Records entries that ended (again harmlessly: a change read twice), marks the checks resting on them whose
     * entries have now all ended (they owe no feedback any more), and records as lifted those of them made since
     * {@code since} whose measures the department applied.
     *
     * @return how many checks were recorded as lifted
     */
    public int entriesEnded(List<EndedEntry> ended, Instant since, Instant now) {
        String[] ids = ended.stream().map(EndedEntry::id).toArray(String[]::new);
        jdbc.sql("""
                        INSERT INTO measures.entry_ended (entry_id, ended_on, exit_reason, recorded_at)
                        SELECT *, ?::timestamptz FROM unnest(?::text[], ?::date[], ?::text[]) ON CONFLICT DO NOTHING""")
                .params(Timestamp.from(now), ids,
                        ended.stream().map(e -> java.sql.Date.valueOf(e.endedOn())).toArray(java.sql.Date[]::new),
                        ended.stream().map(EndedEntry::reason).toArray(String[]::new))
                .update();
        keptDaysChanged(jdbc.sql(MARK_ENDED + MARKED).params(ids, zone.getId()).query(JdbcMeasures::dayChange)
                .list());
        return jdbc.sql(LIFT + """
                         WHERE cardinality(c.entry_ids) > 0 AND c.entry_ids && ?::text[]
                          AND c.entries_ended_on IS NOT NULL AND c.at >= ?""" + LIFT_CONFLICT)
                .params(Timestamp.from(now), ids, Timestamp.from(since)).update();
    }

    /**
     * Entries in force again (another platform's entry received in force after a version that ended it): they no
     * longer count as ended for the checks whose entries have not all ended.
     */
    public void entriesInForceAgain(List<String> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql("DELETE FROM measures.entry_ended WHERE entry_id = ANY (?::text[])")
                    .param(ids.toArray(String[]::new)).update();
        }
    }

    /** The last day of an entry received from another platform, as its version in force says (null: none). */
    public record LastDay(String entryId, LocalDate validUntil) {
    }

    /**
     * Keeps the last day of each received entry (a later version's replacing an earlier one's), and forgets that of
     * an entry whose version has none, or which its platform no longer has in force ({@code ended}).
     */
    public void lastDays(List<LastDay> inForce, List<String> ended) {
        List<LastDay> kept = inForce.stream().filter(d -> d.validUntil() != null).toList();
        String[] forgotten = java.util.stream.Stream.concat(ended.stream(),
                inForce.stream().filter(d -> d.validUntil() == null).map(LastDay::entryId)).toArray(String[]::new);
        if (forgotten.length > 0) {
            jdbc.sql("DELETE FROM measures.received_until WHERE entry_id = ANY (?::text[])").param(forgotten)
                    .update();
        }
        if (!kept.isEmpty()) {
            jdbc.sql("""
                            INSERT INTO measures.received_until (entry_id, valid_until)
                            SELECT * FROM unnest(?::text[], ?::date[])
                            ON CONFLICT (entry_id) DO UPDATE SET valid_until = EXCLUDED.valid_until""")
                    .params(kept.stream().map(LastDay::entryId).toArray(String[]::new),
                            kept.stream().map(d -> java.sql.Date.valueOf(d.validUntil())).toArray(java.sql.Date[]::new))
                    .update();
        }
    }

    /**
     * Takes out (at most {@code limit} of) the received entries whose last day is before {@code today}: each is
     * answered once, its row gone with the transaction that records its end.
     */
    public List<LastDay> pastTheirLastDay(LocalDate today, int limit) {
        return jdbc.sql("""
                        DELETE FROM measures.received_until
                        WHERE entry_id IN (SELECT entry_id FROM measures.received_until WHERE valid_until < ?
                                           ORDER BY valid_until, entry_id LIMIT ?)
                        RETURNING entry_id, valid_until""")
                .params(java.sql.Date.valueOf(today), limit)
                .query((rs, n) -> new LastDay(rs.getString(1), rs.getObject(2, LocalDate.class))).list();
    }

    /**
     * A check whose measures are to be lifted, as its department reads it: the check (its time, scenario and the
     * purpose it gave, by which the department finds its case), the measures it applied, the day the last entry
     * ended and why; whether and when the department acknowledged it.
     */
    public record Lifted(long seq, UUID checkId, Instant checkedAt, Scenario scenario, String purpose,
                         String reference, List<String> measureCodes, java.time.LocalDate endedOn, String exitReason, Instant liftedAt,
                         Instant acknowledgedAt) {
    }

    /**
     * The department's lifted checks after position {@code after}, oldest first; only those not acknowledged when
     * {@code open}.
     */
    public List<Lifted> lifted(String department, long after, boolean open, int limit) {
        return jdbc.sql("""
                        SELECT l.seq, l.check_id, c.at, c.scenario, c.purpose, c.reference, l.measure_codes,
                               l.ended_on, l.exit_reason, l.lifted_at, l.acknowledged_at
                        FROM measures.check_lifted l JOIN measures.check_made c ON c.id = l.check_id
                        WHERE l.department_code = ? AND l.seq > ? AND (NOT ? OR l.acknowledged_at IS NULL)
                        ORDER BY l.seq LIMIT ?""")
                .params(department, after, open, limit)
                .query((rs, n) -> {
                    Timestamp acknowledged = rs.getTimestamp(11);
                    return new Lifted(rs.getLong(1), rs.getObject(2, UUID.class), rs.getTimestamp(3).toInstant(),
                            Scenario.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), codes(rs.getArray(7)),
                            rs.getObject(8, java.time.LocalDate.class), rs.getString(9),
                            rs.getTimestamp(10).toInstant(), acknowledged == null ? null : acknowledged.toInstant());
                }).list();
    }

    public long countUnacknowledged(String department) {
        return countUnacknowledged(department, null);
    }

    /** The department's lifted checks not acknowledged, those recorded before {@code before} only when given. */
    public long countUnacknowledged(String department, Instant before) {
        return jdbc.sql("""
                        SELECT count(*) FROM measures.check_lifted
                        WHERE department_code = ? AND acknowledged_at IS NULL
                          AND (?::timestamptz IS NULL OR lifted_at < ?)""")
                .params(department, before == null ? null : Timestamp.from(before),
                        before == null ? null : Timestamp.from(before)).query(Long.class).single();
    }

    /** @return false when the department has no such lifted check not yet acknowledged */
    public boolean acknowledge(String department, long seq, String by, Instant at) {
        return jdbc.sql("""
                        UPDATE measures.check_lifted SET acknowledged_at = ?, acknowledged_by = ?
                        WHERE seq = ? AND department_code = ? AND acknowledged_at IS NULL""")
                .params(Timestamp.from(at), by, seq, department).update() == 1;
    }

    /** When the department's lifted check {@code seq} was acknowledged; empty when it was not, or is not its own. */
    public java.util.Optional<Instant> acknowledgedAt(String department, long seq) {
        return jdbc.sql("""
                        SELECT acknowledged_at FROM measures.check_lifted
                        WHERE seq = ? AND department_code = ? AND acknowledged_at IS NOT NULL""")
                .params(seq, department).query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    /** Per department, its lifted checks not acknowledged that were recorded before {@code before}. */
    public java.util.Map<String, Long> unacknowledgedBefore(Instant before) {
        java.util.Map<String, Long> counts = new java.util.HashMap<>();
        jdbc.sql("""
                        SELECT department_code, count(*) FROM measures.check_lifted
                        WHERE acknowledged_at IS NULL AND lifted_at < ? GROUP BY department_code""")
                .param(Timestamp.from(before))
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }
}
