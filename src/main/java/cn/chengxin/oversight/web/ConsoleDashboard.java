package cn.chengxin.oversight.web;

import java.time.Clock;
import java.time.LocalDate;

import cn.chengxin.oversight.DepartmentSupervision;
import cn.chengxin.oversight.ItemDeliveries;
import cn.chengxin.shared.calendar.WorkingDays;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import cn.chengxin.subject.SubjectRegistry;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 管理后台 工作台: the first page staff see after signing in. */
@RequiresPermission(Permission.CONSOLE_HOME)
@Controller
class ConsoleDashboard {

    private final SubjectRegistry registry;
    private final cn.chengxin.objection.Objections objections;
    private final cn.chengxin.repair.Repairs repairs;
    private final cn.chengxin.scoring.ScoreReviews scoreReviews;
    private final WorkingDays workingDays;
    private final ItemDeliveries deliveries;
    private final DepartmentSupervision supervision;
    private final Clock clock;

    ConsoleDashboard(SubjectRegistry registry, cn.chengxin.objection.Objections objections,
                     cn.chengxin.repair.Repairs repairs, cn.chengxin.scoring.ScoreReviews scoreReviews,
                     WorkingDays workingDays, ItemDeliveries deliveries, DepartmentSupervision supervision,
                     Clock clock) {
        this.registry = registry;
        this.objections = objections;
        this.repairs = repairs;
        this.scoreReviews = scoreReviews;
        this.workingDays = workingDays;
        this.deliveries = deliveries;
        this.supervision = supervision;
        this.clock = clock;
    }

    @GetMapping("/console")
    String dashboard(Authentication authentication, Model model) {
        model.addAttribute("counts", registry.counts());
        // Overdue objections are escalated to the credit office here, on the first page it sees (RULES.md §5).
        model.addAttribute("objections", objections.workload());
        model.addAttribute("repairs", repairs.workload());
        model.addAttribute("scoreReviews", scoreReviews.workload());
        // Items whose department fell silent beyond their update cycle (RULES.md §12, finding H10), for whoever
        // supervises the departments.
        if (authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> Permission.OVERSIGHT_SUPERVISE.code().equals(a.getAuthority()))) {
            model.addAttribute("itemsOverdue", deliveries.overdue());
            // Measures to be lifted at exit that a department has not confirmed in time (H3, RULES.md §7).
            model.addAttribute("liftsOverdue", supervision.liftsOverdue());
        }
        // Every deadline in working days is provisional while its year's holiday schedule is missing: say so to all.
        model.addAttribute("missingSchedules", workingDays.calendar().missingSchedules(LocalDate.now(clock)));
        return "console/home";
    }
}
