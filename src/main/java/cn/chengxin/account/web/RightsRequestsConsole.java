package cn.chengxin.account.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import cn.chengxin.account.RightsRequests;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.account.domain.RightsRequest;
import cn.chengxin.account.domain.RightsRequestOutcome;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import cn.chengxin.shared.web.ConsoleActions;
import cn.chengxin.subject.SubjectProfile;
import cn.chengxin.subject.SubjectRegistry;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 个人信息权利请求 in the console (PIPL Art. 50; gaps review xlvi AA4): the open requests, the first due first and the
 * overdue marked, each with the person masked, and the written answer. Answered by those who decide objections and
 * score reviews (objection:handle): the credit office's answers to people about their own information, held to a
 * deadline and given with reasons, as those are; the platform has no separate privacy role.
 */
@Controller
@RequiresPermission(Permission.OBJECTION_HANDLE)
class RightsRequestsConsole {

    static final String PAGE = "/console/rights-requests";

    private final RightsRequests requests;
    private final SubjectRegistry subjects;
    private final StaffDirectory staff;
    private final Clock clock;

    RightsRequestsConsole(RightsRequests requests, SubjectRegistry subjects, StaffDirectory staff, Clock clock) {
        this.requests = requests;
        this.subjects = subjects;
        this.staff = staff;
        this.clock = clock;
    }

    /** A request with who made it, masked (RULES.md §10). */
    record Shown(RightsRequest request, String maskedName, String maskedNumber) {
    }

    @GetMapping(PAGE)
    String page(Model model) {
        Map<UUID, Optional<SubjectProfile>> profiles = new HashMap<>();
        model.addAttribute("open", shown(requests.open(), profiles));
        List<RightsRequest> answered = requests.recentlyAnswered();
        model.addAttribute("answered", shown(answered, profiles));
        // Who answered, by name: the stored account id tells a reader nothing.
        Map<String, String> answerers = new HashMap<>();
        answered.forEach(r -> answerers.computeIfAbsent(r.answeredBy(), id -> staff.displayName(id).orElse(id)));
        model.addAttribute("answerers", answerers);
        model.addAttribute("outcomes", RightsRequestOutcome.values());
        model.addAttribute("workingDays", requests.workingDays());
        model.addAttribute("today", LocalDate.now(clock));
        return "console/rights-requests";
    }

    @PostMapping(PAGE + "/{id}/answer")
    String answer(@PathVariable UUID id, @RequestParam(required = false) RightsRequestOutcome outcome,
                  @RequestParam(defaultValue = "") String answer, @RequestParam(defaultValue = "") String reasons,
                  RedirectAttributes redirect) {
        ConsoleActions.flash(redirect, "rightsRequests.answered.done",
                () -> requests.answer(id, outcome, answer, reasons));
        return "redirect:" + PAGE;
    }

    private List<Shown> shown(List<RightsRequest> list, Map<UUID, Optional<SubjectProfile>> profiles) {
        List<Shown> shown = new ArrayList<>();
        for (RightsRequest r : list) {
            Optional<SubjectProfile> p = profiles.computeIfAbsent(r.subjectId(), subjects::profile);
            shown.add(new Shown(r, p.map(SubjectProfile::maskedName).orElse("—"),
                    p.map(SubjectProfile::maskedNumber).orElse("—")));
        }
        return shown;
    }
}
