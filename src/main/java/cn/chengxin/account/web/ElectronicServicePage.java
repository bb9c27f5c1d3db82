package cn.chengxin.account.web;

import cn.chengxin.account.CitizenPrincipal;
import cn.chengxin.account.ElectronicServiceAgreement;
import cn.chengxin.account.ElectronicServiceAgreements;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import cn.chengxin.shared.web.ConsoleActions;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 电子送达确认书 in self-service (《行政处罚法》第六十一条; {@link ElectronicServiceAgreements}): the confirmation's text,
 * whether the citizen's agreement is in force and its history; agree with the box ticked, or withdraw.
 */
@Controller
@RequiresPermission(Permission.SELF_SERVICE)
class ElectronicServicePage {

    static final String PAGE = "/me/electronic-service";

    private final ElectronicServiceAgreements agreements;

    ElectronicServicePage(ElectronicServiceAgreements agreements) {
        this.agreements = agreements;
    }

    @GetMapping(PAGE)
    String page(@AuthenticationPrincipal CitizenPrincipal citizen, Model model) {
        model.addAttribute("agreements", agreements.of(citizen.subjectId()));
        ElectronicServiceAgreement inForce = agreements.inForce(citizen.subjectId()).orElse(null);
        model.addAttribute("inForce", inForce);
        model.addAttribute("termsVersion", ElectronicServiceAgreements.TERMS_VERSION);
        // The text the person agreed to while that agreement is in force, even after a newer text was adopted; the
        // current text otherwise, to agree to (review xliii X5 rest).
        String shown = inForce == null ? ElectronicServiceAgreements.TERMS_VERSION : inForce.termsVersion();
        model.addAttribute("shownVersion", shown);
        model.addAttribute("shownLines", ElectronicServiceAgreements.termsLines(shown));
        return "me/electronic-service";
    }

    /** {@code version}: the text's version the page showed, so that a text changed meanwhile is not agreed unread. */
    @PostMapping(PAGE)
    String agree(@AuthenticationPrincipal CitizenPrincipal citizen,
                 @RequestParam(defaultValue = "false") boolean confirmed,
                 @RequestParam(defaultValue = "") String version, RedirectAttributes redirect) {
        ConsoleActions.flash(redirect, "me.eservice.agreed", () -> agreements.agree(citizen, confirmed, version));
        return "redirect:" + PAGE;
    }

    @PostMapping(PAGE + "/withdraw")
    String withdraw(@AuthenticationPrincipal CitizenPrincipal citizen, RedirectAttributes redirect) {
        ConsoleActions.flash(redirect, "me.eservice.withdrawn", () -> agreements.withdraw(citizen));
        return "redirect:" + PAGE;
    }
}
