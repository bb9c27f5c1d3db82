package cn.chengxin.oversight;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.chengxin.account.Department;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.creditfile.CollectionFigures;
import cn.chengxin.ingestion.DeliveryFigures;
import cn.chengxin.ingestion.DeliveryFigures.Delivered;
import cn.chengxin.measures.FeedbackFigures;
import cn.chengxin.measures.FeedbackFigures.DepartmentFeedback;
import cn.chengxin.measures.Lifts;
import cn.chengxin.measures.Measure;
import cn.chengxin.measures.MeasureCatalogue;
import cn.chengxin.objection.ObjectionFigures;
import cn.chengxin.objection.ObjectionFigures.DepartmentObjections;
import cn.chengxin.oversight.domain.CollectionTimeliness;
import cn.chengxin.oversight.domain.FeedbackYardstick;
import cn.chengxin.oversight.domain.LiftYardstick;
import cn.chengxin.oversight.domain.UpheldShare;
import cn.chengxin.repair.RepairFigures;
import cn.chengxin.repair.RepairFigures.DepartmentRepairs;
import cn.chengxin.shared.calendar.CalendarHistory;
import cn.chengxin.shared.calendar.WorkingCalendar;
import cn.chengxin.shared.calendar.WorkingDays;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * 部门督办 (RULES.md §12): for a period, one line per department with what the credit office supervises — collection
 * completeness and timeliness, feedback on joint measures and the lifts of measures at exit (H3), objection and repair
 * deadlines — each figure from the
 * module that owns it, as aggregates. No personal data: departments and counts only.
 */
@Service
public class DepartmentSupervision {

    /**
     * One department's figures. The objection corrections owed, the repairs overdue and the lifts not acknowledged
     * are as they stand today (a backlog, not a flow); the rest are of the period. {@code upheld} is the share of its
     * decided objections upheld, flagged against the credit office's threshold (finding L7).
     */
    public record Line(String code, String name, boolean known, Delivered delivered, CollectionTimeliness timeliness,
                       DepartmentFeedback feedback, DepartmentObjections objections, DepartmentRepairs repairs,
                       UnacknowledgedLifts lifts, UpheldShare upheld) {
    }

    /**
     * A department's lifted checks (measures to be lifted at exit, H3) it has not acknowledged, today: all of them,
     * and those recorded more than the yardstick's working days ago ({@link LiftYardstick}).
     */
    public record UnacknowledgedLifts(long open, long overdue) {
    }

    /**
     * The lines of a period, with the day before which a check still owing feedback counts as overdue, the one
     * before which a lift not acknowledged does, and the threshold above which a share of objections upheld is
     * flagged.
     */
    public record Period(LocalDate from, LocalDate to, List<Line> lines, LocalDate feedbackOverdueBefore,
                         LocalDate liftOverdueBefore, UpheldShare.Threshold upheldThreshold) {

        /** The departments whose share of objections upheld passes the threshold (finding L7). */
        public List<Line> upheldFlagged() {
            return lines.stream().filter(l -> l.upheld().flagged()).toList();
        }
    }

    private final DeliveryFigures deliveries;
    private final CollectionFigures collection;
    private final FeedbackFigures feedback;
    private final ObjectionFigures objections;
    private final RepairFigures repairs;
    private final MeasureCatalogue measures;
    private final StaffDirectory directory;
    private final WorkingDays workingDays;
    private final Clock clock;
    private final Lifts lifts;
    private final int liftDays;
    private final UpheldShare.Threshold upheldThreshold;

    DepartmentSupervision(DeliveryFigures deliveries, CollectionFigures collection, FeedbackFigures feedback,
                          ObjectionFigures objections, RepairFigures repairs, MeasureCatalogue measures,
                          StaffDirectory directory, WorkingDays workingDays, Clock clock, Lifts lifts,
                          @Value("${chengxin.oversight.lift-acknowledgement-working-days:"
                                  + LiftYardstick.DEFAULT_WORKING_DAYS + "}") int liftDays,
                          @Value("${chengxin.oversight.upheld-share-flag-percent:"
                                  + UpheldShare.DEFAULT_PERCENT + "}") int upheldPercent,
                          @Value("${chengxin.oversight.upheld-share-minimum-decided:"
                                  + UpheldShare.DEFAULT_MINIMUM_DECIDED + "}") int upheldMinimum) {
        this.deliveries = deliveries;
        this.collection = collection;
        this.feedback = feedback;
        this.objections = objections;
        this.repairs = repairs;
        this.measures = measures;
        this.directory = directory;
        this.workingDays = workingDays;
        this.clock = clock;
        this.lifts = lifts;
        this.liftDays = Math.max(0, liftDays);
        this.upheldThreshold = new UpheldShare.Threshold(upheldPercent, upheldMinimum);
    }

    /** The working days a department has to acknowledge a lift before it counts as overdue. */
    public int liftAcknowledgementWorkingDays() {
        return liftDays;
    }

    /** The lifts not acknowledged in time, all departments together, today (for 工作台). */
    public long liftsOverdue() {
        return lifts.unacknowledgedBefore(liftOverdueInstant(workingDays.calendar()))
                .values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * The department's measures to be lifted at exit that it has not confirmed, and how many of them are past the
     * working days it has (H3, RULES.md §7), for its 工作台 (finding K6).
     */
    public UnacknowledgedLifts liftsOf(String departmentCode) {
        return new UnacknowledgedLifts(lifts.countUnacknowledged(departmentCode),
                lifts.countUnacknowledgedBefore(departmentCode, liftOverdueInstant(workingDays.calendar())));
    }

    private Instant liftOverdueInstant(WorkingCalendar calendar) {
        return LiftYardstick.overdueBefore(calendar, LocalDate.now(clock), liftDays).atStartOfDay(clock.getZone())
                .toInstant();
    }

    /**
     * From {@code from} to {@code to}, both included. Every active data-providing department has a line, figures or
     * none (silence is what supervision must see first), and so does every active responding unit (联合奖惩实施单位) and
     * every active department an enabled measure names as implementing it, checks or none (finding H10: 应查必查), and
     * any other code with a figure in the period.
     */
    public Period of(LocalDate from, LocalDate to) {
        // Each past deadline with the calendar as known when it began (H9): a later change does not rewrite figures.
        CalendarHistory calendar = workingDays.history();
        LocalDate overdueBefore = FeedbackYardstick.overdueBefore(calendar::whenCounted, LocalDate.now(clock));
        Map<String, Delivered> delivered = byCode(deliveries.between(from, to), Delivered::departmentCode);
        Map<String, List<CollectionTimeliness.Delay>> delays = new TreeMap<>();
        collection.delays(from, to).forEach(d -> delays.computeIfAbsent(d.departmentCode(), k -> new ArrayList<>())
                .add(new CollectionTimeliness.Delay(d.decisionDate(), d.receivedOn(), d.records())));
        Map<String, DepartmentFeedback> fed = byCode(feedback.between(from, to, overdueBefore),
                DepartmentFeedback::departmentCode);
        Map<String, DepartmentObjections> objected = byCode(objections.between(from, to),
                DepartmentObjections::departmentCode);
        Map<String, DepartmentRepairs> repaired = byCode(repairs.between(from, to), DepartmentRepairs::departmentCode);
        LocalDate liftOverdueBefore = LiftYardstick.overdueBefore(calendar.current(), LocalDate.now(clock), liftDays);
        Map<String, Long> liftsOpen = lifts.unacknowledgedBefore(clock.instant().plusNanos(1));
        Map<String, Long> liftsOverdue = lifts.unacknowledgedBefore(liftOverdueInstant(calendar.current()));

        Map<String, String> names = new TreeMap<>();
        TreeSet<String> codes = new TreeSet<>();
        TreeSet<String> implementing = new TreeSet<>();
        measures.all().stream().filter(Measure::enabled).forEach(m -> implementing.addAll(m.departments()));
        for (Department d : directory.departments()) {
            names.put(d.code(), d.name());
            if (d.active() && (d.kind() == Department.Kind.DATA_PROVIDER || d.kind() == Department.Kind.RESPONDING_UNIT
                    || implementing.contains(d.code()))) {
                codes.add(d.code());
            }
        }
        codes.addAll(delivered.keySet());
        codes.addAll(delays.keySet());
        codes.addAll(fed.keySet());
        codes.addAll(objected.keySet());
        codes.addAll(repaired.keySet());
        codes.addAll(liftsOpen.keySet());

        List<Line> lines = new ArrayList<>();
        for (String code : codes) {
            DepartmentObjections objectionsOf = objected.getOrDefault(code,
                    new DepartmentObjections(code, 0, 0, 0, 0, 0));
            lines.add(new Line(code, names.getOrDefault(code, code), names.containsKey(code),
                    delivered.getOrDefault(code, new Delivered(code, 0, 0, 0, 0, 0)),
                    CollectionTimeliness.of(delays.getOrDefault(code, List.of()), calendar::whenCounted),
                    fed.getOrDefault(code, new DepartmentFeedback(code, 0, 0, 0, 0)), objectionsOf,
                    repaired.getOrDefault(code, new DepartmentRepairs(code, 0, 0, 0)),
                    new UnacknowledgedLifts(liftsOpen.getOrDefault(code, 0L), liftsOverdue.getOrDefault(code, 0L)),
                    UpheldShare.of(objectionsOf.decided(), objectionsOf.upheld(), upheldThreshold)));
        }
        return new Period(from, to, lines, overdueBefore, liftOverdueBefore, upheldThreshold);
    }

    private static <T> Map<String, T> byCode(List<T> figures, Function<T, String> code) {
        return figures.stream().collect(Collectors.toMap(code, Function.identity(), (a, b) -> a, TreeMap::new));
    }
}
