package cn.chengxin.account.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.account.DepartmentProposals;
import cn.chengxin.account.RoleProposals;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.account.domain.BusinessRoles;
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
 * 角色与授权 for the security administrator: what each role may do, who holds which role, and the departments' data
 * scopes and credit office the system administrator proposed, which take effect when approved here (F10).
 */
@Controller
@RequiresPermission(Permission.ACCOUNT_ROLE_MANAGE)
class RolesConsole {

    private final StaffDirectory directory;
    private final DepartmentProposals departmentProposals;
    private final RoleProposals roleProposals;

    RolesConsole(StaffDirectory directory, DepartmentProposals departmentProposals, RoleProposals roleProposals) {
        this.directory = directory;
        this.departmentProposals = departmentProposals;
        this.roleProposals = roleProposals;
    }

    @GetMapping("/console/roles")
    String list(Model model) {
        model.addAttribute("roles", directory.roles());
        model.addAttribute("users", directory.users());
        model.addAttribute("permissions", Permission.values());
        model.addAttribute("departmentProposals", departmentProposals.pending());
        // Permissions a role gains only when a second security administrator approves (gaps review xxxi M3).
        model.addAttribute("roleProposals", roleProposals.pending());
        // Credit-office roles held outside the credit office (RoleReach) and business roles held by administrators,
        // for the administrator to revoke.
        model.addAttribute("misplacedGrants", directory.misplacedGrants());
        // 新建角色 offers only what a business role may hold (三员分立).
        model.addAttribute("businessPermissions",
                java.util.Arrays.stream(Permission.values()).filter(BusinessRoles::mayHold).toList());
        return "console/roles";
    }

    /** 新建角色: a business role with a code, its names in both languages and business permissions only. */
    @PostMapping("/console/roles")
    String create(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String name,
                  @RequestParam(defaultValue = "") String englishName,
                  @RequestParam(name = "permission", required = false) List<String> codes,
                  RedirectAttributes redirect) {
        Set<Permission> wanted = permissionsOf(codes);
        return UsersConsole.outcome(redirect, "console.roles.created",
                () -> directory.createRole(code, name, englishName, wanted), "redirect:/console/roles");
    }

    @PostMapping("/console/roles/{id}/permissions")
    String permissions(@PathVariable UUID id, @RequestParam(name = "permission", required = false) List<String> codes,
                       RedirectAttributes redirect) {
        Set<Permission> wanted = permissionsOf(codes);
        // Permissions taken away apply at once; those added wait for another security administrator.
        java.util.concurrent.atomic.AtomicReference<StaffDirectory.RoleUpdate> done =
                new java.util.concurrent.atomic.AtomicReference<>();
        UsersConsole.outcome(redirect, "console.saved", () -> done.set(directory.updateRolePermissions(id, wanted)),
                "redirect:/console/roles");
        if (done.get() == StaffDirectory.RoleUpdate.PROPOSED) {
            redirect.addFlashAttribute("successKey", "console.roles.proposed");
        }
        return "redirect:/console/roles";
    }

    @PostMapping("/console/roles/role-proposals/{id}/approve")
    String approveRoleProposal(@PathVariable UUID id, RedirectAttributes redirect) {
        return UsersConsole.outcome(redirect, "console.proposals.approved", () -> roleProposals.approve(id),
                "redirect:/console/roles");
    }

    @PostMapping("/console/roles/role-proposals/{id}/reject")
    String rejectRoleProposal(@PathVariable UUID id, @RequestParam(defaultValue = "") String note,
                              RedirectAttributes redirect) {
        return UsersConsole.outcome(redirect, "console.proposals.rejected", () -> roleProposals.reject(id, note),
                "redirect:/console/roles");
    }

    @PostMapping("/console/users/{id}/roles")
    String assign(@PathVariable UUID id, @RequestParam(name = "role", required = false) List<UUID> roles,
                  RedirectAttributes redirect) {
        return UsersConsole.outcome(redirect, "console.saved",
                () -> directory.assignRoles(id, roles == null ? List.of() : roles), "redirect:/console/roles");
    }

    @PostMapping("/console/roles/department-proposals/{id}/approve")
    String approveDepartmentProposal(@PathVariable UUID id, RedirectAttributes redirect) {
        return UsersConsole.outcome(redirect, "console.proposals.approved", () -> departmentProposals.approve(id),
                "redirect:/console/roles");
    }

    @PostMapping("/console/roles/department-proposals/{id}/reject")
    String rejectDepartmentProposal(@PathVariable UUID id, @RequestParam(defaultValue = "") String note,
                                    RedirectAttributes redirect) {
        return UsersConsole.outcome(redirect, "console.proposals.rejected",
                () -> departmentProposals.reject(id, note), "redirect:/console/roles");
    }

    private static Set<Permission> permissionsOf(List<String> codes) {
        Set<Permission> wanted = EnumSet.noneOf(Permission.class);
        if (codes != null) {
            codes.forEach(code -> Permission.ofCode(code).ifPresent(wanted::add));
        }
        return wanted;
    }
}
