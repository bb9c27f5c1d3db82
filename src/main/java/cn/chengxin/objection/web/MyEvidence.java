package cn.chengxin.objection.web;

import java.util.UUID;

import cn.chengxin.account.CitizenPrincipal;
import cn.chengxin.objection.Objections;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The citizen downloads the evidence they attached to their own objections; anyone else's is unknown (404). */
@Controller
@RequiresPermission(Permission.SELF_SERVICE)
class MyEvidence {

    private final Objections objections;

    MyEvidence(Objections objections) {
        this.objections = objections;
    }

    @GetMapping("/me/objections/evidence/{id}")
    ResponseEntity<byte[]> download(@AuthenticationPrincipal CitizenPrincipal citizen, @PathVariable UUID id) {
        return EvidenceResponses.download(objections.evidenceOfSubject(citizen.subjectId(), id));
    }
}
