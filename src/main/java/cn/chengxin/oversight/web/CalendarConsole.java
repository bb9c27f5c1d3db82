package cn.chengxin.oversight.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.chengxin.audit.AuditLog;
import cn.chengxin.oversight.CalendarEditing;
import cn.chengxin.oversight.domain.CalendarChange;
import cn.chengxin.oversight.domain.CalendarProposal;
import cn.chengxin.shared.calendar.DeadlineRecount;
import cn.chengxin.shared.calendar.WorkingDays;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import cn.chengxin.shared.web.ConsoleActions;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 工作日历: the credit office enters each year's holiday schedule when the State Council publishes it, and corrects
 * single days; every deadline counted in working days follows. A change is a proposal that another {@code
 * calendar:edit} holder approves or rejects on the same page (H9 of gaps-review-xxv); each step is audited in its
 * transaction.
 */
@Controller
@RequiresPermission(Permission.CALENDAR_EDIT)
class CalendarConsole {

    private final WorkingDays workingDays;
    private final CalendarEditing editing;
    private final Clock clock;

    CalendarConsole(WorkingDays workingDays, CalendarEditing editing, Clock clock) {
        this.workingDays = workingDays;
        this.editing = editing;
        this.clock = clock;
    }

    @GetMapping("/console/calendar")
    String page(@RequestParam(required = false) Integer year, Model model) {
        int shown = year == null ? LocalDate.now(clock).getYear() : Math.max(2000, Math.min(2100, year));
        model.addAttribute("year", shown);
        model.addAttribute("days", workingDays.year(shown));
        // Review X7: as on 工作台, the years deadlines counted today may need and that are not entered yet.
        model.addAttribute("missingSchedules", workingDays.calendar().missingSchedules(LocalDate.now(clock)));
        model.addAttribute("kinds", CalendarChange.Change.values());
        List<CalendarProposal> pending = editing.pending();
        Map<UUID, List<DeadlineRecount>> moved = new HashMap<>();
        pending.forEach(p -> moved.put(p.id(), editing.casesMoved(p)));
        model.addAttribute("pending", pending);
        model.addAttribute("moved", moved);
        model.addAttribute("decided", editing.recentlyDecided());
        model.addAttribute("me", AuditLog.currentActor().actorId());
        return "console/calendar";
    }

    /** Proposes a change of one day or a run of days; it takes effect once another person approves it. */
    @PostMapping("/console/calendar")
    String propose(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate lastDay,
                   @RequestParam(required = false) CalendarChange.Change kind,
                   @RequestParam(defaultValue = "") String holiday, @RequestParam(defaultValue = "") String source,
                   @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        ConsoleActions.flash(redirect, "calendar.proposed", () -> editing.propose(new CalendarChange(day,
                lastDay == null ? day : lastDay, kind, holiday, source, reason)));
        return "redirect:/console/calendar" + (day == null ? "" : "?year=" + day.getYear());
    }

    @PostMapping("/console/calendar/proposals/{id}/approve")
    String approve(@PathVariable UUID id, @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        ConsoleActions.flash(redirect, "calendar.approved", () -> editing.approve(id, note));
        return "redirect:/console/calendar";
    }

    @PostMapping("/console/calendar/proposals/{id}/reject")
    String reject(@PathVariable UUID id, @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        ConsoleActions.flash(redirect, "calendar.rejected", () -> editing.reject(id, note));
        return "redirect:/console/calendar";
    }
}
