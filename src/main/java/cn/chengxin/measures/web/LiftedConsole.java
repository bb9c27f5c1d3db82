package cn.chengxin.measures.web;

import java.util.HashMap;
import java.util.Map;

import cn.chengxin.account.StaffPrincipal;
import cn.chengxin.measures.Lifts;
import cn.chengxin.measures.MeasureCatalogue;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import cn.chengxin.shared.web.ConsoleActions;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 措施解除 for a department's staff (H3, RULES.md §7 "punishment stops at exit"): the checks of their own department
 * whose measures it fed back as applied and whose list entries have all ended since, oldest first, each with the
 * check's purpose (the department's case), the measures, the day and reason of the exit; acknowledged one by one once
 * the measure is lifted. No subject is named.
 */
@Controller
@RequiresPermission(Permission.MEASURE_LIFTED)
class LiftedConsole {

    private final Lifts lifts;
    private final MeasureCatalogue catalogue;

    LiftedConsole(Lifts lifts, MeasureCatalogue catalogue) {
        this.lifts = lifts;
        this.catalogue = catalogue;
    }

    @GetMapping("/console/measures-lifted")
    String page(@AuthenticationPrincipal StaffPrincipal staff, Model model) {
        String department = staff.departmentCode();
        model.addAttribute("lifted", department == null ? java.util.List.of() : lifts.unacknowledged(department));
        model.addAttribute("unacknowledged", department == null ? 0 : lifts.countUnacknowledged(department));
        Map<String, String> measureNames = new HashMap<>();
        catalogue.all().forEach(m -> measureNames.put(m.code(), m.name()));
        model.addAttribute("measureNames", measureNames);
        return "console/measures-lifted";
    }

    /** The department's staff confirm the measures lifted; another department's, or one acknowledged, is refused. */
    @PostMapping("/console/measures-lifted/{seq}/acknowledge")
    String acknowledge(@AuthenticationPrincipal StaffPrincipal staff, @PathVariable long seq,
                       RedirectAttributes redirect) {
        ConsoleActions.flash(redirect, "measuresLifted.acknowledged",
                () -> lifts.acknowledge(staff.departmentCode(), seq));
        return "redirect:/console/measures-lifted";
    }
}
