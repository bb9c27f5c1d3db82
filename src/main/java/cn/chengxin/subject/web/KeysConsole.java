package cn.chengxin.subject.web;

import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import cn.chengxin.shared.web.ConsoleActions;
import cn.chengxin.subject.ReSealing;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 密钥管理 for the security administrator (三员分立: keys are his, not the system administrator's): how many values
 * each SM4 key version still seals, column by column, and the start of the re-sealing under the current version
 * ({@link ReSealing}; RULES.md §10, GB/T 39786-2021), so that he knows when an old version's key file may be deleted.
 */
@Controller
@RequiresPermission(Permission.ACCOUNT_ROLE_MANAGE)
class KeysConsole {

    private final ReSealing resealing;

    KeysConsole(ReSealing resealing) {
        this.resealing = resealing;
    }

    @GetMapping("/console/keys")
    String show(Model model) {
        model.addAttribute("currentVersion", resealing.currentVersion());
        model.addAttribute("byVersion", resealing.sealedByVersion());
        model.addAttribute("byColumn", resealing.sealedByColumn());
        model.addAttribute("passes", resealing.passes());
        return "console/keys";
    }

    @PostMapping("/console/keys/reseal")
    String reseal(RedirectAttributes redirect) {
        ConsoleActions.flash(redirect, "keys.resealStarted", resealing::start);
        return "redirect:/console/keys";
    }
}
