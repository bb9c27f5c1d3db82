package cn.chengxin.objection;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import cn.chengxin.creditfile.CreditFile;
import cn.chengxin.creditfile.FileEntry;
import cn.chengxin.creditfile.RecordStatus;
import cn.chengxin.objection.domain.ObjectionDeadlines;
import cn.chengxin.objection.domain.Outcome;
import cn.chengxin.shared.calendar.CalendarHistory;
import cn.chengxin.shared.calendar.WorkingDays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Per providing department, whether objection deadlines were met (RULES.md §5), for the credit office's supervision
 * (RULES.md §12): the cases decided in a period, how many by their deadline and how many upheld, and the
 * corrections (更正, 补充) the department still owes today and how many of them are past its 3 working days. Counts
 * only, nobody named.
 */
@Service
public class ObjectionFigures {

    /**
     * One department's objection figures. {@code upheld} counts the cases decided in the subject's favour — 异议成立:
     * the department's record (or list entry) deleted as wrong, or to be corrected or supplemented, an omission
     * included, or revoked by the department itself while the case was open ({@link Outcome#findsRecordWrong}; finding
     * L7; 驻马店 四(二): accountability for wrong records) — not those decided 维持原记录 (the record kept,
     * {@code Outcome.UPHOLD}), 停止公示, 移出名单, or a copy's case ended with its origin.
     */
    public record DepartmentObjections(String departmentCode, long decided, long decidedInTime, long upheld,
                                       long correctionsOwed, long correctionsOverdue) {
    }

    private final JdbcClient jdbc;
    private final CreditFile creditFile;
    private final WorkingDays workingDays;
    private final Clock clock;
    private final ObjectionDeadlines deadlines;

    ObjectionFigures(JdbcClient jdbc, CreditFile creditFile, WorkingDays workingDays, Clock clock,
                     ObjectionSettings settings) {
        this.deadlines = settings.deadlines();
        this.jdbc = jdbc;
        this.creditFile = creditFile;
        this.workingDays = workingDays;
        this.clock = clock;
    }

    /** The cases decided from {@code from} to {@code to} (both included), and the corrections owed today. */
    public List<DepartmentObjections> between(LocalDate from, LocalDate to) {
        ZoneId zone = clock.getZone();
        Map<String, long[]> figures = new TreeMap<>();
        jdbc.sql("""
                        SELECT department_code, count(*),
                               count(*) FILTER (WHERE (decided_at AT TIME ZONE :zone)::date <= due_on),
                               count(*) FILTER (WHERE outcome IN (:foundWrong))
                        FROM objection.objection WHERE status = 'DECIDED' AND decided_at >= :from AND decided_at < :until
                        GROUP BY department_code""")
                .param("zone", zone.getId())
                .param("foundWrong", Outcome.findingRecordWrong())
                .param("from", Timestamp.from(from.atStartOfDay(zone).toInstant()))
                .param("until", Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()))
                .query(rs -> {
                    long[] f = figures.computeIfAbsent(rs.getString(1), k -> new long[5]);
                    f[0] = rs.getLong(2);
                    f[1] = rs.getLong(3);
                    f[2] = rs.getLong(4);
                });
        countOwedCorrections(figures);
        return figures.entrySet().stream().map(e -> new DepartmentObjections(e.getKey(), e.getValue()[0],
                e.getValue()[1], e.getValue()[2], e.getValue()[3], e.getValue()[4])).toList();
    }

    private record Decided(UUID subjectId, UUID recordKey, String departmentCode, Instant decidedAt) {
    }

    /**
     * A correction is owed while the record is still 异议中 in the version the decision was about (as
     * {@link Objections#correctionsOwedBy}); it is due 3 working days after the decision. Each record's latest such
     * decision only; the files of their subjects are read in one query. Each deadline is counted with the calendar as
     * it was known on the day of the decision (H9 of gaps-review-xxv): a later change of the calendar does not move it.
     */
    private void countOwedCorrections(Map<String, long[]> figures) {
        List<Decided> decided = jdbc.sql("""
                        SELECT DISTINCT ON (record_key) subject_id, record_key, department_code, decided_at
                        FROM objection.objection WHERE status = 'DECIDED' AND record_key IS NOT NULL
                         AND outcome IN ('CORRECT', 'SUPPLEMENT') AND correction_settled_at IS NULL
                        ORDER BY record_key, decided_at DESC""")
                .query((rs, n) -> new Decided(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getTimestamp(4).toInstant())).list();
        if (decided.isEmpty()) {
            return;
        }
        Set<UUID> subjects = new HashSet<>();
        decided.forEach(d -> subjects.add(d.subjectId()));
        Map<UUID, List<FileEntry>> files = creditFile.filesOf(subjects);
        CalendarHistory calendar = workingDays.history();
        LocalDate today = LocalDate.now(clock);
        for (Decided d : decided) {
            boolean owed = files.getOrDefault(d.subjectId(), List.of()).stream()
                    .anyMatch(r -> r.recordKey().equals(d.recordKey()) && r.status() == RecordStatus.IN_DISPUTE
                            && r.acceptedAt().isBefore(d.decidedAt()));
            if (owed) {
                long[] f = figures.computeIfAbsent(d.departmentCode(), k -> new long[5]);
                f[3]++;
                LocalDate decidedOn = LocalDate.ofInstant(d.decidedAt(), clock.getZone());
                LocalDate due = deadlines.departmentAnswerDue(calendar.whenCounted(decidedOn), decidedOn);
                if (today.isAfter(due)) {
                    f[4]++;
                }
            }
        }
    }
}
