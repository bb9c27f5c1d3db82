package cn.chengxin.account.web;

import java.util.EnumSet;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.chengxin.account.AccountProblem;
import cn.chengxin.account.ApiClient;
import cn.chengxin.account.ApiClients;
import cn.chengxin.account.Department;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.account.ViolationGround;
import cn.chengxin.audit.AuditLog;
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
 * 接口客户端 for the system administrators: one proposes a key bound to what a program may do (and, for a department's
 * system, to the department it acts for), another approves or rejects the proposal (双人复核, issue #3: no single
 * administrator gives a program access to personal data); either revokes a key alone, as taking access away is safe.
 *
 * <p>The key is made at approval and shown once, to the approver, in the answer to the approving POST itself: it is
 * never stored in clear, so it cannot wait for the proposer to collect it, and it is never passed on through the
 * session (a flash attribute would store it in the HTTP session, kept in the database, until the next page); no cache
 * keeps that page. Reloading it sends the approval again, which is refused as already decided: no second key. The
 * proposal form carries a one-time token ({@link OneTimeFormTokens}): a form sent twice proposes once.
 */
@Controller
@RequiresPermission(Permission.ACCOUNT_API_CLIENT_MANAGE)
class ApiClientsConsole {

    private static final String BACK = "redirect:/console/api-clients";

    private final ApiClients clients;
    private final StaffDirectory directory;
    private final Clock clock;
    private final OneTimeFormTokens issueTokens = new OneTimeFormTokens("api-client-issue");

    ApiClientsConsole(ApiClients clients, StaffDirectory directory, Clock clock) {
        this.clients = clients;
        this.directory = directory;
        this.clock = clock;
    }

    @GetMapping("/console/api-clients")
    String list(Model model, HttpSession session) {
        return page(model, session);
    }

    private String page(Model model, HttpSession session) {
        model.addAttribute("issueToken", issueTokens.issue(session));
        model.addAttribute("clients", clients.clients());
        // 有效期至 and its marks (RULES.md §10): an expired key is refused, one expiring within 30 days is due a successor.
        model.addAttribute("now", clock.instant());
        model.addAttribute("proposals", clients.pendingProposals());
        // Maker-checker: the proposer is told another administrator decides, rather than offered a refused decision.
        model.addAttribute("me", AuditLog.currentActor().actorId());
        model.addAttribute("kinds", ApiClient.Kind.values());
        // A revocation names its ground and the decision's reference (gaps review xxx L4).
        model.addAttribute("grounds", ViolationGround.values());
        List<Department> departments = directory.departments();
        // A key is bound to a department in use; the list still names the department of a key bound earlier.
        model.addAttribute("departments", departments.stream().filter(Department::active).toList());
        model.addAttribute("departmentNames", departments.stream()
                .collect(Collectors.toMap(Department::code, Department::name)));
        // API_REPORT_QUERY: an institution (授权机构) that citizens can authorise to obtain their reports.
        // API_BENEFITS_CHECK: a provider of 信用惠民 benefits, answered only the benefits bound to its key.
        // RECORD_MIGRATE: a department's back-load at the city's cut-over (gaps review xliii X4), on a key of its own
        // revoked once the history is loaded; LIST_MIGRATE: the list entries its department decided there (X2), alike.
        model.addAttribute("permissions", List.of(Permission.API_SUBJECT_CHECK, Permission.RECORD_SUBMIT,
                Permission.RECORD_MIGRATE, Permission.LIST_MIGRATE, Permission.SUBJECT_READ, Permission.API_REPORT_QUERY,
                Permission.API_BENEFITS_CHECK));
        return "console/api-clients";
    }

    /** Proposes a key: nothing usable exists until another system administrator approves. */
    @PostMapping("/console/api-clients")
    String propose(@RequestParam String name, @RequestParam String organisation, @RequestParam ApiClient.Kind kind,
                   @RequestParam(required = false) UUID departmentId,
                   @RequestParam(name = "permission", required = false) List<String> codes,
                   @RequestParam(defaultValue = "600") int ratePerMinute,
                   @RequestParam(required = false) String allowedAddresses,
                   @RequestParam(required = false) String anyAddressReason,
                   @RequestParam(required = false) String creditCode,
                   @RequestParam(required = false) String issueToken, HttpSession session,
                   RedirectAttributes redirect) {
        if (!issueTokens.spend(session, issueToken)) {
            // A form sent twice: it was proposed once already.
            ConsoleActions.flashRefusal(redirect, new AccountProblem("API_CLIENT_FORM_USED",
                    DomainProblem.Kind.CONFLICT, "该表单已提交过，未再次提议；如需新密钥，请重新填写"));
            return BACK;
        }
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        if (codes != null) {
            codes.forEach(code -> Permission.ofCode(code).ifPresent(permissions::add));
        }
        return UsersConsole.outcome(redirect, "console.apiClients.proposed",
                () -> clients.propose(name, organisation, kind, departmentId, permissions, ratePerMinute,
                        allowedAddresses, anyAddressReason, creditCode), BACK);
    }

    /** Another administrator approves: the key is made now and shown in this answer only. */
    @PostMapping("/console/api-clients/proposals/{id}/approve")
    String approve(@PathVariable UUID id, Model model, HttpSession session, HttpServletResponse response,
                   RedirectAttributes redirect) {
        ApiClients.IssuedKey issued;
        try {
            issued = clients.approve(id);
        } catch (AccountProblem problem) {
            ConsoleActions.flashRefusal(redirect, problem);
            return BACK;
        }
        // Shown once, in this answer only: nothing of the key goes into the session, and no cache keeps the page.
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        model.addAttribute("issuedKey", issued.key());
        model.addAttribute("issuedName", clients.clients().stream().filter(c -> c.id().equals(issued.clientId()))
                .map(ApiClient::name).findFirst().orElse(issued.prefix()));
        return page(model, session);
    }

    @PostMapping("/console/api-clients/proposals/{id}/reject")
    String reject(@PathVariable UUID id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
        return UsersConsole.outcome(redirect, "console.apiClients.rejected", () -> clients.reject(id, note), BACK);
    }

    /**
     * 提议续签: the key's successor, bound as the key is and issued, once another administrator approves, to the same
     * institution, so that citizens' consents and benefit bindings hold for it (gaps review xxix K2). A key that
     * answered from any address with no reason is renewed with the networks or the reason written in its row's form
     * (gaps review xxxi M7).
     */
    @PostMapping("/console/api-clients/{id}/renew")
    String renew(@PathVariable UUID id, @RequestParam(required = false) String allowedAddresses,
                 @RequestParam(required = false) String anyAddressReason, RedirectAttributes redirect) {
        return UsersConsole.outcome(redirect, "console.apiClients.renewalProposed",
                () -> clients.proposeRenewal(id, allowedAddresses, anyAddressReason), BACK);
    }

    /**
     * 吊销 at once, with a ground from the closed list and the reference of the decision or case (gaps review xxx L4);
     * a ban on new keys for the institution is the violation register's, by two administrators.
     */
    @PostMapping("/console/api-clients/{id}/revoke")
    String revoke(@PathVariable UUID id, @RequestParam(required = false) ViolationGround ground,
                  @RequestParam(required = false) String reference, RedirectAttributes redirect) {
        return UsersConsole.outcome(redirect, "console.apiClients.revoked", () -> clients.revoke(id, ground, reference),
                BACK);
    }
}
