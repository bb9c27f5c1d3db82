package cn.chengxin.audit.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;

import cn.chengxin.audit.AuditProblem;
import cn.chengxin.audit.QueryReviews;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 查询审查 for the auditor (finding L5; RULES.md §10 "query use registration and review", 国办发〔2016〕98号 四(一)):
 * for a period (by default the last month), the staff's queries per staff member and per department by purpose, the
 * patterns flagged and the flagged queries without the people looked up; and the reviews recorded, the form to record
 * one with its conclusion.
 */
@Controller
class QueryReviewConsole {

    static final int REVIEWS_LISTED = 24;

    private final QueryReviews reviews;
    private final Clock clock;

    QueryReviewConsole(QueryReviews reviews, Clock clock) {
        this.reviews = reviews;
        this.clock = clock;
    }

    @RequiresPermission(Permission.AUDIT_READ)
    @GetMapping("/console/audit/query-review")
    String page(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                Model model, HttpServletResponse response) {
        YearMonth last = YearMonth.now(clock).minusMonths(1);
        LocalDate start = from != null ? from : last.atDay(1);
        LocalDate end = to != null ? to : from != null ? LocalDate.now(clock) : last.atEndOfMonth();
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        try {
            model.addAttribute("summary", reviews.summarise(start, end));
        } catch (AuditProblem problem) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("failure", problem.getMessage());
            model.addAttribute("failureCode", problem.code());
        }
        model.addAttribute("rule", reviews.rule());
        model.addAttribute("reviews", reviews.reviews(REVIEWS_LISTED));
        model.addAttribute("due", reviews.due().orElse(null));
        return "console/query-review";
    }

    /** Records the review of the period shown; a period or conclusion that does not read is said on the page. */
    @RequiresPermission(Permission.AUDIT_READ)
    @PostMapping("/console/audit/query-review")
    String record(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  @RequestParam(defaultValue = "") String conclusion, Model model, HttpServletResponse response) {
        try {
            reviews.record(from, to, conclusion);
        } catch (AuditProblem problem) {
            String shown = page(from, to, model, response);
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("reviewFailure", problem.getMessage());
            model.addAttribute("reviewFailureCode", problem.code());
            model.addAttribute("conclusion", conclusion);
            return shown;
        }
        return "redirect:/console/audit/query-review?from=" + from + "&to=" + to + "#reviews";
    }
}
