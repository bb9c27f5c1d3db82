package cn.chengxin.audit.web;

import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditEvents;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.audit.AuditResult;
import cn.chengxin.audit.AuditVerification;
import cn.chengxin.audit.Checkpoints;
import cn.chengxin.audit.domain.KeptCheckpoint;
import cn.chengxin.shared.security.Permission;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
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

    /**
     * Verifies the log, and against the checkpoint the auditor kept when its fields are filled in. A field that does
     * not read is said on the form, with what was typed, instead of an error page.
     */
    @RequiresPermission(Permission.AUDIT_VERIFY)
    @PostMapping("/console/audit/verify")
    String verify(@RequestParam(required = false) String checkpointSize,
                  @RequestParam(required = false) String checkpointRoot,
                  @RequestParam(required = false) String checkpointAt,
                  @RequestParam(required = false) String checkpointSignature, Model model,
                  HttpServletResponse response) {
        KeptCheckpoint kept = null;
        boolean given = java.util.stream.Stream.of(checkpointSize, checkpointRoot, checkpointAt, checkpointSignature)
                .anyMatch(f -> f != null && !f.isBlank());
        model.addAttribute("kept", new KeptFields(checkpointSize, checkpointRoot, checkpointAt, checkpointSignature));
        if (given) {
            try {
                kept = AuditVerification.kept(checkpointSize, checkpointRoot, checkpointAt, checkpointSignature);
            } catch (AuditVerification.MalformedCheckpoint e) {
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
                model.addAttribute("malformed", e);
                return "console/audit-verify";
            }
        }
        checkpoints.checkpointNow();
        AuditVerification.Report report = verification.verify(kept);
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "audit.verify")
                .result(report.intact() ? AuditResult.SUCCESS : AuditResult.ERROR)
                .detail(report.eventsChecked() + " events, " + report.findings().size() + " findings"
                        + (kept == null ? "" : ", against a kept checkpoint of size " + kept.treeSize())));
        model.addAttribute("report", report);
        checkpoints.latest().ifPresent(latest -> {
            model.addAttribute("latest", latest);
            model.addAttribute("latestRoot", java.util.HexFormat.of().formatHex(latest.root()));
        });
        model.addAttribute("keyId", checkpoints.keyId());
        return "console/audit-verify";
    }

    /** The kept checkpoint's fields as typed, to show them again. */
    record KeptFields(String size, String root, String at, String signature) {
    }
}
