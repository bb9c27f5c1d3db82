package cn.chengxin.oversight.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

import cn.chengxin.account.RightsRequests;
import cn.chengxin.oversight.DepartmentSupervision;
import cn.chengxin.oversight.ItemDeliveries;
import cn.chengxin.oversight.ItemDeliveries.ItemDelivery;
import cn.chengxin.oversight.ProgressReport;
import cn.chengxin.oversight.domain.CollectionTimeliness;
import cn.chengxin.oversight.domain.DeliveryCycle;
import cn.chengxin.oversight.domain.FeedbackYardstick;
import cn.chengxin.scoring.ScoreReviews;
import cn.chengxin.shared.calendar.ReportPeriod;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import cn.chengxin.shared.web.FileTransfers;
import cn.chengxin.subject.RequestedCorrections;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 部门督办 and 年度信用工作进展报告 (RULES.md §12): the credit office's view of each department's collection, feedback
 * and deadlines for a period, and the year's report with the platform's totals, to read and to download. Aggregates
 * only: no page here shows a person.
 */
@Controller
@RequiresPermission(Permission.OVERSIGHT_SUPERVISE)
class SupervisionConsole {

    private final DepartmentSupervision supervision;
    private final ProgressReport reports;
    private final Clock clock;
    private final ScoreReviews scoreReviews;
    private final ItemDeliveries deliveries;
    private final RightsRequests rightsRequests;
    private final RequestedCorrections corrections;

    SupervisionConsole(DepartmentSupervision supervision, ProgressReport reports, Clock clock,
                       ScoreReviews scoreReviews, ItemDeliveries deliveries, RightsRequests rightsRequests,
                       RequestedCorrections corrections) {
        this.rightsRequests = rightsRequests;
        this.corrections = corrections;
        this.scoreReviews = scoreReviews;
        this.deliveries = deliveries;
        this.supervision = supervision;
        this.reports = reports;
        this.clock = clock;
    }

    @GetMapping("/console/supervision")
    String page(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                Model model) {
        LocalDate today = LocalDate.now(clock);
        ReportPeriod period = ReportPeriod.chosenOrYearToDate(from, to, today);
        model.addAttribute("from", period.from());
        model.addAttribute("to", period.to());
        model.addAttribute("year", today.getYear());
        model.addAttribute("deadlineDays", CollectionTimeliness.DEADLINE_WORKING_DAYS);
        model.addAttribute("feedbackDays", FeedbackYardstick.WORKING_DAYS);
        model.addAttribute("liftDays", supervision.liftAcknowledgementWorkingDays());
        if (!period.valid()) {
            model.addAttribute("periodInvalid", true);
            return "console/supervision";
        }
        model.addAttribute("period", supervision.of(period.from(), period.to()));
        // The credit office's own deadline (finding G12): its answers to requests for human review of a score.
        model.addAttribute("scoreReviews", scoreReviews.figures(period.from(), period.to()));
        // Beside them, its deadlines for the requests persons make about their own information (review xlvi AA3, AA4).
        model.addAttribute("rightsRequests", rightsRequests.figures(period.from(), period.to()));
        model.addAttribute("correctionRequests", corrections.figures(period.from(), period.to()));
        // Silence item by item, as of today whatever the period (finding H10).
        List<ItemDelivery> items = deliveries.now();
        model.addAttribute("deliveries", items);
        model.addAttribute("itemsOverdue", items.stream().filter(ItemDelivery::overdue).count());
        model.addAttribute("dailyDays", DeliveryCycle.DAILY_WORKING_DAYS);
        model.addAttribute("weeklyDays", DeliveryCycle.WEEKLY_DAYS);
        model.addAttribute("graceDays", DeliveryCycle.GRACE_WORKING_DAYS);
        return "console/supervision";
    }

    @GetMapping("/console/supervision/report")
    String report(@RequestParam(required = false) Integer year, Model model) {
        int shown = year(year);
        model.addAttribute("year", shown);
        ProgressReport.Report report = reports.of(shown);
        model.addAttribute("report", report);
        model.addAttribute("keptAsOf", LocalDateTime.ofInstant(report.totals().keptAsOf(), clock.getZone()));
        model.addAttribute("deadlineDays", CollectionTimeliness.DEADLINE_WORKING_DAYS);
        model.addAttribute("feedbackDays", FeedbackYardstick.WORKING_DAYS);
        return "console/progress-report";
    }

    @GetMapping("/console/supervision/report.csv")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) Integer year, Locale locale) {
        int shown = year(year);
        return FileTransfers.download("text/csv;charset=UTF-8", "progress-report-" + shown + ".csv",
                reports.csv(shown, locale));
    }

    private int year(Integer year) {
        return year == null ? LocalDate.now(clock).getYear() : Math.max(2000, Math.min(2100, year));
    }
}
