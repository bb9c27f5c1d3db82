package cn.chengxin.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.shared.security.Permission;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Principals;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static cn.chengxin.support.AsStaff.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Integrators' keys (gaps review xxxvii-api R7): {@code whoami} tells a system its key's kind, department, networks and
 * expiry; every answer to a key ending within 30 days carries {@code Chengxin-Key-Expires}; and the system replaces
 * the key the approving administrator saw with one only it holds ({@code POST /api/v1/keys/rotate}).
 */
@IntegrationTest
class IntegratorKeysIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiClients clients;

    @Autowired
    StaffDirectory directory;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    private final RequestPostProcessor admin = authentication(Principals.staff("keys-admin", "CREDIT_OFFICE",
            Permission.CONSOLE_HOME, Permission.ACCOUNT_API_CLIENT_MANAGE));

    @Test
    void whoamiTellsTheKeysDepartmentNetworksAndExpiry() throws Exception {
        Department market = directory.departments().stream().filter(d -> d.code().equals("MARKET")).findFirst()
                .orElseThrow();
        ApiClients.IssuedKey key = as("keys-platform", () -> clients.issue("身份测试系统 " + UUID.randomUUID(),
                "市市场监督管理局", ApiClient.Kind.DEPARTMENT, market.id(), Set.of(Permission.API_SUBJECT_CHECK), 60));
        Instant expires = expiresAt(key.clientId());

        MockHttpServletResponse answer = mvc.perform(get("/api/v1/whoami").header("Authorization",
                        "Bearer " + key.key()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.keyPrefix").value(key.prefix()))
                .andExpect(jsonPath("$.kind").value("DEPARTMENT"))
                .andExpect(jsonPath("$.departmentCode").value("MARKET"))
                .andExpect(jsonPath("$.allowedNetworks[0]").value(org.hamcrest.Matchers.startsWith("127.")))
                .andExpect(jsonPath("$.daysLeft").value(org.hamcrest.Matchers.anyOf(
                        org.hamcrest.Matchers.is(364), org.hamcrest.Matchers.is(365))))
                .andExpect(jsonPath("$.endingSoon").value(false))
                .andExpect(jsonPath("$.replaced").value(false))
                .andExpect(header().doesNotExist("Chengxin-Key-Expires"))
                .andReturn().getResponse();
        assertThat(Instant.parse(JsonPath.read(answer.getContentAsString(), "$.expiresAt"))).isEqualTo(expires);
        assertThat(answer.getContentAsString()).as("nothing secret").doesNotContain(key.key())
                .doesNotContain(key.key().substring(key.key().lastIndexOf('_') + 1));
    }

    @Test
    void answersToAKeyEndingWithinThirtyDaysCarryItsEnd() throws Exception {
        Instant in29 = clock.instant().plus(Duration.ofDays(29)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        ApiClients.IssuedKey soon = keyExpiring(in29);
        ApiClients.IssuedKey later = keyExpiring(clock.instant().plus(Duration.ofDays(31)));

        mvc.perform(get("/api/v1/whoami").header("Authorization", "Bearer " + soon.key()))
                .andExpect(status().isOk())
                .andExpect(header().string("Chengxin-Key-Expires", in29.toString()))
                .andExpect(jsonPath("$.endingSoon").value(true))
                .andExpect(jsonPath("$.daysLeft").value(28));
        // Any keyed answer, a refusal too: here the check API, which this key may not call.
        mvc.perform(post("/api/v1/checks").header("Authorization", "Bearer " + soon.key())
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(header().string("Chengxin-Key-Expires", in29.toString()));
        mvc.perform(get("/api/v1/whoami").header("Authorization", "Bearer " + later.key()))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("Chengxin-Key-Expires"))
                .andExpect(jsonPath("$.endingSoon").value(false));
    }

    @Test
    void aRotatedKeyStopsWorkingAndStaffNeverSeeItsSuccessor() throws Exception {
        String name = "自行更换测试系统 " + UUID.randomUUID();
        ApiClients.IssuedKey handedOver = as("keys-platform", () -> clients.issue(name, "某银行",
                ApiClient.Kind.INSTITUTION, null, Set.of(Permission.API_REPORT_QUERY), 60));
        Instant expires = expiresAt(handedOver.clientId());

        String answer = mvc.perform(post("/api/v1/keys/rotate").header("Authorization", "Bearer " + handedOver.key())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"overlapMinutes\":0}"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")))
                .andExpect(jsonPath("$.oldKeyPrefix").value(handedOver.prefix()))
                .andReturn().getResponse().getContentAsString();
        String own = JsonPath.read(answer, "$.key");
        String ownPrefix = JsonPath.read(answer, "$.keyPrefix");
        assertThat(own).startsWith("cx_" + ownPrefix + "_").isNotEqualTo(handedOver.key());

        // The key the administrator saw is refused at once; the new one is bound as it was and expires when it did.
        mvc.perform(get("/api/v1/whoami").header("Authorization", "Bearer " + handedOver.key()))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.code").value("API_KEY_INVALID"));
        assertThat(clients.authenticate(handedOver.key())).isEmpty();
        mvc.perform(get("/api/v1/whoami").header("Authorization", "Bearer " + own))
                .andExpect(status().isOk()).andExpect(jsonPath("$.organisation").value("某银行"))
                .andExpect(jsonPath("$.kind").value("INSTITUTION"))
                .andExpect(jsonPath("$.permissions[0]").value(Permission.API_REPORT_QUERY.code()));
        ApiClient successor = clients.clients().stream().filter(c -> c.keyPrefix().equals(ownPrefix)).findFirst()
                .orElseThrow();
        assertThat(successor.expiresAt()).isEqualTo(expires);
        assertThat(successor.institutionId()).as("consents and benefits follow the institution")
                .isEqualTo(handedOver.institutionId());

        // The administrators' page shows which key its holder replaced, never the new secret.
        String page = mvc.perform(get("/console/api-clients").with(admin)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).doesNotContain(own).doesNotContain(own.substring(own.lastIndexOf('_') + 1));
        assertThat(row(page, ownPrefix)).contains("data-field=\"held-by-holder\"");
        assertThat(row(page, handedOver.prefix())).contains("data-field=\"key-replaced\"");
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'account.apiclient.rotate'"
                        + " AND result = 'SUCCESS' AND actor_name = ? AND detail LIKE ?")
                .params(name, "reason=API_KEY_ROTATED; name=" + name + "; prefix=" + handedOver.prefix()
                        + "; successor=" + ownPrefix + "%")
                .query(Long.class).single()).isOne();
    }

    @Test
    void aRotationWhoseAnswerWasLostIsAskedAgainWithinTheOverlap() throws Exception {
        ApiClients.IssuedKey handedOver = as("keys-platform", () -> clients.issue("过渡测试系统 " + UUID.randomUUID(),
                "某银行", ApiClient.Kind.INSTITUTION, null, Set.of(Permission.API_REPORT_QUERY), 60));
        String lost = JsonPath.read(rotate(handedOver.key(), "{\"overlapMinutes\":30}"), "$.key");

        // Within the overlap the old key works, tells it was replaced and when it ends.
        mvc.perform(get("/api/v1/whoami").header("Authorization", "Bearer " + handedOver.key()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.replaced").value(true))
                .andExpect(header().exists("Chengxin-Key-Expires"));
        String kept = JsonPath.read(rotate(handedOver.key(), "{}"), "$.key");

        mvc.perform(get("/api/v1/whoami").header("Authorization", "Bearer " + lost))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/whoami").header("Authorization", "Bearer " + kept)).andExpect(status().isOk());
        // Out of range, and a published demo key: refused with their codes.
        mvc.perform(post("/api/v1/keys/rotate").header("Authorization", "Bearer " + kept)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"overlapMinutes\":1441}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("API_KEY_OVERLAP"));
        mvc.perform(post("/api/v1/keys/rotate").header("Authorization", "Bearer " + DemoAccounts.API_KEY))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("API_KEY_NOT_ROTATABLE"));
        assertThat(clients.authenticate(DemoAccounts.API_KEY)).isPresent();
    }

    private String rotate(String key, String body) throws Exception {
        return mvc.perform(post("/api/v1/keys/rotate").header("Authorization", "Bearer " + key)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** A key expiring at {@code at}, set before its first use (a key once read is known for 5 seconds). */
    private ApiClients.IssuedKey keyExpiring(Instant at) throws Exception {
        ApiClients.IssuedKey key = as("keys-platform", () -> clients.issue("到期提示测试系统 " + UUID.randomUUID(),
                "某银行", ApiClient.Kind.INSTITUTION, null, Set.of(Permission.API_REPORT_QUERY), 60));
        jdbc.sql("UPDATE account.api_client SET expires_at = ? WHERE id = ?").params(Timestamp.from(at),
                key.clientId()).update();
        return key;
    }

    private Instant expiresAt(UUID clientId) {
        return jdbc.sql("SELECT expires_at FROM account.api_client WHERE id = ?").param(clientId)
                .query(Timestamp.class).single().toInstant();
    }

    private static String row(String page, String prefix) {
        String before = page.substring(0, page.indexOf(">" + prefix + "<"));
        String row = page.substring(before.lastIndexOf("<tr"));
        return row.substring(0, row.indexOf("</tr>"));
    }
}
