package cn.chengxin.inquiry.web;

import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.chengxin.account.ElectronicServiceAgreements;
import cn.chengxin.account.RightsRequests;
import cn.chengxin.account.WindowPhoneCodes;
import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.audit.AuditResult;
import cn.chengxin.inquiry.Consents;
import cn.chengxin.inquiry.CounterPapers;
import cn.chengxin.inquiry.Reports;
import cn.chengxin.inquiry.domain.Consent;
import cn.chengxin.inquiry.domain.ConsentReview;
import cn.chengxin.inquiry.domain.CounterIdentityCheck;
import cn.chengxin.inquiry.domain.GuardianshipProof;
import cn.chengxin.inquiry.domain.InquiryProblem;
import cn.chengxin.inquiry.domain.Purpose;
import cn.chengxin.inquiry.domain.SeenDocument;
import cn.chengxin.shared.City;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.security.Actor;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import cn.chengxin.shared.web.ConsoleActions;
import cn.chengxin.shared.web.FileTransfers;
import cn.chengxin.subject.SubjectProfile;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 窗口查询 (gaps review xxiii F11): the credit office's window serves a person who cannot use self-service (no
 * smartphone, registration refused) or a child's guardian (RULES.md §6). The clerk types the number (posted, never
 * shown again), records the identity check and issues the person's own full report, counted against the free ones
 * (RULES.md §9), or records a consent for an institution, or withdraws one of the person's consents (gaps review
 * xxix K1; PIPL Art. 15). The report is printed here the same day only.
 */
@Controller
@RequiresPermission(Permission.INQUIRY_COUNTER)
class CounterReports {

    /** How long a check for a withdrawal lets the clerk withdraw the person's consents: the person at the window. */
    static final Duration CHECK_LIFETIME = Duration.ofMinutes(10);
    private static final String CHECKED = CounterReports.class.getName() + ".checked";
    private static final String PHONE_SENT = CounterReports.class.getName() + ".phoneSent";

    private final Reports reports;
    private final Consents consents;
    private final CounterPapers papers;
    private final AuditLog audit;
    private final Clock clock;
    private final WindowPhoneCodes phoneCodes;
    private final City city;
    private final WindowRequests requests;

    /**
     * The 个人信息权利请求 recorded at the window (gaps review xlvi AA4 rest), with the person masked, for the window to
     * hand each answer over to a person with no account to read it in ({@link CounterRightsRequestForms}).
     */
    record WindowRequests(RightsRequests rights, SubjectRegistry subjects) {

        record Shown(RightsRequests.AtWindow request, String maskedName) {
        }

        List<Shown> shown() {
            java.util.Map<java.util.UUID, String> names = new java.util.HashMap<>();
            return rights.atCounter().stream().map(r -> new Shown(r, names.computeIfAbsent(r.subjectId(),
                    id -> subjects.profile(id).map(SubjectProfile::maskedName).orElse("—")))).toList();
        }
    }

    CounterReports(Reports reports, Consents consents, CounterPapers papers, AuditLog audit, Clock clock,
                   WindowPhoneCodes phoneCodes, City city, RightsRequests rightsRequests, SubjectRegistry subjects) {
        this.requests = new WindowRequests(rightsRequests, subjects);
        this.city = city;
        this.phoneCodes = phoneCodes;
        this.reports = reports;
        this.papers = papers;
        this.consents = consents;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/console/reports/self")
    String page(HttpSession session, Model model) {
        Actor clerk = AuditLog.currentActor();
        checked(session).ifPresent(checked -> {
            model.addAttribute("checked", checked);
            model.addAttribute("inForce", consents.inForce(checked.subjectId()));
        });
        model.addAttribute("documentTypes", DocumentType.values());
        model.addAttribute("seenDocuments", SeenDocument.values());
        model.addAttribute("proofs", GuardianshipProof.values());
        model.addAttribute("institutions", consents.institutions());
        model.addAttribute("purposes", Purpose.values());
        model.addAttribute("defaultDays", consents.defaultDays());
        model.addAttribute("phoneSent", phoneSent(session));
        model.addAttribute("eserviceVersion", ElectronicServiceAgreements.TERMS_VERSION);
        model.addAttribute("eserviceLines",
                ElectronicServiceAgreements.termsLines(ElectronicServiceAgreements.TERMS_VERSION));
        var visits = reports.servedAtCounterBy(clerk, 50);
        model.addAttribute("visits", visits);
        model.addAttribute("rightsRequestKinds", RightsRequests.kinds());
        model.addAttribute("counterRightsRequests", requests.shown());
        model.addAttribute("rightsRequestDays", requests.rights().workingDays());
        model.addAttribute("papers", papers.ofVisits(visits.stream().map(v -> v.id()).toList()));
        return "console/counter-reports";
    }

    /** The person's own full report; a refusal names the fault, never the number typed. */
    @PostMapping("/console/reports/self")
    String issue(@ModelAttribute CounterIdentityForm person,
                 @RequestParam(required = false) List<MultipartFile> authorisation,
                 @RequestParam(required = false) List<MultipartFile> guardianship, HttpSession session,
                 RedirectAttributes redirect) throws IOException {
        List<FileTransfers.Uploaded> signed = FileTransfers.read(authorisation);
        List<FileTransfers.Uploaded> proof = FileTransfers.read(guardianship);
        WindowPhoneCodes.Pending sent = phoneSent(session);
        try {
            Reports.Issued issued = reports.atCounter(AuditLog.currentActor(), person.request(signed, proof, sent));
            redirect.addFlashAttribute("successKey", "counter.issued");
            redirect.addFlashAttribute("issued", issued.number());
            redirect.addFlashAttribute("issuedId", issued.id());
        } catch (RuntimeException e) {
            ConsoleActions.flashRefusal(redirect, e);
        } finally {
            keepPhoneSent(session, sent);
        }
        return "redirect:/console/reports/self";
    }

    /**
     * A guardian's (or the person's) consent for an institution, recorded at the window: one of multiple use or of
     * more than 30 days waits for a second clerk (gaps review xxxi M2), which the page says.
     */
    @PostMapping("/console/reports/self/consents")
    String consent(@ModelAttribute CounterIdentityForm person,
                   @RequestParam(required = false) List<MultipartFile> authorisation,
                   @RequestParam(required = false) List<MultipartFile> guardianship,
                   @RequestParam(required = false) UUID clientId, @RequestParam(required = false) Purpose purpose,
                   @RequestParam(required = false) Integer days,
                   @RequestParam(defaultValue = "false") boolean singleUse, HttpSession session,
                   RedirectAttributes redirect) throws IOException {
        List<FileTransfers.Uploaded> signed = FileTransfers.read(authorisation);
        List<FileTransfers.Uploaded> proof = FileTransfers.read(guardianship);
        WindowPhoneCodes.Pending sent = phoneSent(session);
        try {
            Consent recorded = consents.grantAtCounter(AuditLog.currentActor(), person.request(signed, proof, sent),
                    clientId, purpose, days, singleUse);
            redirect.addFlashAttribute("successKey", recorded.review() == ConsentReview.PENDING
                    ? "counter.consentAwaitsReview" : "counter.consentRecorded");
        } catch (RuntimeException e) {
            ConsoleActions.flashRefusal(redirect, e);
        } finally {
            keepPhoneSent(session, sent);
        }
        return "redirect:/console/reports/self";
    }

    /**
     * Texts a code to the phone typed for a person whose account has no phone (gaps review xxxi M2): the person reads
     * it out, and the clerk types it with the report or the consent. Kept in this clerk's session, the phone as its
     * pseudonym, the code hashed; a new code waits a minute.
     */
    @PostMapping("/console/reports/self/phone-code")
    String phoneCode(@RequestParam(defaultValue = "") String phone, HttpSession session,
                     RedirectAttributes redirect) {
        try {
            WindowPhoneCodes.Pending sent = phoneCodes.send(phone, phoneSent(session), AuditLog.currentActor(),
                    code -> "【信用平台】您正在" + city.creditOffice() + "服务窗口办理信用报告查询或查询授权，验证码为 " + code
                            + "，5 分钟内有效。请当面告知窗口工作人员；如非本人在窗口办理，请勿告诉任何人。");
            session.setAttribute(PHONE_SENT, sent);
            redirect.addFlashAttribute("successKey", "counter.phoneCodeSent");
        } catch (RuntimeException e) {
            ConsoleActions.flashRefusal(redirect, e);
        }
        return "redirect:/console/reports/self#phone-code";
    }

    private static WindowPhoneCodes.Pending phoneSent(HttpSession session) {
        return session.getAttribute(PHONE_SENT) instanceof WindowPhoneCodes.Pending sent ? sent : null;
    }

    /** Set again after each use: the session store keeps a wrong code counted only when the attribute is set. */
    private static void keepPhoneSent(HttpSession session, WindowPhoneCodes.Pending sent) {
        if (sent != null) {
            session.setAttribute(PHONE_SENT, sent);
        }
    }

    /**
     * A paper scanned with one of this clerk's counter services (gaps review xxxi M2), as a download; another clerk's
     * is not found. Each look is audited about the person.
     */
    @GetMapping("/console/reports/self/papers/{id}")
    ResponseEntity<byte[]> paper(@PathVariable UUID id) {
        CounterPapers.Download paper = papers.forClerk(AuditLog.currentActor(), id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return FileTransfers.download(paper.contentType(), paper.filename(), paper.content());
    }

    /**
     * 撤回查询授权 (gaps review xxix K1), first step: the identity check as for a grant; the person's consents in force
     * are then listed on the page, for this clerk's session and {@link #CHECK_LIFETIME} only. The number typed is
     * kept nowhere, the check and the person's id in the session only.
     */
    @PostMapping("/console/reports/self/withdrawals")
    String checkForWithdrawal(@ModelAttribute CounterIdentityForm person, HttpSession session,
                              RedirectAttributes redirect) {
        session.removeAttribute(CHECKED);
        try {
            CounterIdentityCheck check = person.check();
            Consents.CheckedAtCounter checked = consents.checkedForWithdrawal(AuditLog.currentActor(),
                    person.number(), person.documentType(), check);
            session.setAttribute(CHECKED, new Checked(checked.subjectId(), checked.maskedNumber(), check,
                    clock.instant()));
        } catch (RuntimeException e) {
            ConsoleActions.flashRefusal(redirect, e);
        }
        return "redirect:/console/reports/self#withdraw-consent";
    }

    /** Withdraws one of the consents listed for the person checked in this session (PIPL Art. 15). */
    @PostMapping("/console/reports/self/withdrawals/{id}")
    String withdraw(@PathVariable UUID id, HttpSession session, RedirectAttributes redirect) {
        ConsoleActions.flash(redirect, "counter.consentWithdrawn", () -> {
            Checked checked = checked(session).orElseThrow(() -> new InquiryProblem("COUNTER_CHECK_REQUIRED",
                    DomainProblem.Kind.INVALID_INPUT, "请先核验本人或监护人的身份并列出本人的授权，再撤回授权（核验"
                    + CHECK_LIFETIME.toMinutes() + " 分钟内有效）"));
            consents.withdrawAtCounter(AuditLog.currentActor(), checked.subjectId(), id, checked.check());
        });
        return "redirect:/console/reports/self#withdraw-consent";
    }

    /** The person checked for a withdrawal in this session, while the check lasts. */
    private Optional<Checked> checked(HttpSession session) {
        Instant now = clock.instant();
        return session.getAttribute(CHECKED) instanceof Checked checked
                && now.isBefore(checked.at().plus(CHECK_LIFETIME)) ? Optional.of(checked) : Optional.empty();
    }

    /** A person checked at the window for 撤回查询授权: their number masked only. */
    record Checked(UUID subjectId, String maskedNumber, CounterIdentityCheck check, Instant at)
            implements Serializable {

        @Serial
        private static final long serialVersionUID = 1L;
    }

    /** {@code largePrint}: the report in large print (大字版, {@link ConsolePdfs}). */
    @GetMapping("/console/reports/self/{id}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean largePrint) {
        Actor clerk = AuditLog.currentActor();
        Reports.Issued issued = reports.printedAtCounter(clerk, id).orElseThrow(() -> {
            audit.record(AuditEntry.of(AuditCategory.SECURITY, "report.download").result(AuditResult.DENIED)
                    .detail(AuditDetail.of("NOT_OWN_COUNTER_REPORT_TODAY").with("report", id)));
            return new ResponseStatusException(HttpStatus.NOT_FOUND);
        });
        return ConsolePdfs.of(reports, issued, largePrint);
    }
}
