package cn.chengxin.platform.monitoring;

import cn.chengxin.account.DemoAccounts;
import cn.chengxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The actuator as gaps review xxxiii N8 wants it: the metrics, in Prometheus' format, and the health details for the
 * operations token only; an anonymous caller and a department's API key are refused; the balancer's health status
 * stays open, without details.
 */
@IntegrationTest
class MonitoringEndpointsIT {

    @Autowired
    MockMvc mvc;

    @Value("${chengxin.monitoring.token}")
    String token;

    @Test
    void onlyTheOperationsTokenReadsTheMetrics() throws Exception {
        for (String path : new String[] {"/actuator/prometheus", "/actuator/metrics"}) {
            mvc.perform(get(path)).andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
            mvc.perform(get(path).header("Authorization", "Bearer " + DemoAccounts.API_KEY))
                    .andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.code").value("MONITORING_TOKEN_INVALID"));
            mvc.perform(get(path).header("Authorization", "Bearer " + token + "x"))
                    .andExpect(status().isUnauthorized());
        }
        MvcResult scraped = mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk()).andReturn();
        String metrics = scraped.getResponse().getContentAsString();
        assertThat(metrics).contains("chengxin_measures_check_index_age_seconds",
                "chengxin_audit_writer_commits_total", "chengxin_audit_writer_collisions_total",
                "chengxin_audit_writer_failed_commits_total", "chengxin_audit_checkpoint_unsigned_age_seconds",
                "chengxin_events_incomplete", "chengxin_exchange_backlog",
                // Every scheduled job's last good run: the check index's refresh has run by now.
                "chengxin_job_last_success_seconds{job=\"CheckIndex.refresh\"}",
                "tasks_scheduled_execution_seconds_count",
                // The connection pool's figures come with the registry.
                "hikaricp_connections_active");
    }

    /** Gaps review xliv Y6: anyone reads the release's version, never when it was built nor from which commit. */
    @Test
    void thePublicInfoNamesTheReleaseAlone() throws Exception {
        String info = mvc.perform(get("/actuator/info")).andExpect(status().isOk())
                .andExpect(jsonPath("$.build.version").isNotEmpty())
                .andReturn().getResponse().getContentAsString();
        assertThat(info).doesNotContain("time", "git", "commit", "artifact");
    }

    @Test
    void theBalancerReadsTheStatusAndOnlyTheOperationsTokenTheComponents() throws Exception {
        MvcResult open = mvc.perform(get("/actuator/health/readiness")).andReturn();
        assertThat(open.getResponse().getContentAsString()).contains("\"status\"").doesNotContain("components")
                .doesNotContain("auditWriter");
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
        MvcResult detailed = mvc.perform(get("/actuator/health/readiness")
                .header("Authorization", "Bearer " + token)).andReturn();
        assertThat(detailed.getResponse().getContentAsString())
                .contains("\"readinessState\"", "\"auditWriter\"", "\"auditCheckpoint\"", "\"checkIndex\"");
        mvc.perform(get("/actuator/health/readiness").header("Authorization", "Bearer " + DemoAccounts.API_KEY))
                .andExpect(status().isUnauthorized());
    }
}
