package cn.chengxin.inquiry;

import java.io.IOException;
import java.io.Reader;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.inquiry.domain.LegacyReport;
import cn.chengxin.inquiry.domain.ReportNumbers;
import cn.chengxin.inquiry.domain.RowRefusal;
import cn.chengxin.inquiry.persistence.JdbcLegacyReports;
import org.springframework.stereotype.Service;

/**
 * The older platform's reports (gaps review xliii X6 a): registered from its export by {@link
 * ImportLegacyReportsCommand} and answered by the public verification as issued by that platform, genuine, expired or
 * not found, with no content (this platform does not hold it). A report issued here is looked up first
 * ({@link Reports#verify}); a legacy number never takes one of this platform's.
 *
 * <p>A legacy verification is not audited, unlike one of this platform's reports: the register names no person, so a
 * verification looks at no one's data (RULES.md §10 traces operations on personal data), and a failed one is not
 * audited either, as here.
 */
@Service
public class LegacyReports {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final JdbcLegacyReports store;
    private final AuditLog audit;
    private final Clock clock;

    LegacyReports(JdbcLegacyReports store, AuditLog audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /** What an import did: rows registered, rows registered before (the same report: a rerun), rows refused. */
    public record Imported(int registered, int already, List<RowRefusal> refused) {
    }

    /**
     * Registers the old system's export (CSV, UTF-8, a header line {@link LegacyReport#COLUMNS}), row by row: each row
     * valid is registered, a number registered before with the same report is counted as already there (so a rerun
     * after a failure registers only the rest), and each row refused is named with its line and reason (a number this
     * platform issued, or registered before with another code or other days, among them). One audit event
     * {@code inquiry.legacy-report.import} with the counts, whatever the outcome.
     *
     * @param platform the issuing platform's name, as verification shows it
     */
    public Imported importCsv(Reader csv, String platform) throws IOException {
        String name = LegacyReport.platform(platform);
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        int registered = 0;
        int already = 0;
        List<RowRefusal> refused = new ArrayList<>();
        for (ImportCsv.Line line : ImportCsv.read(csv, LegacyReport.COLUMNS)) {
            if (line.refusal() != null) {
                refused.add(line.refusal());
                continue;
            }
            LegacyReport.Row row = LegacyReport.row(line.number(), line.fields(), name, today);
            if (row.refusal() != null) {
                refused.add(row.refusal());
            } else if (store.issuedHere(row.report().number())) {
                refused.add(new RowRefusal(line.number(), "number: a report this platform issued"));
            } else if (store.insert(row.report())) {
                registered++;
            } else if (row.report().equals(store.byNumber(row.report().number()).orElseThrow())) {
                already++;
            } else {
                refused.add(new RowRefusal(line.number(), "number: registered before with another code, days or "
                        + "platform"));
            }
        }
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "inquiry.legacy-report.import")
                .detail(AuditDetail.of("LEGACY_REPORTS_IMPORTED").with("registered", registered)
                        .with("already", already).with("refused", refused.size()).with("platform", name)));
        return new Imported(registered, already, List.copyOf(refused));
    }

    /** The legacy report with this number and code, genuine (valid or expired); empty for a wrong code or number. */
    public Optional<LegacyReport.Verified> verify(String number, String code) {
        String cleanNumber = ReportNumbers.normalise(number);
        if (cleanNumber.isEmpty() || cleanNumber.length() > 40 || ReportNumbers.normalise(code).isEmpty()) {
            return Optional.empty();
        }
        return store.byNumber(cleanNumber).filter(r -> r.codeMatches(code))
                .map(r -> r.verifiedOn(LocalDate.now(clock.withZone(CHINA))));
    }
}
