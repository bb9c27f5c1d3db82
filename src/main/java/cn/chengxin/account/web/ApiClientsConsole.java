package cn.chengxin.account.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.chengxin.account.AccountProblem;
import cn.chengxin.account.ApiClient;
import cn.chengxin.account.ApiClients;
import cn.chengxin.account.Department;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import cn.chengxin.shared.web.ConsoleActions;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 接口客户端 for the system administrator: issue a key (shown once) bound to the department a department's system acts
 * for, revoke it, see when it was last used.
 *
 * <p>The issued key is shown in the answer to the issuing POST itself, never passed on through the session (a flash
 * attribute would store it in the HTTP session, kept in the database, until the next page): the platform keeps only
 * its hash, and the page that shows it is not stored by any cache. As reloading that page would send the POST again,
 * the form carries a one-time token ({@link OneTimeFormTokens}): a repeated submission issues no second key.
 */
@Controller
@RequiresPermission(Permission.ACCOUNT_API_CLIENT_MANAGE)
class ApiClientsConsole {

    private final ApiClients clients;
    private final StaffDirectory directory;
    private final OneTimeFormTokens issueTokens = new OneTimeFormTokens("api-client-issue");

    ApiClientsConsole(ApiClients clients, StaffDirectory directory) {
        this.clients = clients;
        this.directory = directory;
    }

    @GetMapping("/console/api-clients")
    String list(Model model, HttpSession session) {
        return page(model, session);
    }

    private String page(Model model, HttpSession session) {
        model.addAttribute("issueToken", issueTokens.issue(session));
        model.addAttribute("clients", clients.clients());
        model.addAttribute("kinds", ApiClient.Kind.values());
        List<Department> departments = directory.departments();
        // A key is bound to a department in use; the list still names the department of a key bound earlier.
        model.addAttribute("departments", departments.stream().filter(Department::active).toList());
        model.addAttribute("departmentNames", departments.stream()
                .collect(Collectors.toMap(Department::code, Department::name)));
        // API_REPORT_QUERY: an institution (授权机构) that citizens can authorise to obtain their reports.
        model.addAttribute("permissions", List.of(Permission.API_SUBJECT_CHECK, Permission.RECORD_SUBMIT,
                Permission.SUBJECT_READ, Permission.API_REPORT_QUERY));
        return "console/api-clients";
    }

    @PostMapping("/console/api-clients")
    String issue(@RequestParam String name, @RequestParam String organisation, @RequestParam ApiClient.Kind kind,
                 @RequestParam(required = false) UUID departmentId,
                 @RequestParam(name = "permission", required = false) List<String> codes,
                 @RequestParam(defaultValue = "600") int ratePerMinute,
                 @RequestParam(required = false) String issueToken, Model model, HttpSession session,
                 HttpServletResponse response, RedirectAttributes redirect) {
        if (!issueTokens.spend(session, issueToken)) {
            // A reload of the page that showed a key, or a form sent twice: the key was issued once already.
            ConsoleActions.flashRefusal(redirect, new AccountProblem("API_CLIENT_FORM_USED",
                    DomainProblem.Kind.CONFLICT, "该表单已提交过，未再签发密钥；如需新密钥，请重新填写"));
            return "redirect:/console/api-clients";
        }
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        if (codes != null) {
            codes.forEach(code -> Permission.ofCode(code).ifPresent(permissions::add));
        }
        ApiClients.IssuedKey issued;
        try {
            issued = clients.issue(name, organisation, kind, departmentId, permissions, ratePerMinute);
        } catch (AccountProblem problem) {
            ConsoleActions.flashRefusal(redirect, problem);
            return "redirect:/console/api-clients";
        }
        // Shown once, in this answer only: nothing of the key goes into the session, and no cache keeps the page.
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        model.addAttribute("issuedKey", issued.key());
        model.addAttribute("issuedName", name);
        return page(model, session);
    }

    @PostMapping("/console/api-clients/{id}/revoke")
    String revoke(@PathVariable UUID id, RedirectAttributes redirect) {
        return UsersConsole.outcome(redirect, "console.apiClients.revoked", () -> clients.revoke(id),
                "redirect:/console/api-clients");
    }
}
