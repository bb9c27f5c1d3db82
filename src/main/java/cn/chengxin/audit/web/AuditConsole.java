package cn.chengxin.audit.web;

import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditEvents;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.audit.AuditResult;
import cn.chengxin.audit.AuditVerification;
import cn.chengxin.audit.Checkpoints;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 审计日志 for the audit administrator: read the log, and verify it end to end. */
@Controller
class AuditConsole {

    private final AuditEvents events;
    private final AuditVerification verification;
    private final Checkpoints checkpoints;
    private final AuditLog audit;

    AuditConsole(AuditEvents events, AuditVerification verification, Checkpoints checkpoints, AuditLog audit) {
        this.events = events;
        this.verification = verification;
        this.checkpoints = checkpoints;
        this.audit = audit;
    }

    @RequiresPermission(Permission.AUDIT_READ)
    @GetMapping("/console/audit")
    String log(@RequestParam(required = false) String action, @RequestParam(required = false) String actor,
               @RequestParam(required = false) AuditResult result, Model model) {
        model.addAttribute("page", events.recent(action, actor, result, 200));
        model.addAttribute("action", action);
        model.addAttribute("actor", actor);
        model.addAttribute("result", result);
        model.addAttribute("results", AuditResult.values());
        model.addAttribute("latest", checkpoints.latest().orElse(null));
        return "console/audit";
    }

    @RequiresPermission(Permission.AUDIT_VERIFY)
    @PostMapping("/console/audit/verify")
    String verify(Model model) {
        checkpoints.checkpointNow();
        AuditVerification.Report report = verification.verify();
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "audit.verify")
                .result(report.intact() ? AuditResult.SUCCESS : AuditResult.ERROR)
                .detail(report.eventsChecked() + " events, " + report.findings().size() + " findings"));
        model.addAttribute("report", report);
        checkpoints.latest().ifPresent(latest -> {
            model.addAttribute("latest", latest);
            model.addAttribute("latestRoot", java.util.HexFormat.of().formatHex(latest.root()));
        });
        model.addAttribute("keyId", checkpoints.keyId());
        return "console/audit-verify";
    }
}
