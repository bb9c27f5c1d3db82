package cn.chengxin.inquiry.persistence;

import java.util.Optional;

import cn.chengxin.inquiry.domain.LegacyReport;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code inquiry.legacy_report}: the older platform's reports, verifiable here (V820). */
@Repository
public class JdbcLegacyReports {

    private final JdbcClient jdbc;

    public JdbcLegacyReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Registers the report; false when its number is registered already (then nothing is written). */
    public boolean insert(LegacyReport report) {
        return jdbc.sql("""
                        INSERT INTO inquiry.legacy_report (number, code_sm3, issued_on, valid_until, platform)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT (number) DO NOTHING""")
                .params(report.number(), report.codeSm3(), report.issuedOn(), report.validUntil(), report.platform())
                .update() == 1;
    }

    public Optional<LegacyReport> byNumber(String number) {
        return jdbc.sql("""
                        SELECT number, code_sm3, issued_on, valid_until, platform FROM inquiry.legacy_report
                        WHERE number = ?""").param(number)
                .query((rs, n) -> new LegacyReport(rs.getString(1), rs.getString(2),
                        rs.getObject(3, java.time.LocalDate.class), rs.getObject(4, java.time.LocalDate.class),
                        rs.getString(5)))
                .optional();
    }

    /** Whether this platform issued a report with the number: a legacy one may not take it. */
    public boolean issuedHere(String number) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM inquiry.report WHERE number = ?)").param(number)
                .query(Boolean.class).single();
    }
}
