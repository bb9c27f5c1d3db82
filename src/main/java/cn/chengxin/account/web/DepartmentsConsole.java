package cn.chengxin.account.web;

import java.util.Arrays;
import java.util.List;

import cn.chengxin.account.Department;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
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
        List<String> scope = Arrays.stream(dataScope.split("[,，\\s]+")).filter(s -> !s.isBlank()).toList();
        return UsersConsole.outcome(redirect, "console.saved", () -> directory.createDepartment(code, name, kind, scope),
                "redirect:/console/departments");
    }
}
