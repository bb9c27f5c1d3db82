package cn.chengxin.platform.web;

import cn.chengxin.platform.monitoring.JobRuns;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 后台作业 (gaps review xlii W5): the office, and the auditor before whom it answers, see that the background work ran
 * on every instance, how long, how much, and when it failed; a job's hours of runs; the once-across-instances jobs'
 * days; the passes that stopped moving. Read only. The system administrator's (who runs the platform) and the audit
 * administrator's (who checks it): the page shows no personal data, failure messages being masked when kept.
 */
@Controller
@RequiresPermission({Permission.ACCOUNT_USER_MANAGE, Permission.AUDIT_READ})
class JobsConsole {

    private final JobRuns runs;

    JobsConsole(JobRuns runs) {
        this.runs = runs;
    }

    @GetMapping("/console/jobs")
    String show(@RequestParam(required = false) String job, Model model) {
        model.addAttribute("jobs", runs.jobs());
        model.addAttribute("recentDays", JobRuns.RECENT_DAYS);
        model.addAttribute("clusterJobs", runs.clusterJobs());
        model.addAttribute("stalledPasses", runs.stalledPasses());
        if (job != null && !job.isBlank()) {
            model.addAttribute("job", job);
            model.addAttribute("hours", runs.hours(job));
        }
        return "console/jobs";
    }
}
