package cn.chengxin.oversight.web;

import java.time.Clock;
import java.time.LocalDate;

import cn.chengxin.oversight.DepartmentSupervision;
import cn.chengxin.oversight.domain.CollectionTimeliness;
import cn.chengxin.oversight.domain.FeedbackYardstick;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 部门督办 (RULES.md §12): the credit office's view of each department's collection, feedback and deadlines for a
 * period. Aggregates only: no page here shows a person.
 */
@Controller
@RequiresPermission(Permission.OVERSIGHT_SUPERVISE)
class SupervisionConsole {

    private final DepartmentSupervision supervision;
    private final Clock clock;

    SupervisionConsole(DepartmentSupervision supervision, Clock clock) {
        this.supervision = supervision;
        this.clock = clock;
    }

    @GetMapping("/console/supervision")
    String page(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                Model model) {
        LocalDate today = LocalDate.now(clock);
        LocalDate start = from == null ? today.withDayOfYear(1) : from;
        LocalDate end = to == null ? today : to;
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("deadlineDays", CollectionTimeliness.DEADLINE_WORKING_DAYS);
        model.addAttribute("feedbackDays", FeedbackYardstick.WORKING_DAYS);
        if (end.isBefore(start)) {
            model.addAttribute("periodInvalid", true);
            return "console/supervision";
        }
        model.addAttribute("period", supervision.of(start, end));
        return "console/supervision";
    }
}
