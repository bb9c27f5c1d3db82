package cn.chengxin.portal.tipoff.web;

import java.util.UUID;

import cn.chengxin.portal.TipOff;
import cn.chengxin.portal.TipOffDesk;
import cn.chengxin.portal.tipoff.domain.ReportedSubject;
import cn.chengxin.portal.tipoff.domain.ReporterPurpose;
import cn.chengxin.portal.tipoff.domain.TipOffFinding;
import cn.chengxin.portal.tipoff.domain.TipOffStatus;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import cn.chengxin.shared.web.ConsoleActions;
import cn.chengxin.subject.domain.TypedText;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 举报处理 in the console (tipoff:handle): the tip-offs by status and by the kind of subject reported, a page at a
 * time, one tip-off, its reporter opened with a purpose, and the office's decision.
 */
@Controller
@RequiresPermission(Permission.TIPOFF_HANDLE)
class TipOffConsole {

    private final TipOffDesk desk;

    TipOffConsole(TipOffDesk desk) {
        this.desk = desk;
    }

    @GetMapping("/console/tipoffs")
    String list(@RequestParam(required = false) TipOffStatus status,
                @RequestParam(required = false) ReportedSubject kind, @RequestParam(defaultValue = "0") long page,
                Model model) {
        TipOffDesk.TipOffPage result = desk.tipOffs(status, kind, (int) Math.max(0, Math.min(page, Integer.MAX_VALUE)));
        model.addAttribute("result", result);
        model.addAttribute("tipOffs", result.tipOffs());
        model.addAttribute("inRedNotice", desk.inRedNotice(result.tipOffs()));
        model.addAttribute("pages", Math.max(1, result.pages()));
        model.addAttribute("pageUrl", UriComponentsBuilder.fromPath("/console/tipoffs")
                .queryParam("status", status == null ? "" : status.name())
                .queryParam("kind", kind == null ? "" : kind.name()).build().toUriString());
        model.addAttribute("statuses", TipOffStatus.values());
        model.addAttribute("status", status);
        model.addAttribute("kinds", ReportedSubject.values());
        model.addAttribute("kind", kind);
        model.addAttribute("purged", desk.purged());
        return "console/tipoffs";
    }

    @GetMapping("/console/tipoffs/{id}")
    String detail(@PathVariable UUID id, Model model) {
        TipOff tipOff = desk.view(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("tipOff", tipOff);
        // A red-list candidate in public notice: the tip-off answers the notice, and its finding decides the listing.
        model.addAttribute("redCandidate", !desk.inRedNotice(java.util.List.of(tipOff)).isEmpty());
        model.addAttribute("findings", TipOffFinding.values());
        model.addAttribute("reporterPurposes", ReporterPurpose.values());
        return "console/tipoff";
    }

    /**
     * The tip-off with its reporter's name and contact opened for the purpose chosen, the look audited (I7); refused
     * (an anonymous tip-off, one past its retention), the tip-off is shown again with the refusal.
     */
    @PostMapping("/console/tipoffs/{id}/reporter")
    String reporter(@PathVariable UUID id, @RequestParam ReporterPurpose purpose, RedirectAttributes redirect,
                    Model model) {
        try {
            model.addAttribute("reporter", desk.revealReporter(id, purpose));
        } catch (RuntimeException e) {
            ConsoleActions.flashRefusal(redirect, e);
            return "redirect:/console/tipoffs/" + id;
        }
        model.addAttribute("reporterPurpose", purpose);
        return detail(id, model);
    }

    /**
     * A refusal shows the tip-off again, its form holding the refusal beside the reply and what was typed (the reply
     * the reporter reads runs long), any identity number in it masked.
     */
    @PostMapping("/console/tipoffs/{id}")
    String decide(@PathVariable UUID id, @RequestParam int version, @RequestParam TipOffStatus status,
                  @RequestParam(required = false) TipOffFinding finding,
                  @RequestParam(defaultValue = "") String reply, RedirectAttributes redirect,
                  HttpServletResponse response, Model model) {
        try {
            desk.decide(id, version, status, finding, reply);
        } catch (RuntimeException e) {
            ConsoleActions.showRefusal(model, response, e);
            model.addAttribute("typed", new TypedDecision(status, finding, TypedText.shownAgain(reply)));
            return detail(id, model);
        }
        redirect.addFlashAttribute("successKey", "tipoff.decided");
        return "redirect:/console/tipoffs/" + id;
    }

    /** What was typed into the tip-off's form that was refused. */
    record TypedDecision(TipOffStatus status, TipOffFinding finding, String reply) {
    }
}
