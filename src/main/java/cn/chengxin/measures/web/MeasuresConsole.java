package cn.chengxin.measures.web;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.chengxin.account.StaffDirectory;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.listing.ListType;
import cn.chengxin.listing.Listing;
import cn.chengxin.listing.RuleName;
import cn.chengxin.measures.Checks;
import cn.chengxin.measures.Measure;
import cn.chengxin.measures.MeasureCatalogue;
import cn.chengxin.measures.MeasureChange;
import cn.chengxin.measures.MeasuresProblem;
import cn.chengxin.measures.Scenario;
import cn.chengxin.measures.domain.MeasureReach;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import cn.chengxin.shared.web.ConsoleActions;
import cn.chengxin.shared.web.TypedReview;
import cn.chengxin.subject.domain.SubjectKind;
import cn.chengxin.subject.domain.TypedText;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 联合奖惩 in the console: the measures catalogue (each measure revised on its own form, down to the kinds of subject
 * it reaches and the list rules it is limited to, which a refusal shows again with what was typed; switched on or
 * off — either a change that another person approves, shown to them field by field against the measure in force), the
 * cases by measure and department, feedback still owed (by department).
 */
@Controller
class MeasuresConsole {

    /** Checks owing feedback per page unless the reader asks for another size (at most Checks.MAX_PAGE_SIZE). */
    static final int PAGE_SIZE = 50;

    private final MeasureCatalogue catalogue;
    private final Checks checks;
    private final StaffDirectory directory;
    private final Listing listing;

    MeasuresConsole(MeasureCatalogue catalogue, Checks checks, StaffDirectory directory, Listing listing) {
        this.catalogue = catalogue;
        this.checks = checks;
        this.directory = directory;
        this.listing = listing;
    }

    /**
     * The catalogue and the changes waiting for review, for those who follow the cases and for the reviewers of
     * changes (issue #5: the checker need not follow the cases); the departments' cases and the checks owing feedback
     * only for the former.
     */
    @RequiresPermission({Permission.MEASURE_CASES, Permission.MEASURE_APPROVE})
    @GetMapping("/console/measures")
    String page(@RequestParam(defaultValue = "0") long page, @RequestParam(defaultValue = "" + PAGE_SIZE) int size,
                @RequestParam(required = false) String department, Authentication who, Model model) {
        List<Measure> measures = catalogue.all();
        model.addAttribute("measures", measures);
        boolean followsCases = who.getAuthorities().stream()
                .anyMatch(a -> Permission.MEASURE_CASES.code().equals(a.getAuthority()));
        model.addAttribute("followsCases", followsCases);
        if (followsCases) {
            model.addAttribute("cases", checks.cases());
            String owing = department == null || department.isBlank() ? null : department.strip();
            Checks.UnreturnedPage owed = checks.unreturned(owing,
                    (int) Math.max(0, Math.min(page, Integer.MAX_VALUE)), size);
            model.addAttribute("owed", owed);
            model.addAttribute("owing", owing);
            model.addAttribute("owedUrl", UriComponentsBuilder.fromPath("/console/measures")
                    .queryParam("size", owed.size()).queryParamIfPresent("department", Optional.ofNullable(owing))
                    .build().toUriString());
            model.addAttribute("unreturned", owed.checks());
            model.addAttribute("indexed", checks.indexedSubjects());
        }
        // Measures and departments by name: the codes are the platform's, not what the credit office reads.
        Map<String, String> measureNames = new HashMap<>();
        measures.forEach(m -> measureNames.put(m.code(), m.name()));
        model.addAttribute("measureNames", measureNames);
        // A revision is reviewed against the measure in force, field by field.
        model.addAttribute("inForce", measures.stream().collect(Collectors.toMap(Measure::code, m -> m)));
        Map<String, String> departmentNames = directory.departmentNames();
        model.addAttribute("departments", departmentNames);
        // The rules a measure is, or a revision would be, limited to, by name: the codes are the platform's too.
        Map<String, String> ruleNames = listing.ruleNames().stream()
                .collect(Collectors.toMap(RuleName::code, RuleName::name));
        model.addAttribute("limitedTo", measures.stream().collect(Collectors.toMap(Measure::code,
                m -> named(m.ruleCodes(), ruleNames))));
        model.addAttribute("reachSince", measures.stream().collect(Collectors.toMap(Measure::code,
                m -> reachSince(m.reach(), ruleNames))));
        List<MeasureChange> pending = catalogue.pendingChanges();
        model.addAttribute("revisionLimitedTo", pending.stream().filter(c -> c.revision() != null)
                .collect(Collectors.toMap(MeasureChange::id, c -> named(c.revision().ruleCodes(), ruleNames))));
        // The departments a revision would name, and those the measure names now: the review's fragment parameters may
        // not look names up in the page's variables (Thymeleaf refuses #root there).
        model.addAttribute("revisionDepartments", pending.stream().filter(c -> c.revision() != null)
                .collect(Collectors.toMap(MeasureChange::id, c -> named(c.revision().departments(), departmentNames))));
        model.addAttribute("departmentsNow", measures.stream().collect(Collectors.toMap(Measure::code,
                m -> named(m.departments(), departmentNames))));
        model.addAttribute("pending", pending);
        // Maker-checker: whoever proposed a change is told another must review it, not offered a refused decision.
        model.addAttribute("me", AuditLog.currentActor().actorId());
        return "console/measures";
    }

    /**
     * One line of 适用于…起生效的名单条目: the day, and what of the measure reaches only the entries that took effect from
     * it, each a message key or, for a rule, its name.
     */
    record ReachLine(String from, List<Part> parts) {

        record Part(String key, String text) {
        }
    }

    /** What a measure added since it began to be kept, by day, oldest first (RULES.md §7, {@link MeasureReach}). */
    private static List<ReachLine> reachSince(MeasureReach reach, Map<String, String> ruleNames) {
        Map<java.time.LocalDate, List<ReachLine.Part>> byDay = new java.util.TreeMap<>();
        for (MeasureReach.Since since : reach.widenings()) {
            byDay.computeIfAbsent(since.from(), d -> new java.util.ArrayList<>()).add(switch (since.aspect()) {
                case MEASURE, OTHER_RULES, RESPONSIBLE_PERSONS ->
                        new ReachLine.Part("measures.reach." + since.aspect().name(), null);
                case LIST -> new ReachLine.Part("lists.type." + since.value(), null);
                case RULE -> new ReachLine.Part(null, ruleNames.getOrDefault(since.value(), since.value()));
                case SUBJECT_KIND -> new ReachLine.Part("subjectKind." + since.value(), null);
                case SCENARIO -> new ReachLine.Part("measures.scenario." + since.value(), null);
            });
        }
        return byDay.entrySet().stream().map(e -> new ReachLine(e.getKey().toString(), e.getValue())).toList();
    }

    /** By name; a code the platform no longer names (a rule retired, a department removed) as it is. */
    private static List<String> named(Set<String> codes, Map<String, String> names) {
        return codes.stream().map(code -> names.getOrDefault(code, code)).sorted().toList();
    }

    /** A measure's form: what it says, the departments to choose from, and the lists its kind may follow. */
    @RequiresPermission(Permission.MEASURE_EDIT)
    @GetMapping("/console/measures/{code}")
    String measure(@PathVariable String code, Model model) {
        Measure measure = stored(code);
        return form(measure, MeasureInput.of(measure), model);
    }

    /**
     * A refusal shows the form again (422, or its kind's status such as 409 for a change waiting: nothing was
     * proposed), with the refusal and what was typed.
     */
    @RequiresPermission(Permission.MEASURE_EDIT)
    @PostMapping("/console/measures/{code}")
    String revise(@PathVariable String code, @RequestParam(defaultValue = "") String name,
                  @RequestParam(defaultValue = "") String legalBasis,
                  @RequestParam(name = "department", required = false) Set<String> departments,
                  @RequestParam(defaultValue = "false") boolean allDepartments,
                  @RequestParam(name = "list", required = false) Set<ListType> lists,
                  @RequestParam(name = "scenario", required = false) Set<Scenario> scenarios,
                  @RequestParam(defaultValue = "false") boolean cleanRecord,
                  @RequestParam(name = "subjectKind", required = false) Set<SubjectKind> subjectKinds,
                  @RequestParam(name = "rule", required = false) Set<String> rules,
                  @RequestParam(defaultValue = "false") boolean reachesResponsiblePersons,
                  @RequestParam(required = false) String responsiblePersonsBasis, RedirectAttributes redirect,
                  HttpServletResponse response, Model model) {
        MeasureInput input = new MeasureInput(name, legalBasis, departments, allDepartments, lists, scenarios,
                cleanRecord, subjectKinds, rules, reachesResponsiblePersons, responsiblePersonsBasis);
        try {
            catalogue.proposeRevision(code, input.name(), input.legalBasis(), input.departments(),
                    input.allDepartments(), input.listTypes(), input.scenarios(), input.cleanRecord(), input.subjectKinds(), input.ruleCodes(),
                    input.reachesResponsiblePersons(), input.responsiblePersonsBasis());
        } catch (MeasuresProblem problem) {
            if (problem.kind() == DomainProblem.Kind.NOT_FOUND) {
                throw problem;
            }
            ConsoleActions.showRefusal(model, response, problem);
            return form(stored(code), input, model);
        } catch (TypedText.HoldsIdentityNumber refused) {
            ConsoleActions.showRefusal(model, response, refused);
            return form(stored(code), new MeasureInput(TypedText.shownAgain(name), TypedText.shownAgain(legalBasis),
                    departments, allDepartments, lists, scenarios, cleanRecord, subjectKinds, rules,
                    reachesResponsiblePersons, TypedText.shownAgain(responsiblePersonsBasis)), model);
        }
        redirect.addFlashAttribute("successKey", "measures.proposed");
        return "redirect:/console/measures";
    }

    private Measure stored(String code) {
        return catalogue.all().stream().filter(m -> m.code().equals(code)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private String form(Measure measure, MeasureInput input, Model model) {
        model.addAttribute("measure", measure);
        model.addAttribute("measureInput", input);
        model.addAttribute("lists", Arrays.stream(ListType.values()).filter(measure.kind()::mayFollow).toList());
        // The rules a measure may be limited to: those of the lists its kind may follow (RULES.md §7).
        model.addAttribute("rules", listing.ruleNames().stream().filter(r -> measure.kind().mayFollow(r.listType()))
                .toList());
        model.addAttribute("subjectKinds", SubjectKind.values());
        model.addAttribute("scenarios", Scenario.values());
        // A department the city has not established (gaps review xliii X11) is no choice, unless the measure names it.
        model.addAttribute("departments", directory.departments().stream()
                .filter(d -> d.active() || input.departments().contains(d.code())).toList());
        return "console/measure-form";
    }

    @RequiresPermission(Permission.MEASURE_EDIT)
    @PostMapping("/console/measures/{code}/enabled")
    String enable(@PathVariable String code, @RequestParam boolean enabled, RedirectAttributes redirect) {
        ConsoleActions.flashOrNotFound(redirect, "measures.proposed", () -> catalogue.proposeSwitch(code, enabled));
        return "redirect:/console/measures";
    }

    /** A second person applies the waiting change (measure:approve, never its proposer: issue #5). */
    @RequiresPermission(Permission.MEASURE_APPROVE)
    @PostMapping("/console/measures/changes/{id}/approve")
    String approve(@PathVariable UUID id, @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        ConsoleActions.flash(redirect, "measures.changeApproved", () -> catalogue.approve(id, note));
        return "redirect:/console/measures";
    }

    /** A refusal shows the page again, the change's send-back form holding the refusal and the note typed. */
    @RequiresPermission(Permission.MEASURE_APPROVE)
    @PostMapping("/console/measures/changes/{id}/reject")
    String reject(@PathVariable UUID id, @RequestParam(defaultValue = "") String note, RedirectAttributes redirect,
                  Authentication who, HttpServletResponse response, Model model) {
        try {
            catalogue.reject(id, note);
        } catch (RuntimeException e) {
            ConsoleActions.showRefusal(model, response, e);
            // The input's id as measures.html names the change's send-back form.
            model.addAttribute("typedReview", new TypedReview("reject-" + id, TypedText.shownAgain(note)));
            return page(0, PAGE_SIZE, null, who, model);
        }
        redirect.addFlashAttribute("successKey", "measures.changeRejected");
        return "redirect:/console/measures";
    }
}
