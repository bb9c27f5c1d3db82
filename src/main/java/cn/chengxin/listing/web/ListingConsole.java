package cn.chengxin.listing.web;

import cn.chengxin.shared.web.NumberSearches;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.chengxin.account.StaffDirectory;
import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.creditfile.RecordProceeding;
import cn.chengxin.listing.EntryProceedings;
import cn.chengxin.listing.EntrySearch;
import cn.chengxin.listing.EntryStatus;
import cn.chengxin.listing.ExitProposal;
import cn.chengxin.listing.ExitProposals;
import cn.chengxin.listing.ListEntry;
import cn.chengxin.listing.ListNotice;
import cn.chengxin.listing.NoticeDelivery;
import cn.chengxin.listing.ListType;
import cn.chengxin.listing.Listing;
import cn.chengxin.listing.RuleVersion;
import cn.chengxin.listing.domain.EntryLifecycle;
import cn.chengxin.listing.domain.ExitGround;
import cn.chengxin.listing.domain.ListRule;
import cn.chengxin.listing.domain.SeriousGround;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import cn.chengxin.shared.web.ConsoleActions;
import cn.chengxin.shared.web.TypedReview;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.IdentityDocument;
import cn.chengxin.subject.domain.InvalidIdentityException;
import cn.chengxin.subject.domain.TypedText;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
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
 * 名单管理 in the console: entries by status (a department its own, the credit office's reviewers all), a
 * department's proposal, the review (list:review: never one's own proposal), exit (proposed by one reviewer,
 * decided by another); and the entry rules
 * (measure:edit), edited as new versions that another person puts in force (measure:approve).
 */
@Controller
class ListingConsole {

    /** Entries per page unless the reviewer asks for another size (bounded by {@link Listing#MAX_PAGE_SIZE}). */
    static final int PAGE_SIZE = 50;

    private final Listing listing;
    private final ExitProposals exits;
    private final EntryProceedings proceedings;
    private final SubjectRegistry subjects;
    private final StaffDirectory staff;
    private final AuditLog audit;
    private final Clock clock;
    private final cn.chengxin.listing.ListNoticeReadings readings;
    private final cn.chengxin.listing.ListMigrations migrations;

    ListingConsole(Listing listing, ExitProposals exits, EntryProceedings proceedings, SubjectRegistry subjects,
                   StaffDirectory staff, AuditLog audit, Clock clock, cn.chengxin.listing.ListNoticeReadings readings,
                   cn.chengxin.listing.ListMigrations migrations) {
        this.migrations = migrations;
        this.readings = readings;
        this.exits = exits;
        this.proceedings = proceedings;
        this.audit = audit;
        this.listing = listing;
        this.subjects = subjects;
        this.staff = staff;
        this.clock = clock;
    }

    /**
     * The entries, filtered: its proposers' page and its reviewers' (maker-checker, RULES.md §10: the checker need
     * not be a maker), who see no proposal form unless they may propose too. A look-up by number comes as the token
     * of the staff member's session that {@link #search} made ({@code search}); a number written into the URL itself
     * is not looked up.
     */
    @RequiresPermission({Permission.LIST_PROPOSE, Permission.LIST_REVIEW})
    @GetMapping("/console/lists")
    String list(@RequestParam(required = false) EntryStatus status, @RequestParam(required = false) ListType type,
                @RequestParam(defaultValue = "") String rule, @RequestParam(defaultValue = "") String q,
                @RequestParam(defaultValue = "") String search, @RequestParam(defaultValue = "") String after,
                @RequestParam(defaultValue = "") String before, @RequestParam(defaultValue = "" + PAGE_SIZE) int size,
                HttpServletRequest request, Model model) {
        EntryQuery query;
        if (!search.isBlank()) {
            query = NumberSearches.find(request.getSession(false), search.strip(), clock.instant())
                    .map(found -> EntryQuery.byNumber(found, search.strip()))
                    .orElseGet(() -> EntryQuery.refused("lists.searchExpired"));
        } else if (EntryQuery.looksLikeNumber(q)) {
            query = EntryQuery.refused("lists.numberNotInUrl");
        } else {
            query = EntryQuery.name(q);
        }
        return show(status, type, rule, query, after, before, size, model);
    }

    /**
     * The search box: a name is searched by a link that carries it; a number is looked up now — audited once, as
     * a look at the person's data that they see (谁查询了我) — and kept in the session, its pages reached by a token.
     * The list's search box, so its reviewers' as well as its proposers'.
     */
    @RequiresPermission({Permission.LIST_PROPOSE, Permission.LIST_REVIEW})
    @PostMapping("/console/lists/search")
    String search(@RequestParam(required = false) EntryStatus status, @RequestParam(required = false) ListType type,
                  @RequestParam(defaultValue = "") String rule, @RequestParam(defaultValue = "") String q,
                  @RequestParam(required = false) DocumentType documentType,
                  @RequestParam(defaultValue = "" + PAGE_SIZE) int size, HttpSession session, Model model) {
        // With a document type named, or any digit typed (a passport number, a mistyped one), it is a number.
        if (documentType == null && !EntryQuery.looksLikeNumber(q)) {
            return "redirect:" + pageUrl(status, type, ruleCode(rule), EntryQuery.name(q), size);
        }
        IdentityDocument document;
        try {
            document = subjects.validate(documentType, q.strip());
        } catch (InvalidIdentityException e) {
            return show(status, type, rule, EntryQuery.invalidNumber(e.getMessage()), "", "", size, model);
        }
        String pseudonym = subjects.pseudonymOf(document);
        audit.record(AuditEntry.of(AuditCategory.QUERY, "listing.search").subject(pseudonym)
                .purpose("名单认定审核", "国办发〔2020〕49号"));
        NumberSearches.Found found = new NumberSearches.Found(pseudonym, document.masked(), clock.instant());
        String token = NumberSearches.keep(session, found);
        return "redirect:" + pageUrl(status, type, ruleCode(rule), EntryQuery.byNumber(found, token), size);
    }

    /** The page of entries from the key {@code after} or {@code before} on (gaps review xxxv P6 rest: by key). */
    private String show(EntryStatus status, ListType type, String rule, EntryQuery query, String after, String before,
                        int size, Model model) {
        String ruleCode = ruleCode(rule);
        Listing.EntryPage result = query.searchesNothing() ? Listing.EntryPage.empty(PAGE_SIZE)
                : listing.entries(new EntrySearch(status, type, ruleCode, query.name(), query.pseudonym(),
                        departmentSeen()), after, before, size);
        model.addAttribute("result", result);
        model.addAttribute("entries", result.entries());
        model.addAttribute("query", query);
        model.addAttribute("pageUrl", pageUrl(status, type, ruleCode, query, result.size()));
        model.addAttribute("departments", listing.departmentNames());
        model.addAttribute("status", status);
        model.addAttribute("type", type);
        model.addAttribute("rule", ruleCode);
        model.addAttribute("rules", listing.rules());
        model.addAttribute("statuses", EntryStatus.values());
        model.addAttribute("types", ListType.values());
        model.addAttribute("grounds", SeriousGround.values());
        model.addAttribute("documentTypes", DocumentType.values());
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("today", today);
        model.addAttribute("validFrom", today.plusDays(1));
        model.addAttribute("validTo", today.plus(EntryLifecycle.LONGEST_MANUAL_VALIDITY));
        // The reviewers' queue of exits by hand waiting for a second person (issue #5), beside the proposals'.
        model.addAttribute("waitingExits", departmentSeen() == null ? exits.waiting() : List.of());
        return "console/lists";
    }

    /**
     * Whose entries the signed-in staff member sees: {@code null} (every department's) for the credit office's
     * reviewers, who decide them all; else only their own department's — the entries its records or its staff
     * proposed. Subjects, facts and reasons of another department's entries are not a department's business
     * (data scope by department, RULES.md §10); without a department, none.
     */
    private static String departmentSeen() {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        if (who != null && who.getAuthorities().stream()
                .anyMatch(a -> Permission.LIST_REVIEW.code().equals(a.getAuthority()))) {
            return null;
        }
        String department = AuditLog.currentActor().departmentCode();
        return department == null ? "" : department;
    }

    private static String ruleCode(String rule) {
        return rule.strip().length() > 100 ? rule.strip().substring(0, 100) : rule.strip();
    }

    /**
     * The list with the same filters, for the paging links: a name searched for travels as typed, a number as its
     * look-up's token only.
     */
    private static String pageUrl(EntryStatus status, ListType type, String ruleCode, EntryQuery query, int size) {
        return UriComponentsBuilder.fromPath("/console/lists")
                .queryParam("status", status == null ? "" : status.name())
                .queryParam("type", type == null ? "" : type.name())
                .queryParam("rule", ruleCode).queryParam("q", query.text())
                .queryParam("search", query.token() == null ? "" : query.token())
                .queryParam("size", size).build().encode().toUriString();
    }

    /** The entry, where its reviewers decide it: theirs as well as its proposers'. Audited as a look at the person. */
    @RequiresPermission({Permission.LIST_PROPOSE, Permission.LIST_REVIEW})
    @GetMapping("/console/lists/{id}")
    String entry(@PathVariable UUID id, Model model) {
        String department = departmentSeen();
        // Another department's entry is as absent as an unknown one: its existence is not theirs to learn either.
        ListEntry entry = listing.entry(id).filter(e -> department == null || department.equals(e.departmentCode()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        // The page shows the person's facts, reasons and notices: a look at their data that they see (谁查询了我),
        // audited as a look-up by number is.
        audit.record(AuditEntry.of(AuditCategory.QUERY, "listing.view").subject(entry.subjectPseudonym())
                .purpose("名单认定审核", "国办发〔2020〕49号"));
        model.addAttribute("entry", entry);
        model.addAttribute("ageJudgedOn", listing.ageJudgedOn(entry).orElse(null));
        // Decided by the older system and migrated (X2): its history there, the notice it served and when.
        model.addAttribute("migratedFrom", migrations.migratedFrom(id).orElse(null));
        model.addAttribute("linkedCopy", listing.restsOnLinkedCopy(entry));
        // Who proposed and who reviewed by their names: the entry keeps account ids, which tell a reader nothing.
        model.addAttribute("proposerName", staff.displayName(entry.proposedBy()).orElse(null));
        model.addAttribute("reviewerName", entry.reviewedBy() == null ? null
                : staff.displayName(entry.reviewedBy()).orElse(null));
        // Maker-checker: the proposer is told who must decide instead of being offered a decision refused on sending.
        model.addAttribute("ownProposal", entry.proposedBy().equals(AuditLog.currentActor().actorId()));
        model.addAttribute("entryName", listing.namesOf(List.of(entry)).get(entry.id()));
        List<cn.chengxin.listing.ListNotice> notices = listing.noticesOfEntry(id);
        model.addAttribute("notices", notices);
        // G13: an English reader reads each 告知书 in English too, beside the Chinese text served and printed.
        model.addAttribute("readings", readings.of(notices,
                org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        model.addAttribute("deliveries", listing.deliveriesOfEntry(id));
        model.addAttribute("channels", java.util.Arrays.stream(NoticeDelivery.Channel.values())
                .filter(NoticeDelivery.Channel::recordedByStaff).toList());
        model.addAttribute("announcementDays", listing.announcementDays());
        model.addAttribute("departments", listing.departmentNames());
        model.addAttribute("proceedings", proceedings.of(id));
        model.addAttribute("recordProceedings", proceedings.onRecordsOf(List.of(entry)).getOrDefault(id, List.of()));
        model.addAttribute("proceedingKinds", RecordProceeding.Kind.values());
        model.addAttribute("mayFlagProceeding", EntryProceedings.mayBeFlagged(entry));
        exitModel(entry, model);
        return "console/list-entry";
    }

    /**
     * 待送达告知书: the prior and exit notices not yet served (RULES.md §7), of the entries the staff member handles —
     * a department its own, the credit office's reviewers all — the longest waiting first, each with its printable
     * form and the form recording its service. Paged by key ({@code after}: the last notice of the page before; one
     * that is not a notice's id starts from the first page).
     */
    @RequiresPermission({Permission.LIST_PROPOSE, Permission.LIST_REVIEW})
    @GetMapping("/console/lists/notices")
    String unservedNotices(@RequestParam(defaultValue = "") String after, Model model) {
        Listing.UnservedPage result = listing.unserved(departmentSeen(), noticeKey(after), PAGE_SIZE);
        model.addAttribute("result", result);
        model.addAttribute("departments", listing.departmentNames());
        model.addAttribute("channels", java.util.Arrays.stream(NoticeDelivery.Channel.values())
                .filter(NoticeDelivery.Channel::recordedByStaff).toList());
        model.addAttribute("announcementDays", listing.announcementDays());
        model.addAttribute("today", LocalDate.now(clock));
        return "console/list-notices";
    }

    private static UUID noticeKey(String after) {
        try {
            return after.isBlank() ? null : UUID.fromString(after.strip());
        } catch (IllegalArgumentException notAKey) {
            return null;
        }
    }

    /**
     * The notice as a printable document with its service receipt (送达回证), for service by post or in person. It
     * carries the person's name and facts: a look at their data, audited as the entry's page is.
     */
    @RequiresPermission({Permission.LIST_PROPOSE, Permission.LIST_REVIEW})
    @GetMapping("/console/lists/notices/{id}/print")
    String printNotice(@PathVariable UUID id, Model model) {
        ListNotice notice = handledNotice(id);
        ListEntry entry = listing.entry(notice.entryId()).orElseThrow();
        audit.record(AuditEntry.of(AuditCategory.QUERY, "listing.notice.print").subject(entry.subjectPseudonym())
                .purpose("告知书送达", "国办发〔2020〕49号"));
        model.addAttribute("notice", notice);
        model.addAttribute("entry", entry);
        model.addAttribute("deliveries", listing.deliveriesOfNotice(id));
        model.addAttribute("departments", listing.departmentNames());
        return "console/list-notice-print";
    }

    /** Records a service by post, in person or by announcement; audited in the subject's part of the log. */
    @RequiresPermission({Permission.LIST_PROPOSE, Permission.LIST_REVIEW})
    @PostMapping("/console/lists/notices/{id}/service")
    String recordService(@PathVariable UUID id, @RequestParam(required = false) NoticeDelivery.Channel channel,
                         @RequestParam(required = false) LocalDate day, @RequestParam(defaultValue = "") String note,
                         @RequestParam(defaultValue = "") String back, RedirectAttributes redirect) {
        ListNotice notice = handledNotice(id);
        ConsoleActions.flash(redirect, "lists.served", () -> listing.recordService(id, channel, day, note));
        return "entry".equals(back) ? "redirect:/console/lists/" + notice.entryId() : "redirect:/console/lists/notices";
    }

    /** A notice of an entry the staff member handles; another department's is as absent as an unknown one. */
    private ListNotice handledNotice(UUID id) {
        String department = departmentSeen();
        return listing.notice(id).filter(n -> listing.entry(n.entryId())
                        .filter(e -> department == null || department.equals(e.departmentCode())).isPresent())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /**
     * 行政复议/诉讼 pending against the entry itself, flagged by the credit office as on a record (RULES.md §5). A
     * refusal shows the entry again, the form holding what was typed.
     */
    @RequiresPermission(Permission.OBJECTION_HANDLE)
    @PostMapping("/console/lists/{id}/proceedings")
    String flagProceeding(@PathVariable UUID id, @RequestParam(required = false) RecordProceeding.Kind kind,
                          @RequestParam(defaultValue = "") String note, RedirectAttributes redirect,
                          HttpServletResponse response, Model model) {
        model.addAttribute("typedKind", kind);
        return decide(id, new TypedDecision("proceeding", note), "lists.proceedingFlagged",
                () -> proceedings.flag(id, kind, note), redirect, response, model);
    }

    /**
     * Clears a pending flag with the proceeding's outcome; named by the flag alone, as a record's is, and answered
     * with the page of the entry it is on (an unknown flag: 404, as an unknown entry).
     */
    @RequiresPermission(Permission.OBJECTION_HANDLE)
    @PostMapping("/console/lists/proceedings/{id}/clear")
    String clearProceeding(@PathVariable UUID id, @RequestParam(defaultValue = "") String outcome,
                           RedirectAttributes redirect, HttpServletResponse response, Model model) {
        UUID entry = proceedings.entryOf(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return decide(entry, new TypedDecision("clear-" + id, outcome), "lists.proceedingCleared",
                () -> proceedings.clear(id, outcome), redirect, response, model);
    }

    /**
     * A refusal shows the list's page again (422, or its kind's status such as 404 for an unknown number), its form
     * holding the refusal and what was typed.
     */
    @RequiresPermission(Permission.LIST_PROPOSE)
    @PostMapping("/console/lists")
    String propose(@RequestParam String subjectNumber, @RequestParam(required = false) DocumentType documentType,
                   @RequestParam ListType type, @RequestParam(required = false) SeriousGround seriousGround,
                   @RequestParam String legalBasis, @RequestParam String reasons,
                   @RequestParam(required = false) LocalDate actDay,
                   @RequestParam(required = false) LocalDate validUntil, RedirectAttributes redirect,
                   HttpServletResponse response, Model model) {
        try {
            // The form first: a half-filled one tells nothing of whether the number is registered.
            listing.requireCompleteProposal(type, seriousGround, legalBasis, reasons, actDay, validUntil);
            // A passport or travel-permit holder is named with the type; without one the number is inferred.
            IdentityDocument document = subjects.validate(documentType, subjectNumber);
            // Whether the number is registered is a look at the person's data, audited as the search box's look-up.
            audit.record(AuditEntry.of(AuditCategory.QUERY, "listing.lookup").subject(subjects.pseudonymOf(document))
                    .purpose("名单认定建议", "国办发〔2020〕49号"));
            UUID subject = subjects.find(document).orElseThrow(() ->
                    new cn.chengxin.listing.ListingProblem("SUBJECT_UNKNOWN", DomainProblem.Kind.NOT_FOUND,
                            "信用主体库中没有该证件号码"));
            UUID id = listing.propose(subject, type, seriousGround, legalBasis, reasons, actDay, validUntil);
            redirect.addFlashAttribute("successKey", "lists.proposed");
            return "redirect:/console/lists/" + id;
        } catch (RuntimeException e) {
            ConsoleActions.showRefusal(model, response, e);
            model.addAttribute("proposal", new ProposalInput(documentType, subjectNumber, type, seriousGround,
                    TypedText.shownAgain(legalBasis), TypedText.shownAgain(reasons), actDay, validUntil));
            return show(null, null, "", EntryQuery.name(""), "", "", PAGE_SIZE, model);
        }
    }

    @RequiresPermission(Permission.LIST_REVIEW)
    @PostMapping("/console/lists/{id}/approve")
    String approve(@PathVariable UUID id, @RequestParam(defaultValue = "") String note, RedirectAttributes redirect,
                   HttpServletResponse response, Model model) {
        return decide(id, new TypedDecision("approve", note), "lists.approved", () -> listing.approve(id, note),
                redirect, response, model);
    }

    @RequiresPermission(Permission.LIST_REVIEW)
    @PostMapping("/console/lists/{id}/reject")
    String reject(@PathVariable UUID id, @RequestParam(defaultValue = "") String note, RedirectAttributes redirect,
                  HttpServletResponse response, Model model) {
        return decide(id, new TypedDecision("reject", note), "lists.rejected", () -> listing.reject(id, note),
                redirect, response, model);
    }

    /**
     * The exits by hand (issue #5, RULES.md §7): the proposal waiting, with its proposer by name, and the decided ones;
     * whether the entry may be taken off here at all, as its record's issuer may decide its end instead.
     */
    private void exitModel(ListEntry entry, Model model) {
        ExitProposal pending = exits.pending(entry.id()).orElse(null);
        model.addAttribute("exitProposal", pending);
        model.addAttribute("exitProposerName", pending == null ? null
                : staff.displayName(pending.proposedBy()).orElse(pending.proposedBy()));
        model.addAttribute("ownExitProposal", pending != null
                && pending.proposedBy().equals(AuditLog.currentActor().actorId()));
        model.addAttribute("exitHistory", exits.ofEntry(entry.id()).stream()
                .filter(p -> p.status() != ExitProposal.Status.PENDING).toList());
        model.addAttribute("exitAuthority", exits.authorityToEnd(entry));
        model.addAttribute("exitGrounds", ExitGround.values());
    }

    /**
     * Proposes the exit: the entry stays in force until another reviewer decides (maker-checker, issue #5). A refusal
     * shows the entry again, the form holding what was typed.
     */
    @RequiresPermission(Permission.LIST_REVIEW)
    @PostMapping("/console/lists/{id}/exit")
    String exit(@PathVariable UUID id, @RequestParam(required = false) ExitGround ground,
                @RequestParam(defaultValue = "") String reference, @RequestParam(defaultValue = "") String reason,
                RedirectAttributes redirect, HttpServletResponse response, Model model) {
        model.addAttribute("typedGround", ground);
        model.addAttribute("typedReference", TypedText.shownAgain(reference));
        return decide(id, new TypedDecision("exit", reason), "lists.exitProposed",
                () -> exits.propose(id, ground, reference, reason), redirect, response, model);
    }

    /** Another reviewer approves the waiting exit: the entry ends now, with its exit notice. */
    @RequiresPermission(Permission.LIST_REVIEW)
    @PostMapping("/console/lists/{id}/exit/approve")
    String approveExit(@PathVariable UUID id, @RequestParam(defaultValue = "") String note,
                       RedirectAttributes redirect, HttpServletResponse response, Model model) {
        return decide(id, new TypedDecision("exit-approve", note), "lists.exited", () -> exits.approve(id, note),
                redirect, response, model);
    }

    /** Another reviewer rejects the waiting exit with reasons: the entry stays. */
    @RequiresPermission(Permission.LIST_REVIEW)
    @PostMapping("/console/lists/{id}/exit/reject")
    String rejectExit(@PathVariable UUID id, @RequestParam(defaultValue = "") String note,
                      RedirectAttributes redirect, HttpServletResponse response, Model model) {
        return decide(id, new TypedDecision("exit-reject", note), "lists.exitRejected", () -> exits.reject(id, note),
                redirect, response, model);
    }

    /**
     * What a reviewer typed into one of the entry's forms ({@code form}: approve, reject, exit, exit-approve,
     * exit-reject, proceeding, or clear-{id} for the outcome of a pending proceeding).
     */
    record TypedDecision(String form, String text) {
    }

    /**
     * A refusal shows the entry again (422, or its kind's status such as 409 for a stale form: nothing was decided),
     * its form holding the refusal and what was typed (a note is not typed twice); done, the entry is shown afresh.
     */
    private String decide(UUID id, TypedDecision typed, String successKey, Runnable action,
                          RedirectAttributes redirect, HttpServletResponse response, Model model) {
        try {
            action.run();
        } catch (RuntimeException e) {
            ConsoleActions.showRefusal(model, response, e);
            model.addAttribute("typed", new TypedDecision(typed.form(), TypedText.shownAgain(typed.text())));
            return entry(id, model);
        }
        redirect.addFlashAttribute("successKey", successKey);
        return "redirect:/console/lists/" + id;
    }

    /**
     * The rules, their history and the versions waiting for review: its editors' page and its reviewers' (issue #5:
     * the checker need not be a maker), who see no edit form unless they may edit too.
     */
    @RequiresPermission({Permission.MEASURE_EDIT, Permission.MEASURE_APPROVE})
    @GetMapping("/console/list-rules")
    String rules(@RequestParam(required = false) String code, @RequestParam(required = false) ListType type,
                 Model model) {
        return rulesPage(code, null, type, model);
    }

    /**
     * {@code typed}: what a refused save held, which the form shows instead of the version in force. A new rule's form
     * has {@code newType} chosen (the first list without one) and its notice days filled by the server, no script
     * needed: those its list usually gives, which a red or black rule may be saved with (RULES.md §7).
     */
    private String rulesPage(String code, ListRule typed, ListType newType, Model model) {
        List<ListRule> rules = listing.rules();
        model.addAttribute("rules", rules);
        model.addAttribute("types", ListType.values());
        model.addAttribute("grounds", SeriousGround.values());
        ListRule editing = code == null ? null : rules.stream().filter(r -> r.code().equals(code)).findFirst()
                .orElse(null);
        model.addAttribute("editing", editing);
        model.addAttribute("ruleForm", typed == null ? editing : typed);
        ListType newRuleType = newType == null ? ListType.values()[0] : newType;
        model.addAttribute("newRuleType", newRuleType);
        model.addAttribute("newRuleNoticeDays", ListRule.usualNoticeDays(newRuleType));
        model.addAttribute("usualNoticeDays", Arrays.stream(ListType.values())
                .collect(Collectors.toMap(ListType::name, ListRule::usualNoticeDays)));
        model.addAttribute("history", code == null ? List.of() : listing.ruleHistory(code));
        model.addAttribute("underway", listing.reevaluationsUnderway());
        List<RuleVersion> pending = listing.pendingRules();
        model.addAttribute("pending", pending);
        // What the reviewer approves, field by field beside the version in force (issue #5: no approval blind).
        Map<String, ListRule> inForce = rules.stream().collect(Collectors.toMap(ListRule::code, r -> r));
        model.addAttribute("comparisons", pending.stream().collect(Collectors.toMap(p -> p.rule().code(),
                p -> RuleComparison.of(inForce.get(p.rule().code()), p.rule()))));
        // Maker-checker: whoever saved a version is told another must review it, not offered a refused decision.
        model.addAttribute("me", AuditLog.currentActor().actorId());
        return "console/list-rules";
    }

    /**
     * A refusal shows the page again (422, or its kind's status such as 409 for a version waiting: nothing was saved),
     * its form holding the refusal and what was typed.
     */
    @RequiresPermission(Permission.MEASURE_EDIT)
    @PostMapping("/console/list-rules")
    String saveRule(@RequestParam String code, @RequestParam ListType type, @RequestParam String name,
                    @RequestParam String itemCodes, @RequestParam(required = false) String conditionField,
                    @RequestParam(required = false) BigDecimal conditionMin, @RequestParam String legalBasis,
                    @RequestParam(required = false) Integer validityMonths, @RequestParam(defaultValue = "0") int noticeDays,
                    @RequestParam String exitConditions, @RequestParam(defaultValue = "false") boolean enabled,
                    @RequestParam(required = false) SeriousGround seriousGround, RedirectAttributes redirect, HttpServletResponse response, Model model) {
        ListRule rule = new ListRule(code.strip().toUpperCase(), 0, type, name.strip(),
                Arrays.stream(itemCodes.split("[,，\\s]+")).map(String::strip).filter(s -> !s.isEmpty())
                        .collect(Collectors.toSet()),
                conditionField == null || conditionField.isBlank() ? null : conditionField.strip(), conditionMin,
                legalBasis.strip(), validityMonths, noticeDays, exitConditions.strip(), enabled, seriousGround);
        try {
            listing.proposeRule(rule);
        } catch (RuntimeException e) {
            ConsoleActions.showRefusal(model, response, e);
            return rulesPage(rule.code(), shownAgain(rule), null, model);
        }
        redirect.addFlashAttribute("successKey", "lists.ruleSaved");
        return "redirect:/console/list-rules?code=" + rule.code();
    }

    /** The rule as its form shows it again: its texts as typed, any identity number in them masked. */
    private static ListRule shownAgain(ListRule r) {
        return new ListRule(r.code(), r.version(), r.listType(), TypedText.shownAgain(r.name()), r.itemCodes(),
                r.conditionField(), r.conditionMin(), TypedText.shownAgain(r.legalBasis()), r.validityMonths(),
                r.noticeDays(), TypedText.shownAgain(r.exitConditions()), r.enabled(), r.seriousGround());
    }

    /** A second person puts the waiting version in force (measure:approve, never its maker: issue #5). */
    @RequiresPermission(Permission.MEASURE_APPROVE)
    @PostMapping("/console/list-rules/{code}/approve")
    String approveRule(@PathVariable String code, @RequestParam int version,
                       @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        cn.chengxin.shared.web.ConsoleActions.flash(redirect, "lists.ruleApproved",
                () -> listing.approveRule(code, version, note));
        return "redirect:/console/list-rules?code=" + code;
    }

    /** A refusal shows the page again, the version's send-back form holding the refusal and the note typed. */
    @RequiresPermission(Permission.MEASURE_APPROVE)
    @PostMapping("/console/list-rules/{code}/reject")
    String rejectRule(@PathVariable String code, @RequestParam int version,
                      @RequestParam(defaultValue = "") String note, RedirectAttributes redirect,
                      HttpServletResponse response, Model model) {
        try {
            listing.rejectRule(code, version, note);
        } catch (RuntimeException e) {
            ConsoleActions.showRefusal(model, response, e);
            // The input's id as list-rules.html names the version's send-back form.
            model.addAttribute("typedReview", new TypedReview("reject-" + code, TypedText.shownAgain(note)));
            return rulesPage(code, null, null, model);
        }
        redirect.addFlashAttribute("successKey", "lists.ruleRejected");
        return "redirect:/console/list-rules?code=" + code;
    }
}
