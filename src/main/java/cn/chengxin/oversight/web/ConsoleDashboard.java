package cn.chengxin.oversight.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import cn.chengxin.account.ApiClients;
import cn.chengxin.account.CitizenAccountDesk;
import cn.chengxin.account.DepartmentProposals;
import cn.chengxin.account.RightsRequests;
import cn.chengxin.account.RoleProposals;
import cn.chengxin.account.StaffPrincipal;
import cn.chengxin.audit.QueryReviews;
import cn.chengxin.catalog.Catalogue;
import cn.chengxin.exchange.Exchange;
import cn.chengxin.listing.ExitProposals;
import cn.chengxin.listing.Listing;
import cn.chengxin.measures.MeasureCatalogue;
import cn.chengxin.oversight.CalendarEditing;
import cn.chengxin.oversight.DepartmentSupervision;
import cn.chengxin.oversight.ItemDeliveries;
import cn.chengxin.portal.ContentPublishing;
import cn.chengxin.scoring.Scoring;
import cn.chengxin.shared.calendar.WorkingDays;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import cn.chengxin.subject.CompletingBirthDates;
import cn.chengxin.subject.RenamingSubjects;
import cn.chengxin.subject.RequestedCorrections;
import cn.chengxin.subject.RegistryFigures;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 管理后台 工作台: the first page staff see after signing in. */
@RequiresPermission(Permission.CONSOLE_HOME)
@Controller
class ConsoleDashboard {

    private final RegistryFigures figures;
    private final cn.chengxin.objection.Objections objections;
    private final cn.chengxin.repair.Repairs repairs;
    private final cn.chengxin.scoring.ScoreReviews scoreReviews;
    private final WorkingDays workingDays;
    private final ItemDeliveries deliveries;
    private final DepartmentSupervision supervision;
    private final Clock clock;
    private final SecondPersonQueues queues;
    private final QueryReviews queryReviews;
    private final OfficeRequests officeRequests;

    /**
     * The requests about their own information persons make of the credit office, each held to a deadline (review xlvi
     * AA3, AA4 rest): the personal-information requests (answered as objections are, objection:handle) and the
     * registry correction requests (decided by the subject reviewers, subject:amend:review).
     */
    record OfficeRequests(RightsRequests rights, RequestedCorrections corrections) {
    }

    /** The modules whose proposals wait for a second person (maker-checker, issue #5, RULES.md §10). */
    record SecondPersonQueues(Listing listing, ExitProposals exits, MeasureCatalogue measures, Catalogue catalogue,
                              CalendarEditing calendar, ContentPublishing content, CompletingBirthDates birthDates,
                              RenamingSubjects names, ApiClients apiClients, DepartmentProposals departments,
                              RoleProposals roles, CitizenAccountDesk citizenAccounts, Scoring scoring,
                              Exchange exchange) {
    }

    /**
     * One queue waiting for the signed-in staff member on 工作台 (finding K6): how many, how many past their deadline,
     * the earliest deadline (null: none shown), and where to act; {@code warning}: shown as a warning though none is
     * overdue (keys about to expire).
     */
    record Waiting(String id, String key, String href, long count, long overdue, LocalDate due, boolean warning) {

        static Waiting of(String id, String key, String href, long count) {
            return new Waiting(id, key, href, count, 0, null, false);
        }
    }

    ConsoleDashboard(RegistryFigures figures, cn.chengxin.objection.Objections objections,
                     cn.chengxin.repair.Repairs repairs, cn.chengxin.scoring.ScoreReviews scoreReviews,
                     WorkingDays workingDays, ItemDeliveries deliveries, DepartmentSupervision supervision,
                     Clock clock, Listing listing, ExitProposals exits, MeasureCatalogue measures,
                     Catalogue catalogue, CalendarEditing calendar, ContentPublishing content,
                     CompletingBirthDates birthDates, RenamingSubjects names, ApiClients apiClients,
                     DepartmentProposals departments, RoleProposals roles, CitizenAccountDesk citizenAccounts,
                     Scoring scoring, Exchange exchange, QueryReviews queryReviews, RightsRequests rightsRequests,
                     RequestedCorrections corrections) {
        this.officeRequests = new OfficeRequests(rightsRequests, corrections);
        this.figures = figures;
        this.objections = objections;
        this.repairs = repairs;
        this.scoreReviews = scoreReviews;
        this.workingDays = workingDays;
        this.deliveries = deliveries;
        this.supervision = supervision;
        this.clock = clock;
        this.queues = new SecondPersonQueues(listing, exits, measures, catalogue, calendar, content, birthDates, names,
                apiClients, departments, roles, citizenAccounts, scoring, exchange);
        this.queryReviews = queryReviews;
    }

    @GetMapping("/console")
    String dashboard(Authentication authentication, Model model) {
        // The registry's figures as last counted, never a scan per view (gaps-review-xxxv P1).
        model.addAttribute("figures", figures.kept().orElse(null));
        // Overdue objections are escalated to the credit office here, on the first page it sees (RULES.md §5).
        var objectionWork = objections.workload();
        var repairWork = repairs.workload();
        var reviewWork = scoreReviews.workload();
        model.addAttribute("objections", objectionWork);
        model.addAttribute("repairs", repairWork);
        model.addAttribute("scoreReviews", reviewWork);
        long overdueToSupervise = 0;
        // Items whose department fell silent beyond their update cycle (RULES.md §12, finding H10), for whoever
        // supervises the departments.
        if (authentication != null && has(authentication, Permission.OVERSIGHT_SUPERVISE)) {
            long itemsOverdue = deliveries.overdue();
            // Measures to be lifted at exit that a department has not confirmed in time (H3, RULES.md §7).
            long liftsOverdue = supervision.liftsOverdue();
            model.addAttribute("itemsOverdue", itemsOverdue);
            model.addAttribute("liftsOverdue", liftsOverdue);
            overdueToSupervise = itemsOverdue + liftsOverdue;
        }
        List<Waiting> waiting = authentication != null
                && authentication.getPrincipal() instanceof StaffPrincipal staff ? waitingFor(staff, authentication)
                : List.of();
        model.addAttribute("waitingWork", waiting);
        // Said in words when nothing waits (finding K6), so that an empty 待我处理 is not read as a page that failed.
        boolean officeWork = authentication != null
                && (has(authentication, Permission.OBJECTION_HANDLE)
                        && (objectionWork.open() > 0 || reviewWork.open() > 0)
                    || has(authentication, Permission.REPAIR_DECIDE) && repairWork.open() > 0);
        model.addAttribute("nothingWaits", waiting.isEmpty() && !officeWork && overdueToSupervise == 0);
        // Every deadline in working days is provisional while its year's holiday schedule is missing: say so to all.
        model.addAttribute("missingSchedules", workingDays.calendar().missingSchedules(LocalDate.now(clock)));
        return "console/home";
    }

    /**
     * What waits for this staff member, one line per queue they can act on that holds something (finding K6): for a
     * providing department, the routed objections it must answer in 3 working days and the corrections it owes
     * (RULES.md §5), and the measures it must confirm lifted at exit (RULES.md §7, H3); for the second person of each
     * maker-checker pair (issue #5, RULES.md §10), the proposals another made; for the key administrators, the keys
     * expiring within 30 days and those usable from any address with no reason given (M7). Each count is read through
     * its module's API, from an index or a short queue.
     */
    private List<Waiting> waitingFor(StaffPrincipal staff, Authentication authentication) {
        List<Waiting> waiting = new ArrayList<>();
        String department = staff.departmentCode();
        String id = staff.actorId();
        String name = staff.actorName();
        if (has(authentication, Permission.OBJECTION_ANSWER) && department != null) {
            var owed = objections.departmentWorkload(department);
            waiting.add(new Waiting("waiting-answers", "home.waiting.answers", "/console/objection-answers",
                    owed.answers(), owed.answersOverdue(), owed.answersDue(), false));
            waiting.add(new Waiting("waiting-corrections", "home.waiting.corrections",
                    "/console/objection-answers#corrections-owed", owed.corrections(), owed.correctionsOverdue(),
                    owed.correctionsDue(), false));
        }
        if (has(authentication, Permission.MEASURE_LIFTED) && department != null) {
            var lifts = supervision.liftsOf(department);
            waiting.add(new Waiting("waiting-lifts", "home.waiting.lifts", "/console/measures-lifted", lifts.open(),
                    lifts.overdue(), null, false));
        }
        // A providing department is told of each approved change of its items until someone of it reads it (R4).
        if (has(authentication, Permission.RECORD_SUBMIT) && department != null) {
            waiting.add(new Waiting("waiting-catalogue-changes", "home.waiting.catalogueChanges",
                    "/console/catalog-changes", queues.catalogue().unreadChangeNotices(department), 0, null, true));
        }
        add(waiting, authentication, Permission.LIST_REVIEW, "waiting-list-proposals", "home.waiting.listProposals",
                "/console/lists?status=PROPOSED", () -> queues.listing().proposalsAwaiting(id));
        add(waiting, authentication, Permission.LIST_REVIEW, "waiting-list-exits", "home.waiting.listExits",
                "/console/lists#waiting-exits", () -> queues.exits().waitingFor(id));
        add(waiting, authentication, Permission.MEASURE_APPROVE, "waiting-list-rules", "home.waiting.listRules",
                "/console/list-rules", () -> queues.listing().rulesAwaiting(id));
        add(waiting, authentication, Permission.MEASURE_APPROVE, "waiting-measure-changes",
                "home.waiting.measureChanges", "/console/measures#pending-changes",
                () -> queues.measures().changesAwaiting(id));
        add(waiting, authentication, Permission.CATALOG_APPROVE, "waiting-catalogue", "home.waiting.catalogue",
                "/console/catalog", () -> queues.catalogue().awaitingApproval(name));
        add(waiting, authentication, Permission.CALENDAR_EDIT, "waiting-calendar", "home.waiting.calendar",
                "/console/calendar", () -> queues.calendar().awaiting(id));
        add(waiting, authentication, Permission.CONTENT_PUBLISH, "waiting-content", "home.waiting.content",
                "/console/content?status=PENDING", () -> queues.content().awaiting(name));
        add(waiting, authentication, Permission.SUBJECT_AMEND_REVIEW, "waiting-birth-dates",
                "home.waiting.birthDates", "/console/subjects/birth-dates", () -> queues.birthDates().awaiting(id));
        add(waiting, authentication, Permission.SUBJECT_AMEND_REVIEW, "waiting-names", "home.waiting.names",
                "/console/subjects/names", () -> queues.names().awaiting(id));
        // Requests persons made about their own information, with their deadlines (review xlvi AA3, AA4 rest).
        if (has(authentication, Permission.OBJECTION_HANDLE)) {
            var rights = officeRequests.rights().workload();
            waiting.add(new Waiting("waiting-rights-requests", "home.waiting.rightsRequests", "/console/rights-requests",
                    rights.open(), rights.overdue(), rights.firstDue(), false));
        }
        if (has(authentication, Permission.SUBJECT_AMEND_REVIEW)) {
            var corrections = officeRequests.corrections().workload();
            waiting.add(new Waiting("waiting-correction-requests", "home.waiting.correctionRequests",
                    "/console/subjects/names", corrections.open(), corrections.overdue(), corrections.firstDue(),
                    false));
        }
        add(waiting, authentication, Permission.ACCOUNT_API_CLIENT_MANAGE, "waiting-api-keys",
                "home.waiting.apiKeys", "/console/api-clients", () -> queues.apiClients().proposalsAwaiting(id));
        add(waiting, authentication, Permission.ACCOUNT_ROLE_MANAGE, "waiting-departments",
                "home.waiting.departments", "/console/roles", () -> queues.departments().awaiting(id));
        add(waiting, authentication, Permission.ACCOUNT_ROLE_MANAGE, "waiting-roles", "home.waiting.roles",
                "/console/roles#role-proposals", () -> queues.roles().awaiting(id));
        add(waiting, authentication, Permission.ACCOUNT_CITIZEN_MANAGE, "waiting-citizen-accounts",
                "home.waiting.citizenAccounts", "/console/citizen-accounts",
                () -> queues.citizenAccounts().awaiting(id));
        add(waiting, authentication, Permission.SCORING_APPROVE, "waiting-score-models", "home.waiting.scoreModels",
                "/console/scoring#models", () -> queues.scoring().modelsAwaiting(id));
        add(waiting, authentication, Permission.EXCHANGE_APPROVE, "waiting-list-files", "home.waiting.listFiles",
                "/console/exchange#list-loads", () -> queues.exchange().loadsAwaiting(id));
        if (has(authentication, Permission.ACCOUNT_API_CLIENT_MANAGE)) {
            long expiring = queues.apiClients().expiringSoon();
            waiting.add(new Waiting("waiting-keys-expiring", "home.waiting.keysExpiring", "/console/api-clients",
                    expiring, 0, null, true));
            // Keys answering from any address with no reason given (gaps review xxxi M7): each renewal names networks.
            waiting.add(new Waiting("waiting-keys-unrestricted", "home.waiting.keysUnrestricted",
                    "/console/api-clients", queues.apiClients().addressesUnexplained(), 0, null, true));
        }
        // The auditor reviews the staff's queries monthly (finding L5; RULES.md §10 查询使用登记和审查).
        if (has(authentication, Permission.AUDIT_READ) && queryReviews.due().isPresent()) {
            waiting.add(Waiting.of("waiting-query-review", "home.waiting.queryReview", "/console/audit/query-review",
                    1));
        }
        return waiting.stream().filter(w -> w.count() > 0).toList();
    }

    private static void add(List<Waiting> waiting, Authentication authentication, Permission permission, String id,
                            String key, String href, Supplier<Long> count) {
        if (has(authentication, permission)) {
            waiting.add(Waiting.of(id, key, href, count.get()));
        }
    }

    private static boolean has(Authentication authentication, Permission permission) {
        return authentication.getAuthorities().stream().anyMatch(a -> permission.code().equals(a.getAuthority()));
    }
}
