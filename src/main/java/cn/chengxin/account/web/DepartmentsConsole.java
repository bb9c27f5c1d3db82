package cn.chengxin.account.web;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import cn.chengxin.account.Department;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 部门管理 for the system administrator. */
@Controller
@RequiresPermission(Permission.ACCOUNT_DEPARTMENT_MANAGE)
class DepartmentsConsole {

    private final StaffDirectory directory;

    DepartmentsConsole(StaffDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/console/departments")
    String list(Model model) {
        model.addAttribute("departments", directory.departments());
        model.addAttribute("kinds", Department.Kind.values());
        return "console/departments";
    }

    @PostMapping("/console/departments")
    String create(@RequestParam String code, @RequestParam String name, @RequestParam Department.Kind kind,
                  @RequestParam(defaultValue = "") String dataScope, RedirectAttributes redirect) {
        List<String> scope = items(dataScope);
        return UsersConsole.outcome(redirect, "console.saved", () -> directory.createDepartment(code, name, kind, scope),
                "redirect:/console/departments");
    }

    /** A department's data scope changed: the items whose records its staff see once they sign in again. */
    @PostMapping("/console/departments/{id}/scope")
    String changeScope(@PathVariable UUID id, @RequestParam(defaultValue = "") String dataScope,
                       RedirectAttributes redirect) {
        return UsersConsole.outcome(redirect, "console.departments.scopeSaved",
                () -> directory.changeDataScope(id, items(dataScope)), "redirect:/console/departments");
    }

    private static List<String> items(String text) {
        return Arrays.stream(text.split("[,，、\\s]+")).filter(s -> !s.isBlank()).toList();
    }
}
