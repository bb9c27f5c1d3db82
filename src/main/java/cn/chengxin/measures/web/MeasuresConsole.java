package cn.chengxin.measures.web;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.chengxin.account.StaffDirectory;
import cn.chengxin.listing.ListType;
import cn.chengxin.measures.Checks;
import cn.chengxin.measures.Measure;
import cn.chengxin.measures.MeasureCatalogue;
import cn.chengxin.measures.Scenario;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import cn.chengxin.shared.web.ConsoleActions;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * 联合奖惩 in the console: the measures catalogue (each measure revised on its own form, switched on or off), the
 * cases by measure and department, feedback still owed.
 */
@Controller
class MeasuresConsole {

    /** Checks owing feedback per page unless the reader asks for another size (at most Checks.MAX_PAGE_SIZE). */
    static final int PAGE_SIZE = 50;

    private final MeasureCatalogue catalogue;
    private final Checks checks;
    private final StaffDirectory directory;

    MeasuresConsole(MeasureCatalogue catalogue, Checks checks, StaffDirectory directory) {
        this.catalogue = catalogue;
        this.checks = checks;
        this.directory = directory;
    }

    @RequiresPermission(Permission.MEASURE_CASES)
    @GetMapping("/console/measures")
    String page(@RequestParam(defaultValue = "0") long page, @RequestParam(defaultValue = "" + PAGE_SIZE) int size,
                Model model) {
        List<Measure> measures = catalogue.all();
        model.addAttribute("measures", measures);
        model.addAttribute("cases", checks.cases());
        Checks.UnreturnedPage owed = checks.unreturned((int) Math.max(0, Math.min(page, Integer.MAX_VALUE)), size);
        model.addAttribute("owed", owed);
        model.addAttribute("unreturned", owed.checks());
        model.addAttribute("indexed", checks.indexedSubjects());
        // Measures and departments by name: the codes are the platform's, not what the credit office reads.
        Map<String, String> measureNames = new HashMap<>();
        measures.forEach(m -> measureNames.put(m.code(), m.name()));
        model.addAttribute("measureNames", measureNames);
        Map<String, String> departments = new HashMap<>();
        directory.departments().forEach(d -> departments.put(d.code(), d.name()));
        model.addAttribute("departments", departments);
        return "console/measures";
    }

    /** A measure's form: what it says, the departments to choose from, and the lists its kind may follow. */
    @RequiresPermission(Permission.MEASURE_EDIT)
    @GetMapping("/console/measures/{code}")
    String measure(@PathVariable String code, Model model) {
        Measure measure = catalogue.all().stream().filter(m -> m.code().equals(code)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("measure", measure);
        model.addAttribute("lists", Arrays.stream(ListType.values()).filter(measure.kind()::mayFollow).toList());
        model.addAttribute("scenarios", Scenario.values());
        model.addAttribute("departments", directory.departments());
        return "console/measure-form";
    }

    @RequiresPermission(Permission.MEASURE_EDIT)
    @PostMapping("/console/measures/{code}")
    String revise(@PathVariable String code, @RequestParam(defaultValue = "") String name,
                  @RequestParam(defaultValue = "") String legalBasis,
                  @RequestParam(name = "department", required = false) Set<String> departments,
                  @RequestParam(name = "list", required = false) Set<ListType> lists,
                  @RequestParam(name = "scenario", required = false) Set<Scenario> scenarios,
                  @RequestParam(defaultValue = "false") boolean cleanRecord, RedirectAttributes redirect) {
        ConsoleActions.flash(redirect, "measures.saved", () -> catalogue.revise(code, name, legalBasis,
                departments == null ? Set.of() : departments, lists == null ? Set.of() : lists,
                scenarios == null ? Set.of() : scenarios, cleanRecord));
        return redirect.getFlashAttributes().containsKey("failure")
                ? "redirect:/console/measures/" + UriUtils.encodePathSegment(code, StandardCharsets.UTF_8)
                : "redirect:/console/measures";
    }

    @RequiresPermission(Permission.MEASURE_EDIT)
    @PostMapping("/console/measures/{code}/enabled")
    String enable(@PathVariable String code, @RequestParam boolean enabled, RedirectAttributes redirect) {
        catalogue.enable(code, enabled);
        redirect.addFlashAttribute("successKey", "measures.saved");
        return "redirect:/console/measures";
    }
}
