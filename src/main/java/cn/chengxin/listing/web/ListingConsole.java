package cn.chengxin.listing.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.chengxin.listing.EntryStatus;
import cn.chengxin.listing.ListType;
import cn.chengxin.listing.Listing;
import cn.chengxin.listing.domain.EntryLifecycle;
import cn.chengxin.listing.domain.ListRule;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import cn.chengxin.subject.SubjectRegistry;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 名单管理 in the console: entries by status (departments and the credit office), a department's proposal, the
 * review (list:review: never one's own proposal), exit; and the entry rules (measure:edit), edited as new versions.
 */
@Controller
class ListingConsole {

    private final Listing listing;
    private final SubjectRegistry subjects;
    private final Clock clock;

    ListingConsole(Listing listing, SubjectRegistry subjects, Clock clock) {
        this.listing = listing;
        this.subjects = subjects;
        this.clock = clock;
    }

    @RequiresPermission(Permission.LIST_PROPOSE)
    @GetMapping("/console/lists")
    String list(@RequestParam(required = false) EntryStatus status, @RequestParam(required = false) ListType type,
                Model model) {
        model.addAttribute("entries", listing.entries(status, type, 200));
        model.addAttribute("counts", listing.counts());
        model.addAttribute("status", status);
        model.addAttribute("type", type);
        model.addAttribute("statuses", EntryStatus.values());
        model.addAttribute("types", ListType.values());
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("validFrom", today.plusDays(1));
        model.addAttribute("validTo", today.plus(EntryLifecycle.LONGEST_MANUAL_VALIDITY));
        return "console/lists";
    }

    @RequiresPermission(Permission.LIST_PROPOSE)
    @GetMapping("/console/lists/{id}")
    String entry(@PathVariable UUID id, Model model) {
        model.addAttribute("entry", listing.entry(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("notices", listing.noticesOfEntry(id));
        return "console/list-entry";
    }

    @RequiresPermission(Permission.LIST_PROPOSE)
    @PostMapping("/console/lists")
    String propose(@RequestParam String subjectNumber, @RequestParam ListType type, @RequestParam String legalBasis,
                   @RequestParam String reasons, @RequestParam(required = false) LocalDate validUntil,
                   RedirectAttributes redirect) {
        try {
            UUID subject = subjects.find(subjects.validate(null, subjectNumber)).orElseThrow(() ->
                    new cn.chengxin.listing.ListingProblem("SUBJECT_UNKNOWN", DomainProblem.Kind.NOT_FOUND,
                            "信用主体库中没有该证件号码"));
            UUID id = listing.propose(subject, type, legalBasis, reasons, validUntil);
            redirect.addFlashAttribute("successKey", "lists.proposed");
            return "redirect:/console/lists/" + id;
        } catch (RuntimeException e) {
            fail(redirect, e);
            return "redirect:/console/lists";
        }
    }

    @RequiresPermission(Permission.LIST_REVIEW)
    @PostMapping("/console/lists/{id}/approve")
    String approve(@PathVariable UUID id, @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        return act(redirect, id, "lists.approved", () -> listing.approve(id, note));
    }

    @RequiresPermission(Permission.LIST_REVIEW)
    @PostMapping("/console/lists/{id}/reject")
    String reject(@PathVariable UUID id, @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        return act(redirect, id, "lists.rejected", () -> listing.reject(id, note));
    }

    @RequiresPermission(Permission.LIST_REVIEW)
    @PostMapping("/console/lists/{id}/exit")
    String exit(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        return act(redirect, id, "lists.exited", () -> listing.exit(id, reason));
    }

    @RequiresPermission(Permission.MEASURE_EDIT)
    @GetMapping("/console/list-rules")
    String rules(@RequestParam(required = false) String code, Model model) {
        model.addAttribute("rules", listing.rules());
        model.addAttribute("types", ListType.values());
        model.addAttribute("editing", code == null ? null : listing.rules().stream()
                .filter(r -> r.code().equals(code)).findFirst().orElse(null));
        model.addAttribute("history", code == null ? java.util.List.of() : listing.ruleHistory(code));
        return "console/list-rules";
    }

    @RequiresPermission(Permission.MEASURE_EDIT)
    @PostMapping("/console/list-rules")
    String saveRule(@RequestParam String code, @RequestParam ListType type, @RequestParam String name,
                    @RequestParam String itemCodes, @RequestParam(required = false) String conditionField,
                    @RequestParam(required = false) BigDecimal conditionMin, @RequestParam String legalBasis,
                    @RequestParam(required = false) Integer validityMonths, @RequestParam(defaultValue = "0") int noticeDays,
                    @RequestParam String exitConditions, @RequestParam(defaultValue = "false") boolean enabled,
                    RedirectAttributes redirect) {
        try {
            listing.saveRule(new ListRule(code.strip().toUpperCase(), 0, type, name.strip(),
                    Arrays.stream(itemCodes.split("[,，\\s]+")).map(String::strip).filter(s -> !s.isEmpty())
                            .collect(Collectors.toSet()),
                    conditionField == null || conditionField.isBlank() ? null : conditionField.strip(), conditionMin,
                    legalBasis.strip(), validityMonths, noticeDays, exitConditions.strip(), enabled));
            redirect.addFlashAttribute("successKey", "lists.ruleSaved");
        } catch (RuntimeException e) {
            fail(redirect, e);
        }
        return "redirect:/console/list-rules?code=" + code.strip().toUpperCase();
    }

    private String act(RedirectAttributes redirect, UUID id, String successKey, Runnable action) {
        cn.chengxin.shared.web.ConsoleActions.flash(redirect, successKey, action);
        return "redirect:/console/lists/" + id;
    }

    private static void fail(RedirectAttributes redirect, RuntimeException e) {
        if (!(e instanceof DomainProblem problem)) {
            throw e;
        }
        redirect.addFlashAttribute("failure", problem.getMessage());
        redirect.addFlashAttribute("failureCode", problem.code());
    }
}
