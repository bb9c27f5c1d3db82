package cn.chengxin.measures.web;

import cn.chengxin.measures.Checks;
import cn.chengxin.measures.MeasureCatalogue;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 联合奖惩 in the console: the measures catalogue, the cases by measure and department, feedback still owed. */
@Controller
class MeasuresConsole {

    private final MeasureCatalogue catalogue;
    private final Checks checks;

    MeasuresConsole(MeasureCatalogue catalogue, Checks checks) {
        this.catalogue = catalogue;
        this.checks = checks;
    }

    @RequiresPermission(Permission.MEASURE_CASES)
    @GetMapping("/console/measures")
    String page(Model model) {
        model.addAttribute("measures", catalogue.all());
        model.addAttribute("cases", checks.cases());
        model.addAttribute("unreturned", checks.unreturned(100));
        model.addAttribute("indexed", checks.indexedSubjects());
        return "console/measures";
    }

    @RequiresPermission(Permission.MEASURE_EDIT)
    @PostMapping("/console/measures/{code}/enabled")
    String enable(@PathVariable String code, @RequestParam boolean enabled, RedirectAttributes redirect) {
        catalogue.enable(code, enabled);
        redirect.addFlashAttribute("successKey", "measures.saved");
        return "redirect:/console/measures";
    }
}
