package cn.chengxin.portal.web;

import java.util.UUID;

import cn.chengxin.account.CitizenPrincipal;
import cn.chengxin.listing.ExitProposals;
import cn.chengxin.shared.privacy.IdentityRedaction;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import cn.chengxin.shared.web.ConsoleActions;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 提交履行证明 in 我的名单: a person who corrected the dishonest conduct within a black-list entry's prior notice period
 * files the proof (驻政办〔2017〕102号 四(三): "对在规定期限内纠正失信行为的，不再作为联合惩戒对象"; RULES.md §7); the entry
 * does not take effect while a reviewer verifies it ({@link ExitProposals#fileProof}). Another person's entry is
 * answered 404, as one that does not exist.
 */
@Controller
@RequiresPermission(Permission.SELF_SERVICE)
class MyCorrectionProofs {

    private final ExitProposals exits;

    MyCorrectionProofs(ExitProposals exits) {
        this.exits = exits;
    }

    @PostMapping("/me/lists/{id}/proof")
    String file(@AuthenticationPrincipal CitizenPrincipal citizen, @PathVariable UUID id,
                @RequestParam(defaultValue = "") String reference, @RequestParam(defaultValue = "") String reasons,
                RedirectAttributes redirect) {
        boolean[] filed = new boolean[1];
        ConsoleActions.flashOrNotFound(redirect, "me.lists.proofFiled", () -> {
            exits.fileProof(citizen.subjectId(), id, reference, reasons);
            filed[0] = true;
        });
        if (!filed[0]) {
            // Refused: back to the entry's form, open, with what was typed, redacted as the session is stored.
            redirect.addFlashAttribute("proofEntry", id);
            redirect.addFlashAttribute("proofReference", IdentityRedaction.redact(reference));
            redirect.addFlashAttribute("proofReasons", IdentityRedaction.redact(reasons));
        }
        return "redirect:/me/lists#entry-" + id;
    }
}
