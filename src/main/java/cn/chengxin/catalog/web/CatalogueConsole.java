package cn.chengxin.catalog.web;

import java.util.ArrayList;
import java.util.List;

import cn.chengxin.catalog.Catalogue;
import cn.chengxin.catalog.CatalogueItem;
import cn.chengxin.catalog.CatalogueViolations;
import cn.chengxin.catalog.domain.Category;
import cn.chengxin.catalog.domain.Domain;
import cn.chengxin.catalog.domain.FieldType;
import cn.chengxin.catalog.domain.ItemDefinition;
import cn.chengxin.catalog.domain.ItemRules;
import cn.chengxin.catalog.domain.Nature;
import cn.chengxin.catalog.domain.RepairRequirement;
import cn.chengxin.catalog.domain.Severity;
import cn.chengxin.catalog.domain.Sharing;
import cn.chengxin.catalog.domain.SubjectType;
import cn.chengxin.catalog.domain.UpdateCycle;
import cn.chengxin.catalog.domain.Withdrawal;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import cn.chengxin.shared.web.ConsoleActions;
import cn.chengxin.subject.domain.TypedText;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 信用信息目录 in the console: browse (any staff), any version as it was (any staff), draft and submit, propose a
 * withdrawal (catalog:edit), approve or send back either (catalog:approve).
 */
@Controller
class CatalogueConsole {

    private final Catalogue catalogue;
    private final java.time.Clock clock;
    private final int noticeDays;

    CatalogueConsole(Catalogue catalogue, java.time.Clock clock,
                     @org.springframework.beans.factory.annotation.Value("${chengxin.catalog.notice-days:30}")
                     int noticeDays) {
        this.catalogue = catalogue;
        this.clock = clock;
        this.noticeDays = noticeDays;
    }

    @RequiresPermission(Permission.CONSOLE_HOME)
    @GetMapping("/console/catalog")
    String list(Model model) {
        model.addAttribute("items", catalogue.withVersionsInPreparation());
        return "console/catalog";
    }

    @RequiresPermission(Permission.CONSOLE_HOME)
    @GetMapping("/console/catalog/{code}")
    String detail(@PathVariable String code, Model model) {
        List<CatalogueItem> history = catalogue.history(code);
        if (history.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("code", code);
        model.addAttribute("history", history);
        model.addAttribute("active", history.stream().filter(i -> i.status() == CatalogueItem.Status.ACTIVE)
                .findFirst().orElse(null));
        CatalogueItem preparing = history.stream().filter(i -> i.status() == CatalogueItem.Status.DRAFT
                || i.status() == CatalogueItem.Status.PENDING).findFirst().orElse(null);
        model.addAttribute("preparing", preparing);
        model.addAttribute("scheduled", history.stream().filter(i -> i.status() == CatalogueItem.Status.SCHEDULED)
                .findFirst().orElse(null));
        // The pending version's change of the rows and the day proposed for it (gaps review xxxvii-api R4).
        if (preparing != null && preparing.status() == CatalogueItem.Status.PENDING) {
            model.addAttribute("pendingChange", catalogue.changeOf(preparing));
            model.addAttribute("proposedEffectiveFrom", catalogue.proposedEffectiveDate(preparing));
        }
        model.addAttribute("today", java.time.LocalDate.now(clock));
        model.addAttribute("noticeDays", noticeDays);
        java.util.Map<Integer, List<cn.chengxin.catalog.ChangeNotice>> told = new java.util.HashMap<>();
        history.stream().filter(i -> i.changeSeq() != null && (i.status() == CatalogueItem.Status.SCHEDULED
                || i.status() == CatalogueItem.Status.ACTIVE))
                .forEach(i -> told.put(i.version(), catalogue.toldOf(i.changeSeq())));
        model.addAttribute("told", told);
        model.addAttribute("rejected", history.get(0).status() == CatalogueItem.Status.REJECTED ? history.get(0)
                : null);
        // A new item whose only drafts were given up: nothing in force nor in preparation, yet drafted again here.
        model.addAttribute("discarded", history.get(0).status() == CatalogueItem.Status.DISCARDED
                && history.stream().noneMatch(i -> i.status() == CatalogueItem.Status.ACTIVE) ? history.get(0) : null);
        model.addAttribute("departments", catalogue.departments());
        model.addAttribute("withdrawalKinds", Withdrawal.Kind.values());
        return "console/catalog-item";
    }

    /**
     * One version as it was, read-only: what an old version said and who proposed and approved it, for whoever may
     * read the item (an auditor retracing what records were collected by).
     */
    @RequiresPermission(Permission.CONSOLE_HOME)
    @GetMapping("/console/catalog/{code}/v/{version}")
    String version(@PathVariable String code, @PathVariable int version, Model model) {
        CatalogueItem shown = catalogue.history(code).stream().filter(i -> i.version() == version).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("code", code);
        model.addAttribute("shown", shown);
        model.addAttribute("departments", catalogue.departments());
        return "console/catalog-version";
    }

    @RequiresPermission(Permission.CATALOG_EDIT)
    @GetMapping("/console/catalog/new")
    String create(Model model) {
        return form(model, new ItemForm(), List.of(), true);
    }

    @RequiresPermission(Permission.CATALOG_EDIT)
    @GetMapping("/console/catalog/{code}/edit")
    String edit(@PathVariable String code, Model model, RedirectAttributes redirect) {
        List<CatalogueItem> history = catalogue.history(code);
        if (history.stream().anyMatch(CatalogueItem::withdrawn)) {
            redirect.addFlashAttribute("failureCode", "ITEM_WITHDRAWN");
            redirect.addFlashAttribute("failure", "该事项已废止，不能再修改");
            return "redirect:/console/catalog/" + code;
        }
        return EditBase.of(history).map(base -> form(model, base, List.of(), false))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** A refusal shows the form again (422: nothing was saved), with the problems and what was typed. */
    @RequiresPermission(Permission.CATALOG_EDIT)
    @PostMapping("/console/catalog/draft")
    String saveDraft(@ModelAttribute("item") ItemForm form, @RequestParam(defaultValue = "false") boolean creating,
                     Model model, HttpServletResponse response, RedirectAttributes redirect) {
        List<ItemRules.Violation> problems = new ArrayList<>();
        ItemDefinition definition = form.toDefinition(problems);
        if (!problems.isEmpty()) {
            return refused(model, response, form, problems, creating);
        }
        try {
            if (creating && !catalogue.history(definition.code()).isEmpty()) {
                return refused(model, response, form, List.of(new ItemRules.Violation("ITEM_EXISTS", "code",
                        "事项代码已存在，请在该事项页面修改")), true);
            }
            catalogue.draft(definition, form.getChangeNote());
        } catch (CatalogueViolations violations) {
            return refused(model, response, form, violations.violations(), creating);
        } catch (TypedText.HoldsIdentityNumber refused) {
            // As typed, any number masked: the maker corrects the text rather than types the item again.
            form.setName(TypedText.shownAgain(form.getName()));
            form.setLegalBasis(TypedText.shownAgain(form.getLegalBasis()));
            form.setDescription(TypedText.shownAgain(form.getDescription()));
            form.setChangeNote(TypedText.shownAgain(form.getChangeNote()));
            form.setFields(TypedText.shownAgain(form.getFields()));
            return refused(model, response, form, List.of(new ItemRules.Violation(refused.code(), refused.field(),
                    refused.getMessage())), creating);
        } catch (RuntimeException e) {
            if (!(e instanceof DomainProblem problem)) {
                throw e;
            }
            return refused(model, response, form, List.of(new ItemRules.Violation(problem.code(), "",
                    problem.getMessage())), creating);
        }
        redirect.addFlashAttribute("successKey", "catalog.draftSaved");
        return "redirect:/console/catalog/" + definition.code();
    }

    /** The item's form shown again with what stopped it: 422, the item having been left as it was. */
    private String refused(Model model, HttpServletResponse response, ItemForm form,
                           List<ItemRules.Violation> problems, boolean creating) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return form(model, form, problems, creating);
    }

    @RequiresPermission(Permission.CATALOG_EDIT)
    @PostMapping("/console/catalog/{code}/submit")
    String submit(@PathVariable String code, RedirectAttributes redirect) {
        return act(redirect, code, "catalog.submitted", () -> catalogue.submit(code));
    }

    @RequiresPermission(Permission.CATALOG_EDIT)
    @PostMapping("/console/catalog/{code}/discard")
    String discard(@PathVariable String code, @RequestParam(defaultValue = "") String note,
                   RedirectAttributes redirect, HttpServletResponse response, Model model) {
        return act(redirect, code, "catalog.discarded", () -> catalogue.discard(code, note),
                new TypedAction("discard", note, ""), response, model);
    }

    /**
     * Proposes the withdrawal; {@code kind} says why (the form asks; a client that does not send it proposes a
     * revision's, as every withdrawal was before the kind was asked).
     */
    @RequiresPermission(Permission.CATALOG_EDIT)
    @PostMapping("/console/catalog/{code}/withdraw")
    String withdraw(@PathVariable String code, @RequestParam(defaultValue = "") String reason,
                    @RequestParam(defaultValue = "") String basis,
                    @RequestParam(defaultValue = "REVISION") Withdrawal.Kind kind, RedirectAttributes redirect,
                    HttpServletResponse response, Model model) {
        return act(redirect, code, "catalog.withdrawalProposed",
                () -> catalogue.proposeWithdrawal(code, reason, basis, kind),
                new TypedAction("withdraw", reason, basis, kind.name()), response, model);
    }

    /**
     * Approves the version the page showed the checker ({@code version}), never whichever is pending by then, in force
     * from {@code effectiveFrom} (absent: at once; gaps review xxxvii-api R4).
     */
    @RequiresPermission(Permission.CATALOG_APPROVE)
    @PostMapping("/console/catalog/{code}/approve")
    String approve(@PathVariable String code, @RequestParam int version, @RequestParam(defaultValue = "") String note,
                   @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(
                           iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
                   java.time.LocalDate effectiveFrom,
                   RedirectAttributes redirect, HttpServletResponse response, Model model) {
        boolean withdrawal = catalogue.history(code).stream()
                .anyMatch(i -> i.version() == version && i.withdrawal() != null);
        boolean later = !withdrawal && effectiveFrom != null && effectiveFrom.isAfter(java.time.LocalDate.now(clock));
        return act(redirect, code, withdrawal ? "catalog.withdrawalApproved"
                        : later ? "catalog.approvedScheduled" : "catalog.approved",
                () -> catalogue.approve(code, version, note, effectiveFrom), new TypedAction("approve", note, ""),
                response, model);
    }

    @RequiresPermission(Permission.CATALOG_APPROVE)
    @PostMapping("/console/catalog/{code}/reject")
    String reject(@PathVariable String code, @RequestParam int version, @RequestParam(defaultValue = "") String note,
                  RedirectAttributes redirect, HttpServletResponse response, Model model) {
        return act(redirect, code, "catalog.rejected", () -> catalogue.reject(code, version, note),
                new TypedAction("reject", note, ""), response, model);
    }

    /**
     * Proposes cancelling the scheduled version the page showed ({@code version}) before it takes effect (gaps review
     * xxxvii-api R4); another person approves or sends it back.
     */
    @RequiresPermission(Permission.CATALOG_EDIT)
    @PostMapping("/console/catalog/{code}/cancel")
    String proposeCancellation(@PathVariable String code, @RequestParam int version,
                               @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect,
                               HttpServletResponse response, Model model) {
        return act(redirect, code, "catalog.cancellationProposed",
                () -> catalogue.proposeCancellation(code, version, reason), new TypedAction("cancel", reason, ""),
                response, model);
    }

    @RequiresPermission(Permission.CATALOG_APPROVE)
    @PostMapping("/console/catalog/{code}/cancel/approve")
    String approveCancellation(@PathVariable String code, @RequestParam int version, RedirectAttributes redirect) {
        return act(redirect, code, "catalog.cancelled", () -> catalogue.approveCancellation(code, version));
    }

    @RequiresPermission(Permission.CATALOG_APPROVE)
    @PostMapping("/console/catalog/{code}/cancel/reject")
    String rejectCancellation(@PathVariable String code, @RequestParam int version,
                              @RequestParam(defaultValue = "") String note, RedirectAttributes redirect,
                              HttpServletResponse response, Model model) {
        return act(redirect, code, "catalog.cancellationRejected",
                () -> catalogue.rejectCancellation(code, version, note), new TypedAction("cancelReject", note, ""),
                response, model);
    }

    private String act(RedirectAttributes redirect, String code, String successKey, Runnable action) {
        ConsoleActions.flash(redirect, successKey, action);
        return "redirect:/console/catalog/" + code;
    }

    /**
     * As {@link #act(RedirectAttributes, String, String, Runnable)}, except that a text refused for the identity
     * number it holds (RULES.md §10) shows the item again with the refusal beside the field and what was typed, masked
     * (422: the item was left as it was).
     */
    private String act(RedirectAttributes redirect, String code, String successKey, Runnable action,
                       TypedAction typed, HttpServletResponse response, Model model) {
        try {
            action.run();
        } catch (TypedText.HoldsIdentityNumber refused) {
            ConsoleActions.showRefusal(model, response, refused);
            model.addAttribute("typed", new TypedAction(typed.form(), TypedText.shownAgain(typed.text()),
                    TypedText.shownAgain(typed.basis()), typed.kind()));
            return detail(code, model);
        } catch (RuntimeException e) {
            ConsoleActions.flashRefusal(redirect, e);
            return "redirect:/console/catalog/" + code;
        }
        redirect.addFlashAttribute("successKey", successKey);
        return "redirect:/console/catalog/" + code;
    }

    /**
     * What a reviewer or editor typed on the item's page: which form, its note or reason, and a withdrawal's basis and
     * kind.
     */
    record TypedAction(String form, String text, String basis, String kind) {

        TypedAction(String form, String text, String basis) {
            this(form, text, basis, null);
        }
    }

    private String form(Model model, ItemForm form, List<ItemRules.Violation> problems, boolean creating) {
        model.addAttribute("item", form);
        model.addAttribute("problems", problems);
        // The periods as they would be saved, blanks taken as the severity's defaults: any departure from the
        // national ones (RULES.md §4) is shown to the maker before it reaches the checker.
        model.addAttribute("departures", ItemDefinition.withDefaultPeriods(form.toDefinition(new ArrayList<>()))
                .nationalPeriodDepartures());
        model.addAttribute("creating", creating);
        model.addAttribute("subjectTypes", SubjectType.values());
        model.addAttribute("natures", Nature.values());
        model.addAttribute("categories", Category.values());
        model.addAttribute("domains", Domain.values());
        model.addAttribute("sharings", Sharing.values());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("cycles", UpdateCycle.values());
        model.addAttribute("repairRequirementKinds", RepairRequirement.values());
        model.addAttribute("fieldTypes", FieldType.values());
        model.addAttribute("departments", catalogue.providerChoices(form.getProviderCodes()));
        return "console/catalog-form";
    }
}
