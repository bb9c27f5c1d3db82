package cn.chengxin.inquiry.web;

import java.util.UUID;

import cn.chengxin.audit.AuditLog;
import cn.chengxin.inquiry.CounterConsentReviews;
import cn.chengxin.inquiry.CounterPapers;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import cn.chengxin.shared.web.ConsoleActions;
import cn.chengxin.shared.web.FileTransfers;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 窗口授权复核 (gaps review xxxi M2): the queue of consents recorded at the window that wait for a second clerk, with
 * the papers scanned there; approved, or rejected with a reason, by anyone holding the permission except the clerk who
 * recorded each ({@link CounterConsentReviews}).
 */
@Controller
@RequiresPermission(Permission.INQUIRY_COUNTER_REVIEW)
class CounterConsentsConsole {

    private static final String PAGE = "/console/counter-consents";

    private final CounterConsentReviews reviews;
    private final CounterPapers papers;

    CounterConsentsConsole(CounterConsentReviews reviews, CounterPapers papers) {
        this.reviews = reviews;
        this.papers = papers;
    }

    @GetMapping(PAGE)
    String page(Model model) {
        model.addAttribute("waiting", reviews.waiting(AuditLog.currentActor()));
        return "console/counter-consents";
    }

    @PostMapping(PAGE + "/{id}/approve")
    String approve(@PathVariable UUID id, RedirectAttributes redirect) {
        ConsoleActions.flash(redirect, "counterConsents.approved", () -> reviews.approve(AuditLog.currentActor(), id));
        return "redirect:" + PAGE;
    }

    @PostMapping(PAGE + "/{id}/reject")
    String reject(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        ConsoleActions.flash(redirect, "counterConsents.rejected",
                () -> reviews.reject(AuditLog.currentActor(), id, reason));
        return "redirect:" + PAGE;
    }

    /** A paper scanned with a consent waiting here (or decided by this reviewer); each look audited about the person. */
    @GetMapping(PAGE + "/papers/{id}")
    ResponseEntity<byte[]> paper(@PathVariable UUID id) {
        CounterPapers.Download paper = papers.forReviewer(AuditLog.currentActor(), id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return FileTransfers.download(paper.contentType(), paper.filename(), paper.content());
    }
}
