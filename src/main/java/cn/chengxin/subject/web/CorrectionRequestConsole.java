package cn.chengxin.subject.web;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.shared.CodedProblem;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.privacy.IdentityRedaction;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import cn.chengxin.shared.security.StaffQueryPurpose;
import cn.chengxin.shared.web.FileTransfers;
import cn.chengxin.subject.RequestedCorrections;
import cn.chengxin.subject.domain.CorrectionRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 更正补充请求 in the console (gaps review xlvi AA3): a clerk at the window files the request of a person who cannot
 * sign in, from the subject page (subject:amend), with the document the person brought; the reviewers open the
 * person's evidence from the queue, where the proposal is marked as the person's with its deadline.
 */
@Controller
class CorrectionRequestConsole {

    private final RequestedCorrections corrections;
    private final SubjectPage page;

    CorrectionRequestConsole(RequestedCorrections corrections, SubjectPage page) {
        this.corrections = corrections;
        this.page = page;
    }

    /** A refusal shows the subject page again with the refusal ({@link SubjectPage#refused}). */
    @RequiresPermission(Permission.SUBJECT_AMEND)
    @PostMapping("/console/subjects/{id}/correction-request")
    String fileAtCounter(@PathVariable UUID id, RequestedCorrections.Asked asked,
                         @RequestParam(name = "evidence", required = false) List<MultipartFile> evidence,
                         @RequestParam StaffQueryPurpose purpose, RedirectAttributes redirect, Model model)
            throws IOException {
        RequestedCorrections.Upload file = FileTransfers.read(evidence).stream().findFirst()
                .map(f -> new RequestedCorrections.Upload(f.filename(), f.content())).orElse(null);
        try {
            corrections.request(id, asked, file, CorrectionRequest.Channel.COUNTER, AuditLog.currentActor());
        } catch (CodedProblem problem) {
            return page.refused(id, purpose, AuditDetail.of("CORRECTION_REQUEST_REFUSED"), problem, model);
        }
        redirect.addFlashAttribute("successKey", "corrections.filedAtCounter");
        return asked.field() == CorrectionRequest.Field.NAME ? "redirect:/console/subjects/names"
                : "redirect:/console/subjects/birth-dates";
    }

    /** The person's evidence, always as a download (never rendered by the browser), named as on screens. */
    @RequiresPermission({Permission.SUBJECT_AMEND, Permission.SUBJECT_AMEND_REVIEW})
    @GetMapping("/console/subjects/corrections/{id}/evidence")
    ResponseEntity<byte[]> evidence(@PathVariable UUID id) {
        RequestedCorrections.Evidence found = corrections.evidence(id).orElseThrow(() -> new CodedProblem(
                "CORRECTION_REQUEST_UNKNOWN", DomainProblem.Kind.NOT_FOUND, "更正补充请求不存在"));
        return FileTransfers.download(found.request().contentType(),
                IdentityRedaction.redact(found.request().filename()), found.content());
    }
}
