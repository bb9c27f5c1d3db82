package cn.chengxin.inquiry.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What each report carries — its records in the versions printed, its list entries — and the reports whose contents
 * have since changed (finding G5; V183). Written once per report, in one statement each; the change of records is
 * marked in one statement per event, found through the index on the record key and the report's validity.
 */
@Repository
public class JdbcReportCarries {

    /** A record as a report printed it: its version and last day of publication (null: none). */
    public record CarriedRecord(UUID recordKey, int version, LocalDate publicationEnd) {
    }

    /** A list entry of this platform's as a report printed it, with its last day of validity (null: open-ended). */
    public record CarriedEntry(UUID entryId, LocalDate validUntil) {
    }

    /** When and how the contents of a report first changed. */
    public record Superseded(Instant at, String change) {
    }

    /** What a report carries, as {@link #changeOf} reads it to answer its verification. */
    public record Carried(Optional<Superseded> superseded, LocalDate earliestPublicationEnd,
                          List<CarriedEntry> entries) {
    }

    private final JdbcClient jdbc;

    public JdbcReportCarries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps what the report carries, in the report's transaction. */
    public void insert(UUID reportId, Instant validUntil, List<CarriedRecord> records, List<CarriedEntry> entries) {
        if (!records.isEmpty()) {
            jdbc.sql("""
                            INSERT INTO inquiry.report_record (report_id, record_key, version, publication_end, valid_until)
                            SELECT ?::uuid, k, v, e::date, ?::timestamptz FROM unnest(?::uuid[], ?::int[], ?::text[]) AS t(k, v, e)
                            ON CONFLICT DO NOTHING""")
                    .params(reportId, Timestamp.from(validUntil),
                            records.stream().map(CarriedRecord::recordKey).toArray(UUID[]::new),
                            records.stream().map(CarriedRecord::version).toArray(Integer[]::new),
                            records.stream().map(r -> r.publicationEnd() == null ? null : r.publicationEnd().toString())
                                    .toArray(String[]::new))
                    .update();
        }
        if (!entries.isEmpty()) {
            jdbc.sql("""
                            INSERT INTO inquiry.report_entry (report_id, entry_id, valid_until)
                            SELECT ?::uuid, i, u::date FROM unnest(?::uuid[], ?::text[]) AS t(i, u)
                            ON CONFLICT DO NOTHING""")
                    .params(reportId, entries.stream().map(CarriedEntry::entryId).toArray(UUID[]::new),
                            entries.stream().map(e -> e.validUntil() == null ? null : e.validUntil().toString())
                                    .toArray(String[]::new))
                    .update();
        }
    }

    /**
     * Marks the reports still valid at {@code at} that carry one of the records, and were not marked before, as changed
     * at {@code at} by {@code change}: one statement.
     *
     * @return how many reports were marked
     */
    public int supersede(Collection<UUID> recordKeys, Instant at, String change) {
        if (recordKeys.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                        INSERT INTO inquiry.report_superseded (report_id, superseded_at, change)
                        SELECT DISTINCT report_id, ?::timestamptz, ?::text FROM inquiry.report_record
                         WHERE record_key = ANY(?::uuid[]) AND valid_until > ?
                        ON CONFLICT (report_id) DO NOTHING""")
                .params(Timestamp.from(at), change, recordKeys.toArray(UUID[]::new), Timestamp.from(at))
                .update();
    }

    /** What the report carries and whether it was marked changed; none of it for a report issued before V183. */
    public Carried changeOf(UUID reportId) {
        Optional<Superseded> superseded = jdbc.sql(
                        "SELECT superseded_at, change FROM inquiry.report_superseded WHERE report_id = ?")
                .param(reportId)
                .query((rs, n) -> new Superseded(rs.getTimestamp(1).toInstant(), rs.getString(2))).optional();
        LocalDate earliestEnd = jdbc.sql("SELECT min(publication_end) FROM inquiry.report_record WHERE report_id = ?")
                .param(reportId).query((rs, n) -> rs.getObject(1, LocalDate.class)).optional().orElse(null);
        List<CarriedEntry> entries = jdbc.sql("SELECT entry_id, valid_until FROM inquiry.report_entry "
                        + "WHERE report_id = ?").param(reportId)
                .query((rs, n) -> new CarriedEntry(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class)))
                .list();
        return new Carried(superseded, earliestEnd, entries);
    }
}
