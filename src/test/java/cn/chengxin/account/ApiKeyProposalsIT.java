package cn.chengxin.account;

import java.util.Set;
import java.util.UUID;

import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Principals;
import cn.chengxin.support.Sessions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static cn.chengxin.support.AsStaff.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An API key gives a program access to personal data, so one system administrator proposes it and another approves it
 * (双人复核, issue #3): the proposer cannot approve their own proposal, nothing usable exists before the approval, the
 * approval makes a key that authenticates, and a rejection leaves nothing usable. Each step is audited.
 */
@IntegrationTest
class ApiKeyProposalsIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiClients clients;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    @Autowired
    StaffDirectory directory;

    private final RequestPostProcessor maker = authentication(Principals.staff("keys-maker", "CREDIT_OFFICE",
            Permission.CONSOLE_HOME, Permission.ACCOUNT_API_CLIENT_MANAGE));
    private final RequestPostProcessor checker = authentication(Principals.staff("keys-checker", "CREDIT_OFFICE",
            Permission.CONSOLE_HOME, Permission.ACCOUNT_API_CLIENT_MANAGE));

    @Test
    void theProposerCannotApproveOrRejectTheirOwnProposal() throws Exception {
        String name = "自审测试系统 " + UUID.randomUUID();
        UUID proposal = propose(name);

        mvc.perform(post("/console/api-clients/proposals/{id}/approve", proposal).with(maker).with(csrf()))
                .andExpect(redirectedUrl("/console/api-clients"))
                .andExpect(flash().attribute("failureCode", "API_CLIENT_SELF_REVIEW"))
                .andExpect(model().attributeDoesNotExist("issuedKey"));
        mvc.perform(post("/console/api-clients/proposals/{id}/reject", proposal).with(maker).with(csrf()))
                .andExpect(flash().attribute("failureCode", "API_CLIENT_SELF_REVIEW"));
        assertThatThrownBy(() -> as("keys-facade-maker", () -> {
            UUID mine = clients.propose(name, "某银行", ApiClient.Kind.INSTITUTION, null,
                    Set.of(Permission.API_REPORT_QUERY), 60);
            return clients.approve(mine);
        })).isInstanceOf(DomainProblem.class).hasMessageContaining("双人复核");

        assertThat(clientsNamed(name)).as("no key").isZero();
        assertThat(proposalStatus(proposal)).isEqualTo("PENDING");
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'account.apiclient.approve'"
                        + " AND result = 'DENIED' AND actor_name = 'keys-maker' AND detail LIKE ?")
                .param(name + "%").query(Long.class).single()).isOne();
        // The page tells the proposer another administrator decides, and offers them no decision.
        String page = page(maker);
        String row = page.substring(page.indexOf("data-proposal=\"" + proposal + "\""));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row).contains("data-field=\"own-proposal\"").doesNotContain("/approve");
        assertThat(page(checker)).contains("/console/api-clients/proposals/" + proposal + "/approve");
    }

    @Test
    void beforeApprovalNoKeyExistsAndAfterItTheKeyAuthenticates() throws Exception {
        String name = "双人签发测试系统 " + UUID.randomUUID();
        UUID proposal = propose(name);
        assertThat(clientsNamed(name)).as("nothing usable before approval").isZero();
        assertThat(page(checker)).contains(name);
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'account.apiclient.propose'"
                + " AND actor_name = 'keys-maker' AND detail LIKE ?").param(name + "%").query(Long.class).single())
                .isOne();

        String key = (String) mvc.perform(post("/console/api-clients/proposals/{id}/approve", proposal)
                        .with(checker).with(csrf()))
                .andExpect(status().isOk()).andReturn().getModelAndView().getModel().get("issuedKey");

        assertThat(key).startsWith("cx_");
        mvc.perform(get("/api/v1/whoami").header("Authorization", "Bearer " + key))
                .andExpect(status().isOk()).andExpect(jsonPath("$.organisation").value("某银行"));
        assertThat(clientsNamed(name)).isOne();
        assertThat(proposalStatus(proposal)).isEqualTo("APPROVED");
        assertThat(jdbc.sql("SELECT count(*) FROM account.api_client WHERE key_hash = ? OR key_prefix = ?")
                .params(key, key).query(Long.class).single()).as("never stored in clear").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'account.apiclient.approve'"
                        + " AND result = 'SUCCESS' AND actor_name = 'keys-checker' AND detail LIKE ?")
                .param(name + "%").query(Long.class).single()).isOne();
        assertThat(page(checker)).doesNotContain("data-proposal=\"" + proposal + "\"");
    }

    @Test
    void aRejectedProposalLeavesNothingUsableAndCannotBeApprovedAfterwards() throws Exception {
        String name = "驳回测试系统 " + UUID.randomUUID();
        UUID proposal = propose(name);

        mvc.perform(post("/console/api-clients/proposals/{id}/reject", proposal).param("note", "用途不明")
                        .with(checker).with(csrf()))
                .andExpect(redirectedUrl("/console/api-clients"))
                .andExpect(flash().attribute("successKey", "console.apiClients.rejected"));
        mvc.perform(post("/console/api-clients/proposals/{id}/approve", proposal).with(checker).with(csrf()))
                .andExpect(flash().attribute("failureCode", "API_CLIENT_PROPOSAL_DECIDED"))
                .andExpect(model().attributeDoesNotExist("issuedKey"));

        assertThat(clientsNamed(name)).as("no key").isZero();
        assertThat(proposalStatus(proposal)).isEqualTo("REJECTED");
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'account.apiclient.reject'"
                        + " AND actor_name = 'keys-checker' AND detail LIKE ?")
                .param(name + "%").query(Long.class).single()).isOne();
    }

    /**
     * 续签 (gaps review xxix K2): a key's successor is proposed from its row, approved by another administrator and
     * issued to the same institution, bound as the key was, department included; a second renewal of the key while
     * one waits is refused.
     */
    @Test
    void aRenewalIsIssuedToTheSameInstitutionWithTheSameDepartment() throws Exception {
        String name = "续签测试系统 " + UUID.randomUUID();
        Department department = directory.departments().stream().filter(Department::active).findFirst().orElseThrow();
        ApiClients.IssuedKey old = as("keys-renew-setup", () -> clients.issue(name, "市某局", ApiClient.Kind.DEPARTMENT,
                department.id(), Set.of(Permission.API_SUBJECT_CHECK), 120));

        mvc.perform(post("/console/api-clients/{id}/renew", old.clientId()).with(maker).with(csrf()))
                .andExpect(redirectedUrl("/console/api-clients"))
                .andExpect(flash().attribute("successKey", "console.apiClients.renewalProposed"));
        mvc.perform(post("/console/api-clients/{id}/renew", old.clientId()).with(maker).with(csrf()))
                .andExpect(flash().attribute("failureCode", "API_CLIENT_RENEWAL_PENDING"));
        UUID proposal = jdbc.sql("SELECT id FROM account.api_client_proposal WHERE renews = ?").param(old.clientId())
                .query(UUID.class).single();
        String page = page(checker);
        String row = page.substring(page.indexOf("data-proposal=\"" + proposal + "\""));
        assertThat(row.substring(0, row.indexOf("</tr>"))).contains("data-field=\"renews\"", old.prefix(),
                department.name());

        String key = (String) mvc.perform(post("/console/api-clients/proposals/{id}/approve", proposal)
                        .with(checker).with(csrf()))
                .andExpect(status().isOk()).andReturn().getModelAndView().getModel().get("issuedKey");

        ApiClientPrincipal renewed = clients.authenticate(key).orElseThrow();
        assertThat(renewed.clientId()).isNotEqualTo(old.clientId());
        assertThat(renewed.institutionId()).as("the same institution").isEqualTo(old.institutionId())
                .isEqualTo(old.clientId());
        assertThat(renewed.departmentCode()).isEqualTo(department.code());
        assertThat(renewed.organisation()).isEqualTo("市某局");
        assertThat(renewed.permissions()).containsExactly(Permission.API_SUBJECT_CHECK);
        assertThat(renewed.ratePerMinute()).isEqualTo(120);
        assertThat(clients.authenticate(old.key())).as("the old key works until revoked").isPresent();
        assertThat(clients.institutions()).filteredOn(i -> i.id().equals(old.clientId())).singleElement()
                .satisfies(i -> assertThat(i.name()).isEqualTo(name));
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'account.apiclient.approve'"
                        + " AND actor_name = 'keys-checker' AND detail LIKE ?")
                .param(name + "%续签 " + old.prefix() + "%").query(Long.class).single()).isOne();
    }

    private UUID propose(String name) throws Exception {
        RequestPostProcessor session = Sessions.of(context);
        mvc.perform(post("/console/api-clients").param("issueToken", token(session)).param("name", name)
                        .param("organisation", "某银行").param("kind", "INSTITUTION")
                        .param("permission", Permission.API_REPORT_QUERY.code())
                        .with(session).with(maker).with(csrf()))
                .andExpect(redirectedUrl("/console/api-clients"))
                .andExpect(flash().attribute("successKey", "console.apiClients.proposed"));
        return jdbc.sql("SELECT id FROM account.api_client_proposal WHERE name = ?").param(name)
                .query(UUID.class).single();
    }

    private String token(RequestPostProcessor session) throws Exception {
        var token = java.util.regex.Pattern.compile("name=\"issueToken\" value=\"([^\"]+)\"").matcher(
                mvc.perform(get("/console/api-clients").with(session).with(maker)).andReturn().getResponse()
                        .getContentAsString());
        assertThat(token.find()).as("the form's one-time token").isTrue();
        return token.group(1);
    }

    private String page(RequestPostProcessor who) throws Exception {
        return mvc.perform(get("/console/api-clients").with(who)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private long clientsNamed(String name) {
        return jdbc.sql("SELECT count(*) FROM account.api_client WHERE name = ?").param(name).query(Long.class)
                .single();
    }

    private String proposalStatus(UUID proposal) {
        return jdbc.sql("SELECT status FROM account.api_client_proposal WHERE id = ?").param(proposal)
                .query(String.class).single();
    }
}
