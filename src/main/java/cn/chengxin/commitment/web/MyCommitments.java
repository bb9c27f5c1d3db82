package cn.chengxin.commitment.web;

import cn.chengxin.account.CitizenPrincipal;
import cn.chengxin.commitment.Commitments;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 我的信用承诺: every commitment the citizen signed, with its text, digest, due date and whether it was kept. */
@Controller
@RequiresPermission(Permission.SELF_SERVICE)
class MyCommitments {

    private final Commitments commitments;

    MyCommitments(Commitments commitments) {
        this.commitments = commitments;
    }

    @GetMapping("/me/commitments")
    String list(@AuthenticationPrincipal CitizenPrincipal citizen, Model model) {
        model.addAttribute("commitments", commitments.of(citizen.subjectId()));
        return "me/commitments";
    }
}
