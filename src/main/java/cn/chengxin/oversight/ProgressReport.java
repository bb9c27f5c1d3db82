package cn.chengxin.oversight;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.catalog.domain.Domain;
import cn.chengxin.listing.ListFigures;
import cn.chengxin.listing.ListFigures.ListMovement;
import cn.chengxin.oversight.DepartmentSupervision.Line;
import cn.chengxin.oversight.DepartmentSupervision.Period;
import cn.chengxin.scoring.ScoreCoverage;
import cn.chengxin.shared.files.FormulaNeutraliser;
import cn.chengxin.subject.domain.OccupationalGroup;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 年度信用工作进展报告 (RULES.md §12: yearly progress reports; Zhumadian: by 31 December): the departments' supervision
 * figures for the calendar year and the platform's totals. Counts only, nobody named. A download is audited
 * ({@code oversight.report}): the report goes out of the platform as the office's account of the year.
 */
@Service
public class ProgressReport {

    /**
     * The platform's totals for the year. {@code subjectsWithFile}, {@code groups} and {@code coverage} are as they
     * stood at {@code keptAsOf}; {@code domains} counts the year's records received until then (every key domain,
     * zeros included): these are kept, not counted at each view ({@link ProgressFigures}). The others are the kept
     * days' sums and today's live count.
     */
    public record Totals(long recordsCollected, long subjectsWithFile, List<ListMovement> lists, long checks,
                         long checksOwingFeedback, long feedbackReturned, long objectionsDecided,
                         long objectionsInTime, long repairsDecided, long repairsInTime,
                         List<DomainFigure> domains, List<GroupFigure> groups, ScoreCoverage coverage,
                         Instant keptAsOf) {
    }

    /** The year's records of a key domain's items and the persons they are about (攀枝花 三(二)). */
    public record DomainFigure(Domain domain, long records, long subjects) {
    }

    /** A key occupational group's members now and how many of them have a file (黄石 二(二)). */
    public record GroupFigure(OccupationalGroup group, long members, long withFile) {
    }

    public record Report(int year, Period period, Totals totals) {
    }

    private final DepartmentSupervision supervision;
    private final ListFigures lists;
    private final AuditLog audit;
    private final MessageSource messages;
    private final ProgressFigures figures;
    private final Clock clock;

    ProgressReport(DepartmentSupervision supervision, ProgressFigures figures, ListFigures lists, AuditLog audit,
                   MessageSource messages, Clock clock) {
        this.supervision = supervision;
        this.clock = clock;
        this.figures = figures;
        this.lists = lists;
        this.audit = audit;
        this.messages = messages;
    }

    /** The report of {@code year}: 1 January to 31 December (days still to come count nothing yet). */
    public Report of(int year) {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        Period period = supervision.of(from, to);
        List<Line> lines = period.lines();
        ProgressFigures.Kept kept = figures.of(year);
        Totals totals = new Totals(
                lines.stream().mapToLong(l -> l.timeliness().records()).sum(),
                kept.subjectsWithFile(),
                lists.between(from, to),
                lines.stream().mapToLong(l -> l.feedback().checks()).sum(),
                lines.stream().mapToLong(l -> l.feedback().owed()).sum(),
                lines.stream().mapToLong(l -> l.feedback().returned()).sum(),
                lines.stream().mapToLong(l -> l.objections().decided()).sum(),
                lines.stream().mapToLong(l -> l.objections().decidedInTime()).sum(),
                lines.stream().mapToLong(l -> l.repairs().decided()).sum(),
                lines.stream().mapToLong(l -> l.repairs().decidedInTime()).sum(),
                kept.domains(), kept.groups(), kept.coverage(), kept.asOf());
        return new Report(year, period, totals);
    }

    /**
     * The report of {@code year} as CSV (UTF-8 with a byte-order mark, so that spreadsheet programmes read the
     * Chinese), headed in {@code locale}'s language, text cells never read as a formula ({@link FormulaNeutraliser});
     * audited in the download's transaction: a report the audit log cannot record does not go out.
     */
    @Transactional
    public byte[] csv(int year, Locale locale) {
        Report report = of(year);
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            csv.printRecord(label("progress.title", locale), year);
            csv.printRecord(label("progress.keptAsOfLabel", locale), DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                    .format(report.totals().keptAsOf().atZone(clock.getZone())));
            csv.println();
            csv.printRecord(label("progress.totals", locale));
            Totals t = report.totals();
            csv.printRecord(label("progress.recordsCollected", locale), t.recordsCollected());
            csv.printRecord(label("progress.subjectsWithFile", locale), t.subjectsWithFile());
            for (ListMovement m : t.lists()) {
                csv.printRecord(label("progress.listAdded", locale, label("lists.type." + m.type().name(), locale)),
                        m.added());
                csv.printRecord(label("progress.listEnded", locale, label("lists.type." + m.type().name(), locale)),
                        m.ended());
            }
            csv.printRecord(label("progress.checks", locale), t.checks());
            csv.printRecord(label("supervision.feedbackOwed", locale), t.checksOwingFeedback());
            csv.printRecord(label("supervision.feedbackReturned", locale), t.feedbackReturned());
            csv.printRecord(label("progress.objectionsDecided", locale), t.objectionsDecided());
            csv.printRecord(label("progress.objectionsInTime", locale), t.objectionsInTime());
            csv.printRecord(label("progress.repairsDecided", locale), t.repairsDecided());
            csv.printRecord(label("progress.repairsInTime", locale), t.repairsInTime());
            csv.printRecord(label("progress.residents", locale), t.coverage().residents());
            csv.printRecord(label("progress.scored", locale), t.coverage().scored());
            csv.printRecord(label("progress.coverage", locale, t.coverage().targetPercent()),
                    perMille(t.coverage().perMille()));
            csv.println();
            csv.printRecord(label("progress.domains", locale));
            csv.printRecord(label("progress.domain", locale), label("progress.records", locale),
                    label("progress.subjects", locale));
            for (DomainFigure d : t.domains()) {
                csv.printRecord(label("catalog.domain." + d.domain().name(), locale), d.records(), d.subjects());
            }
            csv.println();
            csv.printRecord(label("progress.groups", locale));
            csv.printRecord(label("progress.group", locale), label("progress.members", locale),
                    label("progress.withFile", locale));
            for (GroupFigure g : t.groups()) {
                csv.printRecord(label("console.subjects.occupation." + g.group().name(), locale), g.members(),
                        g.withFile());
            }
            csv.println();
            csv.printRecord(label("progress.departments", locale));
            List<String> header = new ArrayList<>();
            for (String key : COLUMNS) {
                header.add(label(key, locale));
            }
            csv.printRecord(header);
            for (Line l : report.period().lines()) {
                // A department's name and code are typed by an administrator: written so that a spreadsheet shows
                // them and never runs them (CSV injection; the figures are counts the platform computed).
                csv.printRecord(FormulaNeutraliser.neutralise(l.name()), FormulaNeutraliser.neutralise(l.code()),
                        l.delivered().rows(), l.delivered().accepted(),
                        l.delivered().rejected(), perMille(l.delivered().rejectedPerMille()),
                        l.timeliness().records(), orBlank(l.timeliness().medianDays()),
                        orBlank(l.timeliness().withinPercent()), l.feedback().checks(), l.feedback().owed(),
                        l.feedback().returned(), l.feedback().overdue(), l.objections().decided(),
                        l.objections().decidedInTime(), l.objections().upheld(), perMille(l.upheld().perMille()),
                        l.upheld().flagged() ? label("supervision.upheldHigh", locale) : "",
                        l.objections().correctionsOwed(),
                        l.objections().correctionsOverdue(), l.repairs().decided(), l.repairs().decidedInTime(),
                        l.repairs().overdueNow(), l.lifts().open(), l.lifts().overdue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "oversight.report")
                .detail(AuditDetail.of("OVERSIGHT_REPORT_EXPORTED").with("year", year)));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The department columns, in the order of the page. */
    private static final List<String> COLUMNS = List.of("supervision.department", "supervision.code",
            "supervision.rows", "supervision.accepted", "supervision.rejected", "supervision.rejectionRate",
            "supervision.records", "supervision.medianDays", "supervision.withinDeadline",
            "supervision.checks", "supervision.feedbackOwed", "supervision.feedbackReturned",
            "supervision.feedbackOverdue",
            "supervision.objectionsDecided", "supervision.objectionsInTime", "supervision.objectionsUpheld",
            "supervision.upheldShare", "supervision.upheldFlaggedColumn", "supervision.correctionsOwed",
            "supervision.correctionsOverdue", "supervision.repairsDecided", "supervision.repairsInTime",
            "supervision.repairsOverdue", "supervision.liftsOpen", "supervision.liftsOverdue");

    private static String perMille(Integer perMille) {
        return perMille == null ? "" : String.format(Locale.ROOT, "%d.%d%%", perMille / 10, perMille % 10);
    }

    private static String orBlank(Object value) {
        return value == null ? "" : value.toString();
    }

    private String label(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
