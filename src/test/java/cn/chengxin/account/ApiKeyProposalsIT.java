package cn.chengxin.account;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
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

    @Autowired
    InstitutionViolations violations;

    @Autowired
    Clock clock;

    @Autowired
    BannedInstitutionKeys bannedKeys;

    @Autowired
    cn.chengxin.shared.jdbc.ClusterJobs cluster;

    private final RequestPostProcessor maker = authentication(Principals.staff("keys-maker", "CREDIT_OFFICE",
            Permission.CONSOLE_HOME, Permission.ACCOUNT_API_CLIENT_MANAGE));
    private final RequestPostProcessor checker = authentication(Principals.staff("keys-checker", "CREDIT_OFFICE",
            Permission.CONSOLE_HOME, Permission.ACCOUNT_API_CLIENT_MANAGE));
    private final RequestPostProcessor security = authentication(Principals.staff("register-checker", "CREDIT_OFFICE",
            Permission.CONSOLE_HOME, Permission.ACCOUNT_ROLE_MANAGE));
    private final RequestPostProcessor auditor = authentication(Principals.staff("register-reader", "CREDIT_OFFICE",
            Permission.CONSOLE_HOME, Permission.AUDIT_READ));

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
                    Set.of(Permission.API_REPORT_QUERY), 60, "127.0.0.1");
            return clients.approve(mine);
        })).isInstanceOf(DomainProblem.class).hasMessageContaining("双人复核");

        assertThat(clientsNamed(name)).as("no key").isZero();
        assertThat(proposalStatus(proposal)).isEqualTo("PENDING");
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'account.apiclient.approve'"
                        + " AND result = 'DENIED' AND actor_name = 'keys-maker' AND detail = ?")
                .param("reason=API_KEY_OWN_PROPOSAL; name=" + name).query(Long.class).single()).isOne();
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
                + " AND actor_name = 'keys-maker' AND detail LIKE ?").param("%name=" + name + "%").query(Long.class)
                .single()).isOne();

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
                .param("%name=" + name + "%").query(Long.class).single()).isOne();
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
                        + " AND actor_name = 'keys-checker' AND detail = ?")
                .param("reason=API_KEY_REJECTED; name=" + name + "; proposer=keys-maker").query(Long.class).single())
                .isOne();
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
                .param("reason=API_KEY_APPROVED; name=" + name + "; prefix=%; renews=" + old.prefix() + ";%")
                .query(Long.class).single()).isOne();
    }

    /**
     * Gaps review xxxi M7: a department's or an institution's key names the networks it may be used from, or "any
     * address" is chosen with a written reason, which the approving administrator reads on the proposal, which is kept
     * with the key and shown on its row, and which the audit names. Neither, or a reason too long, is refused
     * API_CLIENT_ADDRESSES_REQUIRED; a partner platform's key may name none; a reason beside networks is not kept.
     */
    @Test
    void anInstitutionsKeyNamesItsNetworksOrAReasonTheApproverReads() throws Exception {
        String refused = "无地址测试系统 " + UUID.randomUUID();
        RequestPostProcessor session = Sessions.of(context);
        mvc.perform(post("/console/api-clients").param("issueToken", token(session)).param("name", refused)
                        .param("organisation", "某银行").param("kind", "INSTITUTION")
                        .param("permission", Permission.API_REPORT_QUERY.code()).param("allowedAddresses", " ")
                        .param("anyAddressReason", " ").with(session).with(maker).with(csrf()))
                .andExpect(redirectedUrl("/console/api-clients"))
                .andExpect(flash().attribute("failureCode", "API_CLIENT_ADDRESSES_REQUIRED"));
        Department department = directory.departments().stream().filter(Department::active).findFirst().orElseThrow();
        assertThatThrownBy(() -> as("keys-maker", () -> clients.propose(refused, "市某局", ApiClient.Kind.DEPARTMENT,
                department.id(), Set.of(Permission.API_SUBJECT_CHECK), 60)))
                .isInstanceOf(DomainProblem.class).extracting("code").isEqualTo("API_CLIENT_ADDRESSES_REQUIRED");
        assertThatThrownBy(() -> as("keys-maker", () -> clients.propose(refused, "某银行", ApiClient.Kind.INSTITUTION,
                null, Set.of(Permission.API_REPORT_QUERY), 60, "", "理".repeat(201))))
                .isInstanceOf(DomainProblem.class).extracting("code").isEqualTo("API_CLIENT_ADDRESSES_REQUIRED");
        assertThat(jdbc.sql("SELECT count(*) FROM account.api_client_proposal WHERE name = ?").param(refused)
                .query(Long.class).single()).as("nothing proposed").isZero();

        String partner = "合作平台无地址 " + UUID.randomUUID();
        UUID partnerProposal = as("keys-maker", () -> clients.propose(partner, "省信用平台",
                ApiClient.Kind.PARTNER_PLATFORM, null, Set.of(Permission.SUBJECT_READ), 60));
        String named = "地址与理由测试 " + UUID.randomUUID();
        UUID withAddresses = as("keys-maker", () -> clients.propose(named, "某银行", ApiClient.Kind.INSTITUTION, null,
                Set.of(Permission.API_REPORT_QUERY), 60, "10.8.0.0/16", "多写的理由"));
        assertThat(jdbc.sql("SELECT coalesce(any_address_reason, 'none') FROM account.api_client_proposal"
                + " WHERE id = ?").param(withAddresses).query(String.class).single()).isEqualTo("none");

        String name = "不限地址理由测试 " + UUID.randomUUID();
        String reason = "信贷员移动终端经运营商网络调用，出口地址不固定";
        session = Sessions.of(context);
        mvc.perform(post("/console/api-clients").param("issueToken", token(session)).param("name", name)
                        .param("organisation", "某银行").param("kind", "INSTITUTION")
                        .param("permission", Permission.API_REPORT_QUERY.code()).param("anyAddressReason", reason)
                        .with(session).with(maker).with(csrf()))
                .andExpect(flash().attribute("successKey", "console.apiClients.proposed"));
        UUID proposal = jdbc.sql("SELECT id FROM account.api_client_proposal WHERE name = ?").param(name)
                .query(UUID.class).single();
        String page = page(checker);
        assertThat(proposalRow(page, proposal)).contains("data-field=\"any-address-reason\"", "不限地址，理由：" + reason)
                .doesNotContain("data-field=\"addresses-unexplained\"");
        assertThat(proposalRow(page, partnerProposal)).contains("data-field=\"addresses-unexplained\"");
        assertThat(proposalRow(page, withAddresses)).contains("10.8.0.0/16").doesNotContain("多写的理由");

        String key = (String) mvc.perform(post("/console/api-clients/proposals/{id}/approve", proposal)
                        .with(checker).with(csrf()))
                .andExpect(status().isOk()).andReturn().getModelAndView().getModel().get("issuedKey");
        mvc.perform(get("/api/v1/whoami").header("Authorization", "Bearer " + key).with(r -> {
            r.setRemoteAddr("198.51.100.9");
            return r;
        })).andExpect(status().isOk());
        ApiClient issued = clients.clients().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
        assertThat(issued.anyAddressReason()).isEqualTo(reason);
        assertThat(issued.addressesUnexplained()).isFalse();
        String row = page(checker);
        row = row.substring(row.lastIndexOf("<tr", row.indexOf(">" + issued.keyPrefix() + "<")));
        assertThat(row.substring(0, row.indexOf("</tr>"))).contains("不限地址，理由：" + reason)
                .doesNotContain("data-field=\"addresses-unexplained\"");
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'account.apiclient.propose'"
                        + " AND actor_name = 'keys-maker' AND detail = ?")
                .param("reason=API_KEY_PROPOSED_ANY_ADDRESS; name=" + name + "; kind=#console.apiClients.kind.INSTITUTION; "
                        + "permissions=api:report:query; reason=" + reason).query(Long.class).single()).isOne();
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'account.apiclient.approve'"
                        + " AND actor_name = 'keys-checker' AND detail LIKE ?")
                .param("reason=API_KEY_APPROVED_ANY_ADDRESS; name=" + name + "%; reason=" + reason)
                .query(Long.class).single()).isOne();
    }

    /**
     * Gaps review xxxi M7: a key issued before addresses were required answers from anywhere with no reason. Its row
     * marks it; its renewal names networks or gives a reason, else API_CLIENT_ADDRESSES_REQUIRED.
     */
    @Test
    void anOldKeyWithoutAddressesIsMarkedAndRenewedOnlyWithNetworksOrAReason() throws Exception {
        String name = "旧不限地址系统 " + UUID.randomUUID();
        ApiClients.IssuedKey old = as("keys-renew-setup", () -> clients.issue(name, "旧银行", ApiClient.Kind.INSTITUTION,
                null, Set.of(Permission.API_REPORT_QUERY), 60));
        String fresh = page(checker);
        String freshRow = fresh.substring(fresh.lastIndexOf("<tr", fresh.indexOf(">" + old.prefix() + "<")));
        assertThat(freshRow.substring(0, freshRow.indexOf("</tr>"))).contains("127.0.0.0/8")
                .doesNotContain("data-field=\"addresses-unexplained\"");
        jdbc.sql("UPDATE account.api_client SET allowed_addresses = '{}' WHERE id = ?").param(old.clientId()).update();

        String page = page(checker);
        String row = page.substring(page.lastIndexOf("<tr", page.indexOf(">" + old.prefix() + "<")));
        assertThat(row.substring(0, row.indexOf("</tr>"))).contains("data-field=\"addresses-unexplained\"",
                "data-field=\"renew-addresses\"");
        mvc.perform(post("/console/api-clients/{id}/renew", old.clientId()).with(maker).with(csrf()))
                .andExpect(flash().attribute("failureCode", "API_CLIENT_ADDRESSES_REQUIRED"));
        mvc.perform(post("/console/api-clients/{id}/renew", old.clientId()).param("allowedAddresses", "10.1.2.0/24")
                        .with(maker).with(csrf()))
                .andExpect(flash().attribute("successKey", "console.apiClients.renewalProposed"));
        assertThat(jdbc.sql("SELECT array_to_string(allowed_addresses, ',') FROM account.api_client_proposal"
                + " WHERE renews = ?").param(old.clientId()).query(String.class).single()).isEqualTo("10.1.2.0/24");
    }

    /**
     * A revocation names its ground from the closed list and the decision's reference, kept with the key, shown on
     * its row and audited (gaps review xxx L4: it took no reason and audited only the key's id).
     */
    @Test
    void aRevocationRecordsItsGroundAndReference() throws Exception {
        String name = "吊销事由测试系统 " + UUID.randomUUID();
        ApiClients.IssuedKey key = as("keys-revoke-setup", () -> clients.issue(name, "吊销事由测试银行",
                ApiClient.Kind.INSTITUTION, null, Set.of(Permission.API_REPORT_QUERY), 60));

        mvc.perform(post("/console/api-clients/{id}/revoke", key.clientId()).param("reference", "信用办〔2026〕7号")
                        .with(maker).with(csrf()))
                .andExpect(flash().attribute("failureCode", "API_CLIENT_REVOKE_GROUND"));
        mvc.perform(post("/console/api-clients/{id}/revoke", key.clientId()).param("ground", "BEYOND_PURPOSE")
                        .with(maker).with(csrf()))
                .andExpect(flash().attribute("failureCode", "API_CLIENT_REFERENCE"));
        assertThat(clients.authenticate(key.key())).as("not revoked without a ground and reference").isPresent();

        mvc.perform(post("/console/api-clients/{id}/revoke", key.clientId()).param("ground", "BEYOND_PURPOSE")
                        .param("reference", "信用办〔2026〕7号").with(maker).with(csrf()))
                .andExpect(flash().attribute("successKey", "console.apiClients.revoked"));

        assertThat(clients.authenticate(key.key())).isEmpty();
        assertThat(jdbc.sql("SELECT revoke_ground || ' ' || revoke_reference FROM account.api_client WHERE id = ?")
                .param(key.clientId()).query(String.class).single()).isEqualTo("BEYOND_PURPOSE 信用办〔2026〕7号");
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'account.apiclient.revoke'"
                        + " AND actor_name = 'keys-maker' AND detail LIKE ?")
                .param("reason=API_CLIENT_REVOKED; key=" + name + "%; ground=#console.violations.ground.BEYOND_PURPOSE; "
                        + "reference=信用办〔2026〕7号").query(Long.class).single()).isOne();
        String page = page(checker);
        assertThat(page.substring(page.indexOf(key.prefix()))).contains("data-field=\"revoke-ground\"",
                "超范围使用，信用办〔2026〕7号");
    }

    /**
     * 违规机构名单 (gaps review xxx L4): a system administrator proposes an institution, a security administrator
     * confirms; from then no key is proposed, renewed or approved for it — by its institution or by its organisation's
     * name written otherwise — until its ban ends, each refusal audited; the auditor reads the register.
     */
    @Test
    void aRegisteredInstitutionIsRefusedNewKeysUntilItsBanEnds() throws Exception {
        String bank = "违规测试银行" + UUID.randomUUID().toString().substring(0, 8) + "（股份）有限公司";
        String name = "违规测试信贷系统 " + UUID.randomUUID();
        ApiClients.IssuedKey key = as("keys-ban-setup", () -> clients.issue(name, bank, ApiClient.Kind.INSTITUTION,
                null, Set.of(Permission.API_REPORT_QUERY), 60));
        UUID waiting = propose("违规前提议 " + UUID.randomUUID(), bank);
        LocalDate today = LocalDate.now(clock);

        mvc.perform(post("/console/institution-violations").param("institutionId", key.institutionId().toString())
                        .param("ground", "UNLAWFUL_QUERY").param("reference", "信用办〔2026〕12号")
                        .param("from", today.toString()).param("until", today.plusDays(90).toString())
                        .with(maker).with(csrf()))
                .andExpect(redirectedUrl("/console/institution-violations"))
                .andExpect(flash().attribute("successKey", "console.violations.proposed"));
        UUID entry = jdbc.sql("SELECT id FROM account.institution_violation WHERE institution_id = ?")
                .param(key.institutionId()).query(UUID.class).single();
        // Only a confirmed entry bans: a renewal is still proposed while the entry waits.
        mvc.perform(post("/console/api-clients/{id}/renew", key.clientId()).with(maker).with(csrf()))
                .andExpect(flash().attribute("successKey", "console.apiClients.renewalProposed"));
        UUID renewal = jdbc.sql("SELECT id FROM account.api_client_proposal WHERE renews = ?").param(key.clientId())
                .query(UUID.class).single();

        mvc.perform(post("/console/institution-violations/{id}/confirm", entry).with(security).with(csrf()))
                .andExpect(flash().attribute("successKey", "console.violations.confirmed"));

        String other = bank.replace("（", " (").replace("）", ") ");
        RequestPostProcessor session = Sessions.of(context);
        mvc.perform(post("/console/api-clients").param("issueToken", token(session)).param("name", name + " 新")
                        .param("organisation", other).param("kind", "INSTITUTION")
                        .param("permission", Permission.API_REPORT_QUERY.code())
                        .with(session).with(maker).with(csrf()))
                .andExpect(flash().attribute("failureCode", "API_CLIENT_INSTITUTION_BANNED"));
        mvc.perform(post("/console/api-clients/{id}/renew", key.clientId()).with(checker).with(csrf()))
                .andExpect(flash().attribute("failureCode", "API_CLIENT_INSTITUTION_BANNED"));
        for (UUID proposal : new UUID[] {waiting, renewal}) {
            mvc.perform(post("/console/api-clients/proposals/{id}/approve", proposal).with(checker).with(csrf()))
                    .andExpect(flash().attribute("failureCode", "API_CLIENT_INSTITUTION_BANNED"))
                    .andExpect(model().attributeDoesNotExist("issuedKey"));
            assertThat(proposalStatus(proposal)).isEqualTo("PENDING");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM account.api_client WHERE institution_id = ?")
                .param(key.institutionId()).query(Long.class).single()).as("no key issued").isOne();
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action LIKE 'account.apiclient.%'"
                        + " AND result = 'DENIED' AND detail LIKE ?")
                .param("reason=API_KEY_INSTITUTION_BANNED; %; reference=信用办〔2026〕12号; %")
                .query(Long.class).single()).isEqualTo(4);
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action IN ("
                        + "'account.institution.violation.propose', 'account.institution.violation.confirm')"
                        + " AND detail LIKE ?").param("reason=VIOLATION_%; organisation=" + bank
                        + "; ground=#console.violations.ground.UNLAWFUL_QUERY; reference=信用办〔2026〕12号; %")
                .query(Long.class).single()).isEqualTo(2);

        // The auditor reads the register, and decides nothing.
        String register = mvc.perform(get("/console/institution-violations").with(auditor))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String row = register.substring(register.indexOf("data-violation=\"" + entry + "\""));
        assertThat(row.substring(0, row.indexOf("</tr>"))).contains(bank, "违规查询", "信用办〔2026〕12号",
                "data-field=\"in-force\"").doesNotContain("/confirm", "data-field=\"live-key\"");
        assertThat(register).doesNotContain("name=\"institutionId\"");

        // A ban that has ended refuses nothing.
        String former = "期满测试机构" + UUID.randomUUID();
        ApiClients.IssuedKey formerKey = as("keys-ban-setup", () -> clients.issue(name + " 期满", former,
                ApiClient.Kind.INSTITUTION, null, Set.of(Permission.API_REPORT_QUERY), 60));
        UUID ended = as("keys-ban-maker", () -> violations.propose(formerKey.institutionId(), ViolationGround.DISCLOSURE,
                "信用办〔2025〕3号", today.minusDays(400), today.minusDays(1)));
        as("keys-ban-checker", () -> {
            violations.confirm(ended);
            return null;
        });
        mvc.perform(post("/console/api-clients/{id}/renew", formerKey.clientId()).with(maker).with(csrf()))
                .andExpect(flash().attribute("successKey", "console.apiClients.renewalProposed"));
        assertThat(revocation(formerKey.clientId())).as("an ended ban revokes nothing").isNull();
    }

    /**
     * Gaps review xxx L4 leftover: confirming a ban revokes the institution's live keys at once, for the ban's ground
     * and reference, each audited with a structured detail; a proposal alone revokes nothing, and another
     * institution's key is untouched. A revoked key is refused on the API.
     */
    @Test
    void confirmingABanRevokesTheInstitutionsLiveKeys() throws Exception {
        String bank = "吊销测试银行" + UUID.randomUUID().toString().substring(0, 8);
        ApiClients.IssuedKey first = as("keys-ban-setup", () -> clients.issue("吊销测试系统甲", bank,
                ApiClient.Kind.INSTITUTION, null, Set.of(Permission.API_REPORT_QUERY), 60));
        UUID renewal = as("keys-ban-maker", () -> clients.proposeRenewal(first.clientId()));
        ApiClients.IssuedKey second = as("keys-ban-checker", () -> clients.approve(renewal));
        ApiClients.IssuedKey bystander = as("keys-ban-setup", () -> clients.issue("吊销测试旁观系统",
                "旁观机构" + UUID.randomUUID(), ApiClient.Kind.INSTITUTION, null, Set.of(Permission.API_REPORT_QUERY),
                60));
        LocalDate today = LocalDate.now(clock);
        UUID entry = as("keys-ban-maker", () -> violations.propose(first.institutionId(), ViolationGround.DISCLOSURE,
                "信用办〔2026〕21号", today, today.plusYears(1)));
        assertThat(revocation(first.clientId())).as("proposed only").isNull();

        as("keys-ban-checker", () -> {
            violations.confirm(entry);
            return null;
        });

        for (ApiClients.IssuedKey key : List.of(first, second)) {
            assertThat(revocation(key.clientId())).isEqualTo("DISCLOSURE 信用办〔2026〕21号");
            assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'account.apiclient.revoke'"
                            + " AND detail LIKE ?")
                    .param("reason=API_CLIENT_REVOKED_FOR_BAN; key=%; prefix=" + key.prefix() + "; organisation="
                            + bank + "; ground=#console.violations.ground.DISCLOSURE; reference=信用办〔2026〕21号; until="
                            + today.plusYears(1)).query(Long.class).single()).isOne();
        }
        assertThat(revocation(bystander.clientId())).isNull();
        mvc.perform(post("/api/v1/reports").header("Authorization", "Bearer " + second.key())
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("{\"subjectNumber\":\"110101199003077777\",\"purpose\":\"LENDING\"}"))
                .andExpect(status().isUnauthorized());
    }

    /**
     * S7 of gaps-review-xxxviii: a ban confirmed today from tomorrow holds the institution's key from tomorrow's first
     * second, whether or not the night's revocation ran (none runs here): the check refuses it as banned, the API
     * answers 401 API_KEY_INSTITUTION_BANNED, audited as the key's refused attempt; an instance starting after the
     * night's hour revokes it (the durable record), once across the instances.
     */
    @Test
    void aBanFromTomorrowRefusesTheKeyFromItsFirstSecondThoughTheNightsRunWasMissed() throws Exception {
        String bank = "明日禁入银行" + UUID.randomUUID().toString().substring(0, 8);
        ApiClients.IssuedKey key = as("keys-ban-setup", () -> clients.issue("明日禁入系统", bank,
                ApiClient.Kind.INSTITUTION, null, Set.of(Permission.API_REPORT_QUERY), 60));
        java.time.ZoneId beijing = java.time.ZoneId.of("Asia/Shanghai");
        LocalDate today = LocalDate.now(clock.withZone(beijing));
        LocalDate tomorrow = today.plusDays(1);
        UUID entry = as("keys-ban-maker", () -> violations.propose(key.institutionId(), ViolationGround.UNLAWFUL_QUERY,
                "信用办〔2026〕61号", tomorrow, tomorrow.plusDays(30)));
        as("keys-ban-checker", () -> {
            violations.confirm(entry);
            return null;
        });
        assertThat(revocation(key.clientId())).as("not in force yet").isNull();
        mvc.perform(get("/api/v1/whoami").header("Authorization", "Bearer " + key.key()))
                .andExpect(status().isOk());

        // The clock moved to tomorrow, and no instance ran the night's revocation at 00:05.
        java.time.Instant midnight = tomorrow.atStartOfDay(beijing).toInstant();
        assertThat(clients.check(key.key(), midnight.minusSeconds(1)).client()).as("the ban's eve").isPresent();
        ApiClients.KeyCheck refused = clients.check(key.key(), midnight);
        assertThat(refused.banned()).isTrue();
        assertThat(refused.client()).isEmpty();
        String audited = "SELECT count(*) FROM audit.event WHERE action = 'account.apiclient.use' AND result = 'DENIED'"
                + " AND actor_name = '明日禁入系统' AND detail = ?";
        String detail = "reason=API_KEY_REFUSED_FOR_BAN; key=明日禁入系统; prefix=" + key.prefix() + "; organisation="
                + bank + "; ground=#console.violations.ground.UNLAWFUL_QUERY; reference=信用办〔2026〕61号; until="
                + tomorrow.plusDays(30);
        assertThat(jdbc.sql(audited).param(detail).query(Long.class).single()).isOne();

        // Over the API: the same day moved by a day of the entry's (the clock of the context is the real one).
        jdbc.sql("UPDATE account.institution_violation SET banned_from = banned_from - 1 WHERE id = ?").param(entry)
                .update();
        clients.banConfirmed();
        mvc.perform(get("/api/v1/whoami").header("Authorization", "Bearer " + key.key()))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("API_KEY_INSTITUTION_BANNED"));
        assertThat(revocation(key.clientId())).as("the night's run was missed").isNull();

        // An instance starts after 00:05 on a day the revocation did not run: it revokes the key for good.
        jdbc.sql("INSERT INTO shared.cluster_job (job, done_through) VALUES (?, ?) ON CONFLICT (job) "
                        + "DO UPDATE SET done_through = EXCLUDED.done_through")
                .params(BannedInstitutionKeys.JOB, java.sql.Date.valueOf(today.minusDays(1))).update();
        java.time.Instant started = today.atTime(0, 30).atZone(beijing).toInstant();
        assertThat(new cn.chengxin.shared.jdbc.MissedDays(List.of(bannedKeys), cluster, clock, false)
                .catchUp(started)).containsExactly(BannedInstitutionKeys.JOB);
        assertThat(revocation(key.clientId())).isEqualTo("UNLAWFUL_QUERY 信用办〔2026〕61号");
        assertThat(new cn.chengxin.shared.jdbc.MissedDays(List.of(bannedKeys), cluster, clock, false)
                .catchUp(started)).as("the second instance starting finds it done").isEmpty();
        mvc.perform(get("/api/v1/whoami").header("Authorization", "Bearer " + key.key()))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.code").value("API_KEY_INVALID"));
    }

    /**
     * L4 rest (session xxxv): an entry of the register naming the institution's unified social credit code bans a key
     * proposed for that code under another name ("某某银行" and "某某银行股份有限公司"), which the name alone did not;
     * a code typed wrong is refused, and a code given is shown on the proposal's row.
     */
    @Test
    void aBanNamingACreditCodeRefusesAKeyOfThatCodeUnderAnotherName() throws Exception {
        String code = cn.chengxin.support.TestCreditCodes.next();
        String bank = "代码禁入银行" + UUID.randomUUID().toString().substring(0, 8);
        ApiClients.IssuedKey key = as("keys-ban-setup", () -> clients.issue("代码测试系统", bank,
                ApiClient.Kind.INSTITUTION, null, Set.of(Permission.API_REPORT_QUERY), 60));
        LocalDate today = LocalDate.now(clock);
        UUID entry = as("keys-ban-maker", () -> violations.propose(key.institutionId(), ViolationGround.DISCLOSURE,
                "信用办〔2026〕41号", today, today.plusYears(1), " " + code.toLowerCase() + " "));
        assertThat(jdbc.sql("SELECT credit_code FROM account.institution_violation WHERE id = ?").param(entry)
                .query(String.class).single()).as("kept canonical").isEqualTo(code);
        String longName = bank + "股份有限公司";
        UUID unnamed = as("keys-maker", () -> clients.propose("代码测试新系统", longName, ApiClient.Kind.INSTITUTION,
                null, Set.of(Permission.API_REPORT_QUERY), 60, "10.8.0.0/16", null, null));
        assertThat(unnamed).as("not yet confirmed").isNotNull();
        as("keys-ban-checker", () -> {
            violations.confirm(entry);
            return null;
        });

        assertThatThrownBy(() -> as("keys-maker", () -> clients.propose("代码测试新系统", longName,
                ApiClient.Kind.INSTITUTION, null, Set.of(Permission.API_REPORT_QUERY), 60, "10.8.0.0/16", null, code)))
                .isInstanceOf(DomainProblem.class).extracting("code").isEqualTo("API_CLIENT_INSTITUTION_BANNED");
        assertThat(as("keys-checker", () -> clients.approve(unnamed)))
                .as("its name is another's and it gives no code: the register cannot tell").isNotNull();
        String wrong = code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0');
        assertThatThrownBy(() -> as("keys-maker", () -> clients.propose("代码测试他行系统", "他行" + bank,
                ApiClient.Kind.INSTITUTION, null, Set.of(Permission.API_REPORT_QUERY), 60, "10.8.0.0/16", null, wrong)))
                .isInstanceOf(DomainProblem.class).extracting("code").isEqualTo("API_CLIENT_CREDIT_CODE");
        String other = cn.chengxin.support.TestCreditCodes.next();
        UUID coded = as("keys-maker", () -> clients.propose("代码测试他行系统", "他行" + bank,
                ApiClient.Kind.INSTITUTION, null, Set.of(Permission.API_REPORT_QUERY), 60, "10.8.0.0/16", null, other));
        String page = page(checker);
        String row = page.substring(page.indexOf("data-proposal=\"" + coded + "\""));
        assertThat(row.substring(0, row.indexOf("</tr>"))).contains("data-field=\"credit-code\"").contains(other);
    }

    /** The key's revocation ground and reference, or null while it is not revoked. */
    private String revocation(UUID clientId) {
        return jdbc.sql("SELECT CASE WHEN revoked_at IS NULL THEN NULL ELSE revoke_ground || ' ' || revoke_reference END"
                + " FROM account.api_client WHERE id = ?").param(clientId).query(String.class).list().get(0);
    }

    /** The register's entries are kept by two persons: the proposer cannot confirm or reject their own. */
    @Test
    void theProposerOfAnEntryCannotDecideIt() throws Exception {
        ApiClients.IssuedKey key = as("keys-ban-setup", () -> clients.issue("自审违规测试系统", "自审违规测试机构 "
                + UUID.randomUUID(), ApiClient.Kind.INSTITUTION, null, Set.of(Permission.API_REPORT_QUERY), 60));
        LocalDate today = LocalDate.now(clock);
        UUID entry = as("register-self", () -> violations.propose(key.institutionId(), ViolationGround.OTHER,
                "信用办〔2026〕99号", today, today.plusDays(1)));

        assertThatThrownBy(() -> as("register-self", () -> {
            violations.confirm(entry);
            return null;
        })).isInstanceOf(DomainProblem.class).extracting("code").isEqualTo("INSTITUTION_VIOLATION_SELF_REVIEW");
        assertThatThrownBy(() -> as("keys-ban-maker", () -> violations.propose(key.institutionId(),
                ViolationGround.OTHER, "信用办〔2026〕99号", today, today.plusYears(6))))
                .isInstanceOf(DomainProblem.class).extracting("code").isEqualTo("INSTITUTION_VIOLATION_PERIOD");
        assertThat(jdbc.sql("SELECT status FROM account.institution_violation WHERE id = ?").param(entry)
                .query(String.class).single()).isEqualTo("PENDING");
        mvc.perform(post("/console/institution-violations/{id}/reject", entry).param("note", "文号有误")
                        .with(security).with(csrf()))
                .andExpect(flash().attribute("successKey", "console.violations.rejected"));
        mvc.perform(post("/console/institution-violations/{id}/confirm", entry).with(security).with(csrf()))
                .andExpect(flash().attribute("failureCode", "INSTITUTION_VIOLATION_DECIDED"));
        mvc.perform(post("/console/api-clients/{id}/renew", key.clientId()).with(maker).with(csrf()))
                .andExpect(flash().attribute("successKey", "console.apiClients.renewalProposed"));
    }

    private UUID propose(String name) throws Exception {
        return propose(name, "某银行");
    }

    private UUID propose(String name, String organisation) throws Exception {
        RequestPostProcessor session = Sessions.of(context);
        mvc.perform(post("/console/api-clients").param("issueToken", token(session)).param("name", name)
                        .param("organisation", organisation).param("kind", "INSTITUTION")
                        .param("permission", Permission.API_REPORT_QUERY.code()).param("allowedAddresses", "127.0.0.1")
                        .with(session).with(maker).with(csrf()))
                .andExpect(redirectedUrl("/console/api-clients"))
                .andExpect(flash().attribute("successKey", "console.apiClients.proposed"));
        return jdbc.sql("SELECT id FROM account.api_client_proposal WHERE name = ?").param(name)
                .query(UUID.class).single();
    }

    private static String proposalRow(String page, UUID proposal) {
        String row = page.substring(page.indexOf("data-proposal=\"" + proposal + "\""));
        return row.substring(0, row.indexOf("</tr>"));
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
