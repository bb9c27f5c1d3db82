package cn.chengxin.account.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.chengxin.account.ApiClient;
import cn.chengxin.account.ApiClients;
import cn.chengxin.account.ApiInstitution;
import cn.chengxin.account.InstitutionViolations;
import cn.chengxin.account.ViolationGround;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 违规机构名单 (征信机构违规经营"黑名单", 国办发〔2016〕98号 四(一); RULES.md §7; gaps review xxx L4): the register of the
 * institutions that broke the rules, read by the security administrator, who confirms or rejects an entry, and by
 * the auditor; the system administrator, who runs the keys, proposes entries. Every step is audited
 * ({@link InstitutionViolations}).
 */
@Controller
class InstitutionViolationsConsole {

    private static final String BACK = "redirect:/console/institution-violations";

    private final InstitutionViolations violations;
    private final ApiClients clients;
    private final Clock clock;

    InstitutionViolationsConsole(InstitutionViolations violations, ApiClients clients, Clock clock) {
        this.violations = violations;
        this.clients = clients;
        this.clock = clock;
    }

    @GetMapping("/console/institution-violations")
    @RequiresPermission({Permission.ACCOUNT_ROLE_MANAGE, Permission.AUDIT_READ, Permission.ACCOUNT_API_CLIENT_MANAGE})
    String register(Model model) {
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("entries", violations.register());
        model.addAttribute("today", today);
        model.addAttribute("me", AuditLog.currentActor().actorId());
        // Institutions, not department systems, are entered: those that obtain reports or verify benefits.
        model.addAttribute("institutions", clients.institutions().stream()
                .filter(i -> i.kind() != ApiClient.Kind.DEPARTMENT).toList());
        model.addAttribute("grounds", ViolationGround.values());
        // Whether an entered institution still holds a live key, which its system administrator revokes.
        Instant now = clock.instant();
        Set<UUID> live = clients.clients().stream().filter(c -> c.live(now)).map(ApiClient::institutionId)
                .collect(Collectors.toSet());
        model.addAttribute("liveKeys", live);
        model.addAttribute("names", clients.institutions().stream()
                .collect(Collectors.toMap(ApiInstitution::id, ApiInstitution::name, (a, b) -> a)));
        return "console/institution-violations";
    }

    @PostMapping("/console/institution-violations")
    @RequiresPermission(Permission.ACCOUNT_API_CLIENT_MANAGE)
    String propose(@RequestParam(required = false) UUID institutionId,
                   @RequestParam(required = false) ViolationGround ground,
                   @RequestParam(required = false) String reference,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until,
                   @RequestParam(required = false) String creditCode, RedirectAttributes redirect) {
        return UsersConsole.outcome(redirect, "console.violations.proposed",
                () -> violations.propose(institutionId, ground, reference, from, until, creditCode), BACK);
    }

    @PostMapping("/console/institution-violations/{id}/confirm")
    @RequiresPermission(Permission.ACCOUNT_ROLE_MANAGE)
    String confirm(@PathVariable UUID id, RedirectAttributes redirect) {
        return UsersConsole.outcome(redirect, "console.violations.confirmed", () -> violations.confirm(id), BACK);
    }

    @PostMapping("/console/institution-violations/{id}/reject")
    @RequiresPermission(Permission.ACCOUNT_ROLE_MANAGE)
    String reject(@PathVariable UUID id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
        return UsersConsole.outcome(redirect, "console.violations.rejected", () -> violations.reject(id, note), BACK);
    }
}
