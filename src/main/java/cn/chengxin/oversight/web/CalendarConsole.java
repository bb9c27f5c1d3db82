package cn.chengxin.oversight.web;

import java.time.Clock;
import java.time.LocalDate;

import cn.chengxin.oversight.CalendarEditing;
import cn.chengxin.shared.calendar.CalendarDay;
import cn.chengxin.shared.calendar.DayKind;
import cn.chengxin.shared.calendar.WorkingDays;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import cn.chengxin.shared.web.ConsoleActions;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 工作日历: the credit office enters each year's holiday schedule when the State Council publishes it, and corrects
 * single days; every deadline counted in working days follows. Changes are audited, each in its change's transaction.
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
        model.addAttribute("kinds", DayKind.values());
        return "console/calendar";
    }

    @PostMapping("/console/calendar")
    String set(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
               @RequestParam(required = false) DayKind kind, @RequestParam(defaultValue = "") String holiday,
               @RequestParam(defaultValue = "") String source, RedirectAttributes redirect) {
        ConsoleActions.flash(redirect, "calendar.saved",
                () -> editing.set(new CalendarDay(day, kind, holiday), source));
        return "redirect:/console/calendar" + (day == null ? "" : "?year=" + day.getYear());
    }

    @PostMapping("/console/calendar/clear")
    String clear(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
                 RedirectAttributes redirect) {
        ConsoleActions.flash(redirect, "calendar.cleared", () -> editing.clear(day));
        return "redirect:/console/calendar?year=" + day.getYear();
    }
}
