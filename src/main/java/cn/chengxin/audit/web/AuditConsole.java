package cn.chengxin.audit.web;

import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditEvents;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.audit.AuditResult;
import cn.chengxin.audit.AuditSubjects;
import cn.chengxin.audit.AuditVerification;
import cn.chengxin.audit.Checkpoints;
import cn.chengxin.audit.VerificationRuns;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import cn.chengxin.audit.domain.KeptCheckpoint;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.web.NumberSearches;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import cn.chengxin.shared.security.RequiresPermission;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 审计日志 for the auditor: read the log (by action, actor, result, subject or period), and verify it end to end. */
@Controller
class AuditConsole {

    /** The newest events a page shows; older ones follow by the page's link. */
    static final int PAGE_SIZE = 200;
    /** Why an auditor looks at the events about one person: the compliance audit PIPL Art. 54 asks for. */
    static final String PURPOSE = "审计核查";
    static final String PURPOSE_BASIS = "《个人信息保护法》第五十四条";

    private final AuditEvents events;
    private final AuditVerification verification;
    private final Checkpoints checkpoints;
    private final AuditLog audit;
    private final AuditSubjects subjects;
    private final VerificationRuns runs;
    private final Clock clock;
    private final MessageSource messages;

    AuditConsole(AuditEvents events, AuditVerification verification, Checkpoints checkpoints, AuditLog audit,
                 AuditSubjects subjects, VerificationRuns runs, Clock clock, MessageSource messages) {
        this.runs = runs;
        this.events = events;
        this.verification = verification;
        this.checkpoints = checkpoints;
        this.audit = audit;
        this.subjects = subjects;
        this.clock = clock;
        this.messages = messages;
    }

    @RequiresPermission(Permission.AUDIT_READ)
    @GetMapping("/console/audit")
    String log(@RequestParam(required = false) String action, @RequestParam(required = false) String actor,
               @RequestParam(required = false) AuditResult result,
               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
               @RequestParam(required = false) Long before, @RequestParam(required = false) String who,
               HttpSession session, Model model, Locale locale) {
        Optional<NumberSearches.Found> subject = who == null || who.isBlank() ? Optional.empty()
                : NumberSearches.find(session, who, clock.instant());
        if (who != null && !who.isBlank() && subject.isEmpty()) {
            model.addAttribute("whoExpired", true);
        }
        ZoneId zone = clock.getZone();
        AuditEvents.Query query = new AuditEvents.Query(action, actor, result,
                subject.map(NumberSearches.Found::pseudonym).orElse(null),
                from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(), before);
        AuditEvents.Page page = events.search(query, PAGE_SIZE);
        model.addAttribute("page", page);
        model.addAttribute("actionGroups", ActionNames.byGroup());
        Map<String, String> names = new LinkedHashMap<>();
        ActionNames.byGroup().values().forEach(actions -> actions.forEach(
                a -> names.put(a, ActionNames.name(messages, a, locale))));
        // an action no group offers (typed into the address) stays chosen in the select
        model.addAttribute("actionListed", action == null || action.isBlank() || action.endsWith(".")
                || names.containsKey(action.trim()));
        page.events().forEach(e -> names.computeIfAbsent(e.action(), a -> ActionNames.name(messages, a, locale)));
        model.addAttribute("actionNames", names);
        Map<Long, String> details = new LinkedHashMap<>();
        page.events().forEach(e -> details.put(e.seq(), DetailNames.name(messages, e.detail(), locale)));
        model.addAttribute("details", details);
        model.addAttribute("action", action);
        model.addAttribute("actor", actor);
        model.addAttribute("result", result);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("who", subject.isPresent() ? who : null);
        model.addAttribute("whoMasked", subject.map(NumberSearches.Found::maskedNumber).orElse(null));
        model.addAttribute("results", AuditResult.values());
        model.addAttribute("documentTypes", subjects.documentTypes());
        model.addAttribute("latest", checkpoints.latest().orElse(null));
        return "console/audit";
    }

    /**
     * The events about one subject, from the number the auditor types (posted, so that it never appears in an
     * address; the page then carries an opaque token, {@link NumberSearches}). The look-up is itself recorded about
     * the subject, whose access log shows it (RULES.md §10).
     */
    @RequiresPermission(Permission.AUDIT_READ)
    @PostMapping("/console/audit/subject")
    String bySubject(@RequestParam(defaultValue = "") String documentType, @RequestParam(defaultValue = "") String number,
                     HttpSession session, Model model, HttpServletResponse response, Locale locale) {
        AuditSubjects.Identified found;
        try {
            found = subjects.identify(documentType, number);
        } catch (RuntimeException e) {
            if (!(e instanceof DomainProblem problem)) {
                throw e;
            }
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("subjectError", problem.getMessage());
            model.addAttribute("subjectErrorCode", problem.code());
            return log(null, null, null, null, null, null, null, session, model, locale);
        }
        audit.record(AuditEntry.of(AuditCategory.QUERY, "audit.search").subject(found.pseudonym())
                .purpose(PURPOSE, PURPOSE_BASIS));
        String token = NumberSearches.keep(session,
                new NumberSearches.Found(found.pseudonym(), found.maskedNumber(), clock.instant()));
        return "redirect:/console/audit?who=" + token;
    }

    /**
     * 完整性校验 as it goes on and as it ended last (gaps review xxxv P10): the progress of the run going on, on
     * whichever instance it runs, polled by the page while it runs; the last run's result, its findings named.
     */
    @RequiresPermission(Permission.AUDIT_VERIFY)
    @GetMapping("/console/audit/verification")
    String verification(Model model) {
        VerificationRuns.State state = runs.state();
        model.addAttribute("running", state.running().orElse(null));
        model.addAttribute("run", state.last().orElse(null));
        model.addAttribute("fromSize", runs.nextFrom());
        return "console/audit-verification";
    }

    /**
     * Verifies the log: without a kept checkpoint, starts the background run ({@link VerificationRuns}) and shows its
     * progress; against the checkpoint the auditor kept when its fields are filled in, on the request. A field that does
     * not read is said on the form, with what was typed, instead of an error page.
     */
    @RequiresPermission(Permission.AUDIT_VERIFY)
    @PostMapping("/console/audit/verify")
    String verify(@RequestParam(required = false) String checkpointSize,
                  @RequestParam(required = false) String checkpointRoot,
                  @RequestParam(required = false) String checkpointAt,
                  @RequestParam(required = false) String checkpointSignature,
                  @RequestParam(defaultValue = "false") boolean full, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
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
        if (kept == null) {
            // the log alone: a background run, from where the last one reached (or, asked for, from the beginning)
            redirect.addFlashAttribute("alreadyRunning", !runs.start(full));
            return "redirect:/console/audit/verification";
        }
        checkpoints.checkpointNow();
        AuditVerification.Report report = verification.verify(kept);
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "audit.verify")
                .result(report.intact() ? AuditResult.SUCCESS : AuditResult.ERROR)
                .detail(AuditDetail.of(kept == null ? "VERIFIED" : "VERIFIED_AGAINST_KEPT")
                        .with("events", report.eventsChecked()).with("findings", report.findings().size())
                        .with("keptSize", kept == null ? null : kept.treeSize())));
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
