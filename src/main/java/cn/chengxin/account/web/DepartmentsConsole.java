package cn.chengxin.account.web;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import cn.chengxin.account.Department;
import cn.chengxin.account.DepartmentProposal;
import cn.chengxin.account.DepartmentProposals;
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

/**
 * 部门管理 for the system administrator, who proposes what a department sees and a credit office; a security
 * administrator decides (RULES.md §10: 三员分立; F10). A department of another kind is created at once, seeing nothing
 * until its scope proposal is approved.
 */
@Controller
@RequiresPermission(Permission.ACCOUNT_DEPARTMENT_MANAGE)
class DepartmentsConsole {

    private final StaffDirectory directory;
    private final DepartmentProposals proposals;

    DepartmentsConsole(StaffDirectory directory, DepartmentProposals proposals) {
        this.directory = directory;
        this.proposals = proposals;
    }

    @GetMapping("/console/departments")
    String list(Model model) {
        model.addAttribute("departments", directory.departments());
        model.addAttribute("pendingDepartments", proposals.pending().stream()
                .map(DepartmentProposal::departmentId).filter(java.util.Objects::nonNull).toList());
        model.addAttribute("kinds", Department.Kind.values());
        return "console/departments";
    }

    /**
     * A credit office is proposed; a department of another kind is created with no scope, and the scope typed, if
     * any, proposed for it.
     */
    @PostMapping("/console/departments")
    String create(@RequestParam String code, @RequestParam String name, @RequestParam Department.Kind kind,
                  @RequestParam(defaultValue = "") String dataScope, @RequestParam(defaultValue = "") String reason,
                  RedirectAttributes redirect) {
        List<String> scope = items(dataScope);
        if (kind == Department.Kind.CREDIT_OFFICE) {
            return UsersConsole.outcome(redirect, "console.departments.proposed",
                    () -> proposals.proposeCreditOffice(code, name, reason), "redirect:/console/departments");
        }
        if (scope.isEmpty()) {
            return UsersConsole.outcome(redirect, "console.saved",
                    () -> directory.createDepartment(code, name, kind, List.of()), "redirect:/console/departments");
        }
        return UsersConsole.outcome(redirect, "console.departments.proposed",
                () -> proposals.createProposingScope(code, name, kind, scope, reason), "redirect:/console/departments");
    }

    /** A department's scopes proposed: what its staff see once a security administrator approves and they sign in. */
    @PostMapping("/console/departments/{id}/scope")
    String changeScope(@PathVariable UUID id, @RequestParam(defaultValue = "") String dataScope,
                       @RequestParam(defaultValue = "") String sharedReadScope,
                       @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        return UsersConsole.outcome(redirect, "console.departments.proposed",
                () -> proposals.proposeScopes(id, items(dataScope), items(sharedReadScope), reason),
                "redirect:/console/departments");
    }

    /**
     * A department of the seeded list the city does not have proposed 未设立, or the mark proposed undone ({@code
     * established}; gaps review xliii X11): applied once a security administrator approves.
     */
    @PostMapping("/console/departments/{id}/establishment")
    String changeEstablishment(@PathVariable UUID id, @RequestParam boolean established,
                               @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        return UsersConsole.outcome(redirect, "console.departments.proposed",
                () -> proposals.proposeEstablishment(id, established, reason), "redirect:/console/departments");
    }

    private static List<String> items(String text) {
        return Arrays.stream(text.split("[,，、\\s]+")).filter(s -> !s.isBlank()).toList();
    }
}
