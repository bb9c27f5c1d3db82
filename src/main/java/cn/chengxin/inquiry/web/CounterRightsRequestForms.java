package cn.chengxin.inquiry.web;

import java.util.concurrent.atomic.AtomicReference;

import cn.chengxin.account.RightsRequests;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.inquiry.CounterRightsRequests;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import cn.chengxin.shared.web.ConsoleActions;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 个人信息权利请求 on the window's page ({@link CounterReports}; gaps review xlvi AA4 rest): the clerk records the
 * request of a person who cannot sign in — its kind and the person's words — the person identified as for the window's
 * other acts ({@link CounterIdentityForm}), and tells them the number and deadline shown after it. The same right as the
 * window's other acts ({@link Permission#INQUIRY_COUNTER}). Answered by a redirect: nothing typed travels on.
 */
@Controller
@RequiresPermission(Permission.INQUIRY_COUNTER)
class CounterRightsRequestForms {

    static final String PATH = "/console/reports/self/rights-request";
    private static final String BACK = "redirect:/console/reports/self#rights-requests";

    private final CounterRightsRequests counter;

    CounterRightsRequestForms(CounterRightsRequests counter) {
        this.counter = counter;
    }

    @PostMapping(PATH)
    String record(@ModelAttribute CounterIdentityForm person, @RequestParam(defaultValue = "") String kind,
                  @RequestParam(defaultValue = "") String body, RedirectAttributes redirect) {
        AtomicReference<RightsRequests.Made> made = new AtomicReference<>();
        ConsoleActions.flash(redirect, "counter.rightsRequest.recorded", () -> made.set(counter.record(
                AuditLog.currentActor(), person.number(), person.documentType(), person.personName(), person.check(),
                kind, body)));
        // What the clerk tells the person, flashed as plain values (the session keeps only what serializes).
        if (made.get() != null) {
            redirect.addFlashAttribute("rightsRequestNumber", made.get().reference());
            redirect.addFlashAttribute("rightsRequestDue", made.get().dueOn());
        }
        return BACK;
    }
}
