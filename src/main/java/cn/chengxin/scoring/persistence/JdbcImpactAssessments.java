package cn.chengxin.scoring.persistence;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import cn.chengxin.scoring.domain.ImpactAssessment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** scoring.impact_assessment (V1020): the 个人信息保护影响评估 each model version is approved on. */
@Repository
public class JdbcImpactAssessments {

    private final JdbcClient jdbc;

    JdbcImpactAssessments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An assessment as kept, with its model version and who recorded it. */
    public record Kept(String modelCode, int modelVersion, ImpactAssessment assessment, String recordedBy,
                       Instant recordedAt) {
    }

    private static final String KEPT = "SELECT model_code, model_version, assessed_on, conclusion, document_sm3, "
            + "document_name, recorded_by, recorded_at FROM scoring.impact_assessment ";

    /**
     * Records the assessment of a version still pending, replacing one recorded before (a corrected document);
     * false when the version is not pending: an approved model's assessment is the one it was approved on.
     */
    public boolean record(String code, int version, ImpactAssessment assessment, String by, Instant at) {
        return jdbc.sql("""
                        INSERT INTO scoring.impact_assessment (model_code, model_version, assessed_on, conclusion,
                            document_sm3, document_name, recorded_by, recorded_at)
                        SELECT code, version, ?, ?, ?, ?, ?, ? FROM scoring.model
                        WHERE code = ? AND version = ? AND status = 'PENDING'
                        ON CONFLICT (model_code, model_version) DO UPDATE SET assessed_on = excluded.assessed_on,
                            conclusion = excluded.conclusion, document_sm3 = excluded.document_sm3,
                            document_name = excluded.document_name, recorded_by = excluded.recorded_by,
                            recorded_at = excluded.recorded_at""")
                .params(Date.valueOf(assessment.assessedOn()), assessment.conclusion().strip(),
                        assessment.documentSm3(), assessment.documentName(), by, Timestamp.from(at), code, version)
                .update() == 1;
    }

    public Optional<Kept> of(String code, int version) {
        return jdbc.sql(KEPT + "WHERE model_code = ? AND model_version = ?").params(code, version)
                .query(JdbcImpactAssessments::kept).optional();
    }

    /** Every kept assessment (one per model version at most: a few dozen rows). */
    public List<Kept> all() {
        return jdbc.sql(KEPT + "ORDER BY recorded_at DESC").query(JdbcImpactAssessments::kept).list();
    }

    /**
     * Deletes the assessments of versions out of use (retired, or rejected) since before {@code outOfUseBefore}, a
     * day in Beijing time; a version retired before V1020 has no day and keeps its assessment. Returns how many.
     */
    public int deleteOutOfUseBefore(LocalDate outOfUseBefore) {
        return jdbc.sql("""
                        DELETE FROM scoring.impact_assessment a USING scoring.model m
                        WHERE m.code = a.model_code AND m.version = a.model_version
                          AND ((m.status = 'RETIRED' AND m.retired_at < ?)
                            OR (m.status = 'REJECTED' AND m.decided_at < ?))""")
                .params(Timestamp.from(start(outOfUseBefore)), Timestamp.from(start(outOfUseBefore))).update();
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toInstant();
    }

    private static Kept kept(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Kept(rs.getString(1), rs.getInt(2), new ImpactAssessment(rs.getDate(3).toLocalDate(),
                rs.getString(4), rs.getString(5), rs.getString(6)), rs.getString(7),
                rs.getTimestamp(8).toInstant());
    }
}
