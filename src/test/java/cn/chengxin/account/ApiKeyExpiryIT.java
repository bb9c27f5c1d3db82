package cn.chengxin.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.sql.Timestamp;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.shared.security.Permission;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Principals;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static cn.chengxin.support.AsStaff.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An API key expires (GB/T 22239-2019 level 3 §8.1.4.1 a) 定期更换, RULES.md §10): issued for a year, refused 401
 * API_KEY_EXPIRED once expired, replaced by a key one administrator proposes and another approves, and shown with its
 * 有效期至 and a mark when it expires within 30 days.
 */
@IntegrationTest
class ApiKeyExpiryIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiClients clients;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    private final RequestPostProcessor admin = authentication(Principals.staff("expiry-admin", "CREDIT_OFFICE",
            Permission.CONSOLE_HOME, Permission.ACCOUNT_API_CLIENT_MANAGE));

    @Test
    void anExpiredKeyIsRefusedAndItsApprovedReplacementWorks() throws Exception {
        String name = "到期测试系统 " + UUID.randomUUID();
        ApiClients.IssuedKey old = as("expiry-platform", () -> clients.issue(name, "某银行",
                ApiClient.Kind.INSTITUTION, null, Set.of(Permission.API_REPORT_QUERY), 60));
        assertThat(expiresAt(old.clientId())).as("a year from its issue")
                .isBetween(clock.instant().plus(Duration.ofDays(364)), clock.instant().plus(Duration.ofDays(366)));

        jdbc.sql("UPDATE account.api_client SET expires_at = ? WHERE id = ?")
                .params(Timestamp.from(clock.instant().minusSeconds(60)), old.clientId()).update();
        mvc.perform(get("/api/v1/whoami").header("Authorization", "Bearer " + old.key()))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value("API_KEY_EXPIRED"));
        assertThat(clients.authenticate(old.key())).isEmpty();

        // The replacement: proposed by one system administrator, approved by another (双人复核).
        UUID proposal = as("expiry-maker", () -> clients.propose(name, "某银行", ApiClient.Kind.INSTITUTION, null,
                Set.of(Permission.API_REPORT_QUERY), 60, "127.0.0.1"));
        ApiClients.IssuedKey renewed = as("expiry-checker", () -> clients.approve(proposal));
        mvc.perform(get("/api/v1/whoami").header("Authorization", "Bearer " + renewed.key()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.organisation").value("某银行"));
        assertThat(expiresAt(renewed.clientId()))
                .isBetween(clock.instant().plus(Duration.ofDays(364)), clock.instant().plus(Duration.ofDays(366)));
        mvc.perform(get("/api/v1/whoami").header("Authorization", "Bearer " + old.key()))
                .andExpect(jsonPath("$.code").value("API_KEY_EXPIRED"));

        String page = page();
        assertThat(row(page, old.prefix())).contains("data-field=\"key-expired\"");
        assertThat(row(page, renewed.prefix())).contains("data-field=\"expires-at\"")
                .doesNotContain("data-field=\"key-expired\"").doesNotContain("data-field=\"key-expiring\"");
    }

    @Test
    void aKeyExpiringWithinThirtyDaysIsMarkedAndStillWorks() throws Exception {
        ApiClients.IssuedKey key = as("expiry-platform", () -> clients.issue("将到期测试系统 " + UUID.randomUUID(),
                "某银行", ApiClient.Kind.INSTITUTION, null, Set.of(Permission.API_REPORT_QUERY), 60));
        jdbc.sql("UPDATE account.api_client SET expires_at = ? WHERE id = ?")
                .params(Timestamp.from(clock.instant().plus(Duration.ofDays(10))), key.clientId()).update();

        mvc.perform(get("/api/v1/whoami").header("Authorization", "Bearer " + key.key()))
                .andExpect(status().isOk());
        assertThat(row(page(), key.prefix())).contains("data-field=\"key-expiring\"")
                .doesNotContain("data-field=\"key-expired\"");
    }

    /**
     * Issue #3: API keys "with last-used time". A key's first use is written as its 最近使用 and shown to the minute
     * on the console; a second use within the minute writes nothing (the check API is the hot path).
     */
    @Test
    void aKeyUsedShowsItsLastUseToTheMinuteWrittenAtMostOnceAMinute() throws Exception {
        ApiClients.IssuedKey key = as("expiry-platform", () -> clients.issue("最近使用测试系统 " + UUID.randomUUID(),
                "某银行", ApiClient.Kind.INSTITUTION, null, Set.of(Permission.API_REPORT_QUERY), 60));
        assertThat(lastUsedAt(key.clientId())).as("never used").isNull();
        assertThat(row(page(), key.prefix())).contains("<td>—</td>");

        Instant before = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        mvc.perform(get("/api/v1/whoami").header("Authorization", "Bearer " + key.key())).andExpect(status().isOk());
        Instant first = lastUsedAt(key.clientId());
        assertThat(first).isNotNull().isBetween(before.minusSeconds(1), clock.instant().plusSeconds(1));

        Thread.sleep(20);
        mvc.perform(get("/api/v1/whoami").header("Authorization", "Bearer " + key.key())).andExpect(status().isOk());
        assertThat(lastUsedAt(key.clientId())).as("a second use within the minute writes nothing").isEqualTo(first);

        // Beijing time, the platform's clock's zone, whatever the server's.
        String minute = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .format(first.atZone(clock.getZone()));
        String page = page();
        assertThat(page).contains("最近使用");
        assertThat(row(page, key.prefix())).contains("<td>" + minute + "</td>");
    }

    @Test
    void theDemoKeysThePlatformSeedsDoNotExpire() {
        assertThat(jdbc.sql("SELECT count(*) FROM account.api_client WHERE created_by = 'demo'"
                + " AND expires_at IS NOT NULL").query(Long.class).single()).isZero();
        assertThat(clients.authenticate(DemoAccounts.API_KEY)).isPresent();
    }

    private Instant expiresAt(UUID clientId) {
        return jdbc.sql("SELECT expires_at FROM account.api_client WHERE id = ?").param(clientId)
                .query(Timestamp.class).single().toInstant();
    }

    private Instant lastUsedAt(UUID clientId) {
        Timestamp at = jdbc.sql("SELECT last_used_at FROM account.api_client WHERE id = ?").param(clientId)
                .query((rs, n) -> rs.getTimestamp(1)).list().get(0);
        return at == null ? null : at.toInstant();
    }

    private String page() throws Exception {
        return mvc.perform(get("/console/api-clients").with(admin)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
    }

    private static String row(String page, String prefix) {
        String before = page.substring(0, page.indexOf(">" + prefix + "<"));
        String row = page.substring(before.lastIndexOf("<tr"));
        return row.substring(0, row.indexOf("</tr>"));
    }
}
