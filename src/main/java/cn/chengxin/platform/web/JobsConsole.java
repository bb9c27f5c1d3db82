package cn.chengxin.platform.web;

import java.lang.management.ManagementFactory;

import cn.chengxin.platform.database.SchemaVersion;
import cn.chengxin.platform.monitoring.JobRuns;
import cn.chengxin.platform.settings.UnknownSettings;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.info.GitProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 后台作业 (gaps review xlii W5): the office, and the auditor before whom it answers, see that the background work ran
 * on every instance, how long, how much, and when it failed; a job's hours of runs; the once-across-instances jobs'
 * days; the passes that stopped moving. Read only. The system administrator's (who runs the platform) and the audit
 * administrator's (who checks it): the page shows no personal data, failure messages being masked when kept.
 *
 * <p>It also names what this instance runs (gaps review xliv Y6): the release, the commit it was built from
 * ({@code git.properties}; "unknown" for a build without {@code .git}), when it was built and the database schema's
 * version, so that the office knows before and after an upgrade what answers. Here, to the signed-in
 * administrators, and not in the public {@code /actuator/info}, which keeps the release alone: the schema's version
 * tells an outsider which migrations (and so which fixes) a city has not yet applied. Beside them, the settings this
 * instance was given that the release does not read (gaps review xliv Y11), names only.
 */
@Controller
@RequiresPermission({Permission.ACCOUNT_USER_MANAGE, Permission.AUDIT_READ})
class JobsConsole {

    private final JobRuns runs;
    private final SchemaVersion schema;
    private final UnknownSettings settings;
    private final String release;
    private final String commit;
    private final java.time.Instant built;

    JobsConsole(JobRuns runs, SchemaVersion schema, UnknownSettings settings, ObjectProvider<BuildProperties> build,
                ObjectProvider<GitProperties> git) {
        this.runs = runs;
        this.schema = schema;
        this.settings = settings;
        this.release = OpenApiConfiguration.release(build);
        GitProperties commitBuilt = git.getIfAvailable();
        this.commit = commitBuilt == null || commitBuilt.getShortCommitId() == null ? "unknown"
                : commitBuilt.getShortCommitId();
        BuildProperties properties = build.getIfAvailable();
        this.built = properties == null ? null : properties.getTime();
    }

    @GetMapping("/console/jobs")
    String show(@RequestParam(required = false) String job, Model model) {
        model.addAttribute("jobs", runs.jobs());
        model.addAttribute("recentDays", JobRuns.RECENT_DAYS);
        model.addAttribute("clusterJobs", runs.clusterJobs());
        model.addAttribute("stalledPasses", runs.stalledPasses());
        model.addAttribute("release", release);
        model.addAttribute("commit", commit);
        model.addAttribute("built", built == null ? null : java.time.LocalDateTime.ofInstant(built,
                java.time.ZoneId.systemDefault()));
        model.addAttribute("schemaVersion", schema.current().map(Object::toString).orElse("—"));
        model.addAttribute("unknownSettings", settings.unknown());
        model.addAttribute("instance", ManagementFactory.getRuntimeMXBean().getName());
        if (job != null && !job.isBlank()) {
            model.addAttribute("job", job);
            model.addAttribute("hours", runs.hours(job));
        }
        return "console/jobs";
    }
}
