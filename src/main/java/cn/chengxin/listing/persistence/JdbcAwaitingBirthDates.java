package cn.chengxin.listing.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import cn.chengxin.listing.AwaitingBirthDate;
import cn.chengxin.listing.ListType;
import cn.chengxin.subject.domain.DocumentType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The persons refused a list entry for want of a birth date (V71), kept by each evaluation of them. */
@Repository
public class JdbcAwaitingBirthDates {

    private final JdbcClient jdbc;

    public JdbcAwaitingBirthDates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Replaces the rows of the evaluated subjects by what their evaluation refused for want of a birth date: set-based,
     * two statements for a whole chunk. A row kept keeps its {@code since}.
     */
    public void replace(Collection<UUID> evaluated, List<AwaitingBirthDate> refused, Instant at) {
        UUID[] subjects = refused.stream().map(AwaitingBirthDate::subjectId).toArray(UUID[]::new);
        String[] lists = refused.stream().map(a -> a.listType().name()).toArray(String[]::new);
        String[] rules = refused.stream().map(AwaitingBirthDate::ruleCode).toArray(String[]::new);
        UUID[] records = refused.stream().map(AwaitingBirthDate::recordKey).toArray(UUID[]::new);
        jdbc.sql("""
                        DELETE FROM listing.awaiting_birth_date a WHERE a.subject_id = ANY(?::uuid[])
                          AND (a.subject_id, a.list_type, a.rule_code, a.record_key) NOT IN (
                              SELECT * FROM unnest(?::uuid[], ?::text[], ?::text[], ?::uuid[]))""")
                .params(evaluated.toArray(UUID[]::new), subjects, lists, rules, records).update();
        if (refused.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO listing.awaiting_birth_date (subject_id, list_type, rule_code, record_key,
                            item_code, department_code, decision_number, decision_date, masked_name, document_type,
                            masked_number, since)
                        SELECT u.*, ? FROM unnest(?::uuid[], ?::text[], ?::text[], ?::uuid[], ?::text[], ?::text[],
                            ?::text[], ?::date[], ?::text[], ?::text[], ?::text[]) AS u
                        ON CONFLICT (subject_id, list_type, rule_code, record_key) DO UPDATE
                            SET item_code = EXCLUDED.item_code, department_code = EXCLUDED.department_code,
                                decision_number = EXCLUDED.decision_number, decision_date = EXCLUDED.decision_date,
                                masked_name = EXCLUDED.masked_name, document_type = EXCLUDED.document_type,
                                masked_number = EXCLUDED.masked_number""")
                .params(Timestamp.from(at), subjects, lists, rules, records,
                        refused.stream().map(AwaitingBirthDate::itemCode).toArray(String[]::new),
                        refused.stream().map(AwaitingBirthDate::departmentCode).toArray(String[]::new),
                        refused.stream().map(AwaitingBirthDate::decisionNumber).toArray(String[]::new),
                        refused.stream().map(a -> a.decisionDate().toString()).toArray(String[]::new),
                        refused.stream().map(AwaitingBirthDate::maskedName).toArray(String[]::new),
                        refused.stream().map(a -> a.documentType().name()).toArray(String[]::new),
                        refused.stream().map(AwaitingBirthDate::maskedNumber).toArray(String[]::new))
                .update();
    }

    /**
     * The oldest {@code limit} rows whose rule still proposes from their record's item: a rule disabled or edited
     * since may no longer name it, and its holders are not all evaluated again.
     */
    public List<AwaitingBirthDate> oldestFirst(int limit) {
        return jdbc.sql("SELECT a.*, r.name AS rule_name" + STILL_PROPOSED + " ORDER BY a.since, a.subject_id LIMIT ?")
                .param(limit).query(this::row).list();
    }

    public long count() {
        return jdbc.sql("SELECT count(*)" + STILL_PROPOSED).query(Long.class).single();
    }

    private static final String STILL_PROPOSED = """
             FROM listing.awaiting_birth_date a
            JOIN listing.rule r ON r.code = a.rule_code AND r.current AND r.enabled
                                AND a.item_code = ANY(r.item_codes)""";

    private AwaitingBirthDate row(ResultSet rs, int n) throws SQLException {
        return new AwaitingBirthDate(rs.getObject("subject_id", UUID.class), rs.getString("masked_name"),
                DocumentType.valueOf(rs.getString("document_type")), rs.getString("masked_number"),
                ListType.valueOf(rs.getString("list_type")), rs.getString("rule_code"), rs.getString("rule_name"),
                rs.getObject("record_key", UUID.class), rs.getString("item_code"), rs.getString("department_code"),
                rs.getString("decision_number"), rs.getDate("decision_date").toLocalDate(),
                rs.getTimestamp("since").toInstant());
    }
}
