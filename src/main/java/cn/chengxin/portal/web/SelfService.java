package cn.chengxin.portal.web;

import cn.chengxin.account.CitizenPrincipal;
import cn.chengxin.audit.AccessHistory;
import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.audit.AuditResult;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import cn.chengxin.subject.SubjectRegistry;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * 个人中心: the citizen's own data, and "谁查询了我" with a proof for every access. Looking at one's own
 * data is itself recorded; asking for an access record that is not one's own is answered 404 (the same as
 * a record that does not exist) and recorded as denied.
 */
@Controller
@RequiresPermission(Permission.SELF_SERVICE)
class SelfService {

    static final int ACCESSES_PER_PAGE = 50;

    private final SubjectRegistry subjects;
    private final AccessHistory history;
    private final AuditLog audit;
    private final cn.chengxin.listing.Listing listing;
    private final cn.chengxin.listing.EntryProceedings entryProceedings;
    private final cn.chengxin.scoring.Scoring scoring;
    private final cn.chengxin.scoring.ScoreReviews scoreReviews;
    private final cn.chengxin.account.Notices notices;
    private final java.time.Clock clock;
    private final cn.chengxin.exchange.ReceivedEntries received;
    private final cn.chengxin.listing.ExitProposals exits;
    private final cn.chengxin.listing.ListNoticeReadings readings;
    private final cn.chengxin.account.ElectronicServiceAgreements eService;
    private final cn.chengxin.audit.LegacyAuditArchive legacyAudit;

    SelfService(SubjectRegistry subjects, AccessHistory history, AuditLog audit, cn.chengxin.listing.Listing listing,
                cn.chengxin.listing.EntryProceedings entryProceedings, cn.chengxin.scoring.Scoring scoring,
                cn.chengxin.account.Notices notices, java.time.Clock clock,
                cn.chengxin.scoring.ScoreReviews scoreReviews, cn.chengxin.exchange.ReceivedEntries received,
                cn.chengxin.listing.ExitProposals exits, cn.chengxin.listing.ListNoticeReadings readings,
                cn.chengxin.account.ElectronicServiceAgreements eService,
                cn.chengxin.audit.LegacyAuditArchive legacyAudit) {
        this.eService = eService;
        this.legacyAudit = legacyAudit;
        this.readings = readings;
        this.exits = exits;
        this.received = received;
        this.scoreReviews = scoreReviews;
        this.entryProceedings = entryProceedings;
        this.notices = notices;
        this.clock = clock;
        this.subjects = subjects;
        this.history = history;
        this.audit = audit;
        this.listing = listing;
        this.scoring = scoring;
    }

    /**
     * 我的信用分: score, grade, why (every contributing record), history, the notices of grade changes, the
     * benefits I qualify for now, my requests for human review and my choice about automated grading.
     */
    @GetMapping("/me/score")
    String score(@AuthenticationPrincipal CitizenPrincipal citizen, Model model) {
        audit.record(AuditEntry.of(AuditCategory.QUERY, "self.score").subject(citizen.subjectPseudonym())
                .purpose("本人查询", "国办发〔2016〕98号 本人查询"));
        model.addAttribute("score", scoring.scoreOf(citizen.subjectId()).orElse(null));
        model.addAttribute("inDispute", scoring.inDispute(citizen.subjectId()));
        model.addAttribute("history", scoring.history(citizen.subjectId()));
        model.addAttribute("gradeNotices", scoring.gradeNotices(citizen.subjectId()));
        model.addAttribute("benefits", scoring.benefitsOf(citizen.subjectId()));
        // PIPL Art. 24 (RULES.md §8): the person's own requests for human review and their refusal of automated grading.
        model.addAttribute("reviews", scoreReviews.of(citizen.subjectId()));
        model.addAttribute("reviewDays", scoreReviews.deadline().workingDays());
        model.addAttribute("gradingRefusedSince", scoreReviews.refusingAutomatedGradingSince(citizen.subjectId())
                .map(at -> at.atZone(clock.getZone())).orElse(null));
        return "me/score";
    }

    /**
     * 我的名单与告知: every entry about me (also those not public), those other platforms issued that bind me here
     * (其他平台认定, RULES.md §11: checks and benefits apply them; PIPL Art. 44), and every notice I was sent.
     */
    @GetMapping("/me/lists")
    String lists(@AuthenticationPrincipal CitizenPrincipal citizen, Model model) {
        audit.record(AuditEntry.of(AuditCategory.QUERY, "self.lists").subject(citizen.subjectPseudonym())
                .purpose("本人查询", "国办发〔2016〕98号 本人查询"));
        java.util.List<cn.chengxin.listing.ListEntry> entries = listing.entriesOf(citizen.subjectId());
        model.addAttribute("entries", entries);
        // A review or lawsuit pending against the record an entry rests on shows with the entry (RULES.md §5).
        model.addAttribute("recordProceedings", entryProceedings.onRecordsOf(entries));
        // Proof of correction filed in the notice period holds the entry while it waits (驻政办〔2017〕102号 四(三)).
        model.addAttribute("proofsWaiting", exits.proofsWaiting(entries.stream()
                .map(cn.chengxin.listing.ListEntry::id).toList()));
        model.addAttribute("received", received.of(citizen.subjectPseudonym()));
        // The notices owed are before the citizen now, in full: served by this read if the citizen agreed to electronic
        // service (《行政处罚法》第六十一条; Listing#readInSelfService), otherwise read to inform and the page says so.
        listing.readInSelfService(citizen.subjectId());
        model.addAttribute("eServiceInForce", eService.inForce(citizen.subjectId()).isPresent());
        java.util.List<cn.chengxin.listing.ListNotice> notices = listing.noticesOf(citizen.subjectId());
        model.addAttribute("notices", notices);
        // G13: each 告知书 in the reader's language as well, beside the Chinese text that is the notice served.
        model.addAttribute("readings", readings.of(notices,
                org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        model.addAttribute("deliveries", listing.deliveriesOf(citizen.subjectId()));
        // An entry past its last day is listed nowhere though the night's job has not exited it: no objection form.
        model.addAttribute("today", java.time.LocalDate.now(clock));
        return "me/lists";
    }

    @GetMapping("/me")
    String home(@AuthenticationPrincipal CitizenPrincipal citizen, Model model) {
        audit.record(AuditEntry.of(AuditCategory.QUERY, "self.view").subject(citizen.subjectPseudonym())
                .purpose("本人查询", "国办发〔2016〕98号 本人查询"));
        model.addAttribute("profile", subjects.profile(citizen.subjectId()).orElseThrow());
        model.addAttribute("unreadNotices", notices.unread(citizen.subjectId()));
        return "me/home";
    }

    /**
     * 谁查询了我, a page at a time: the looks by others first, the citizen's own page views only when asked for
     * ({@code own}), older pages by {@code before} (the last seq shown).
     */
    @GetMapping("/me/access")
    String access(@AuthenticationPrincipal CitizenPrincipal citizen,
                  @RequestParam(defaultValue = "false") boolean own, @RequestParam(required = false) Long before,
                  Model model) {
        AccessHistory.Page page = history.page(citizen.subjectPseudonym(), own, before, ACCESSES_PER_PAGE);
        model.addAttribute("accesses", page.accesses());
        model.addAttribute("olderBefore", page.olderBefore());
        model.addAttribute("own", own);
        model.addAttribute("paged", before != null);
        // Gaps review xliii X8: on a platform that replaced an older one, from which day this page covers.
        model.addAttribute("coverage", legacyAudit.coverage().orElse(null));
        return "me/access";
    }

    @GetMapping("/me/access/{seq}")
    String proof(@AuthenticationPrincipal CitizenPrincipal citizen, @PathVariable long seq, Model model) {
        model.addAttribute("proof", ownProof(citizen, seq));
        return "me/access-proof";
    }

    @GetMapping(value = "/me/access/{seq}.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AccessHistory.Proof> proofJson(@AuthenticationPrincipal CitizenPrincipal citizen,
                                                  @PathVariable long seq) {
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"access-proof-" + seq + ".json\"")
                .body(ownProof(citizen, seq));
    }

    private AccessHistory.Proof ownProof(CitizenPrincipal citizen, long seq) {
        return history.proof(citizen.subjectPseudonym(), seq).orElseThrow(() -> {
            audit.record(AuditEntry.of(AuditCategory.SECURITY, "self.access.proof").result(AuditResult.DENIED)
                    .detail(AuditDetail.of("EVENT_NOT_OWN_OR_UNSEALED").with("event", seq)));
            return new ResponseStatusException(HttpStatus.NOT_FOUND);
        });
    }
}
