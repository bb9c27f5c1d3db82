package cn.chengxin.inquiry.web;

import java.time.LocalDate;

import cn.chengxin.account.ElectronicServiceAgreements;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.inquiry.CounterElectronicService;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import cn.chengxin.shared.web.ConsoleActions;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 电子送达确认书 on the window's page ({@link CounterReports}; gaps review xl U13 rest): the clerk records a confirmation
 * the person signed on paper — the text's version, the day signed, the paper's archive number — or withdraws the
 * person's agreement, the person identified as for the window's other acts ({@link CounterIdentityForm}). The same right
 * as the window's other acts ({@link Permission#INQUIRY_COUNTER}). Answered by a redirect: nothing typed travels on.
 */
@Controller
@RequiresPermission(Permission.INQUIRY_COUNTER)
class CounterElectronicServiceForms {

    static final String PATH = "/console/reports/self/electronic-service";
    private static final String BACK = "redirect:/console/reports/self#eservice";

    private final CounterElectronicService counter;

    CounterElectronicServiceForms(CounterElectronicService counter) {
        this.counter = counter;
    }

    @PostMapping(PATH)
    String record(@ModelAttribute CounterIdentityForm person, @RequestParam(defaultValue = "") String version,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate signedOn,
                  @RequestParam(defaultValue = "") String paperReference, RedirectAttributes redirect) {
        ConsoleActions.flash(redirect, "counter.eservice.recorded", () -> counter.record(AuditLog.currentActor(),
                person.number(), person.documentType(), person.personName(), person.check(),
                new ElectronicServiceAgreements.Paper(version, signedOn, paperReference)));
        return BACK;
    }

    @PostMapping(PATH + "/withdraw")
    String withdraw(@ModelAttribute CounterIdentityForm person, RedirectAttributes redirect) {
        ConsoleActions.flash(redirect, "counter.eservice.withdrawn", () -> counter.withdraw(AuditLog.currentActor(),
                person.number(), person.documentType(), person.check()));
        return BACK;
    }
}
