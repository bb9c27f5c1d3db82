package cn.chengxin.portal.web;

import java.io.IOException;
import java.util.List;

import cn.chengxin.account.CitizenPrincipal;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import cn.chengxin.shared.web.ConsoleActions;
import cn.chengxin.shared.web.FileTransfers;
import cn.chengxin.subject.RequestedCorrections;
import cn.chengxin.subject.SubjectProfile;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.BirthDateEvidence;
import cn.chengxin.subject.domain.CorrectionRequest;
import cn.chengxin.subject.domain.NameChangeEvidence;
import cn.chengxin.subject.domain.SubjectKind;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 更正补充请求 in self-service (PIPL Art. 46; gaps review xlvi AA3): the signed-in person asks that their registered
 * name be corrected, or their unknown birth date completed, with the correct value and a document showing it; the
 * request goes to the credit office's reviewers ({@link RequestedCorrections}) and the page shows where each stands, its
 * deadline and a refusal's reasons. The birth date is offered only while it is unknown: a known date is the document's
 * own (a resident number carries it) and is corrected with the document, not here.
 */
@Controller
@RequiresPermission(Permission.SELF_SERVICE)
class MyCorrections {

    private final RequestedCorrections corrections;
    private final SubjectRegistry subjects;

    MyCorrections(RequestedCorrections corrections, SubjectRegistry subjects) {
        this.corrections = corrections;
        this.subjects = subjects;
    }

    @GetMapping("/me/corrections")
    String page(@AuthenticationPrincipal CitizenPrincipal citizen, Model model) {
        SubjectProfile profile = subjects.profile(citizen.subjectId()).orElseThrow();
        model.addAttribute("maskedName", citizen.maskedName());
        model.addAttribute("birthDateKnown", profile.birthDate() != null);
        model.addAttribute("requests", corrections.shownTo(citizen.subjectId()));
        model.addAttribute("nameEvidences", NameChangeEvidence.forKind(SubjectKind.PERSON));
        model.addAttribute("birthDateEvidences", BirthDateEvidence.values());
        return "me/corrections";
    }

    /** A refusal comes back to the page with its reason; what was asked for is not kept in the session. */
    @PostMapping("/me/corrections")
    String request(@AuthenticationPrincipal CitizenPrincipal citizen, RequestedCorrections.Asked asked,
                   @RequestParam(name = "evidence", required = false) List<MultipartFile> evidence,
                   RedirectAttributes redirect) throws IOException {
        RequestedCorrections.Upload file = FileTransfers.read(evidence).stream().findFirst()
                .map(f -> new RequestedCorrections.Upload(f.filename(), f.content())).orElse(null);
        ConsoleActions.flash(redirect, "me.corrections.requested", () -> corrections.request(citizen.subjectId(),
                asked, file, CorrectionRequest.Channel.SELF_SERVICE, citizen));
        return "redirect:/me/corrections";
    }
}
