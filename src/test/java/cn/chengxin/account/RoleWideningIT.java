package cn.chengxin.account;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.shared.security.Permission;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Principals;
import cn.chengxin.support.TestStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Gaps review xxxi M3 (RULES.md §10: least privilege, separation of duties): a permission added to a role reaches
 * everyone who holds it at once, so one security administrator proposes it and another approves; the proposer cannot.
 * Taking a permission away stays immediate. Business roles held beside an administrator's, granted before the rule,
 * are listed on the roles page, not revoked.
 */
@IntegrationTest
class RoleWideningIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    StaffDirectory directory;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    /** Two security administrators, named afresh for each test so that its audit lines are its own. */
    private final String proposerName = "widen-a" + Long.toString(System.nanoTime() % 1_000_000_000, 36);
    private final String secondName = "widen-b" + Long.toString(System.nanoTime() % 1_000_000_000, 36);
    private final UsernamePasswordAuthenticationToken proposer = Principals.staff(proposerName, "CREDIT_OFFICE",
            Permission.CONSOLE_HOME, Permission.ACCOUNT_ROLE_MANAGE);
    private final UsernamePasswordAuthenticationToken second = Principals.staff(secondName, "CREDIT_OFFICE",
            Permission.CONSOLE_HOME, Permission.ACCOUNT_ROLE_MANAGE);

    @Test
    void addingGovernmentQueriesToTheSubmissionClerksWaitsForAnotherSecurityAdministrator() throws Exception {
        Role operator = role("DEPT_OPERATOR");
        Set<Permission> before = operator.permissions();
        assertThat(before).as("F3 took it away").doesNotContain(Permission.INQUIRY_GOVERNMENT);
        try {
            MvcResult proposed = change(proposer, operator, withAdded(before, Permission.INQUIRY_GOVERNMENT));
            assertThat(proposed.getFlashMap().get("successKey")).isEqualTo("console.roles.proposed");
            assertThat(role("DEPT_OPERATOR").permissions()).as("nothing added yet").isEqualTo(before);
            UUID proposal = jdbc.sql("SELECT id FROM account.role_proposal WHERE role_id = ? AND status = 'PENDING'")
                    .param(operator.id()).query(UUID.class).single();
            String page = page(second);
            assertThat(section(page, "id=\"role-proposals\"")).contains("data-role-proposal=\"" + proposal + "\"",
                    "DEPT_OPERATOR", "inquiry:government", proposerName);

            MvcResult own = decide(proposer, proposal, "approve");
            assertThat(own.getFlashMap().get("failureCode")).isEqualTo("ROLE_PROPOSAL_SELF_REVIEW");
            assertThat(role("DEPT_OPERATOR").permissions()).doesNotContain(Permission.INQUIRY_GOVERNMENT);
            MvcResult secondProposal = change(second, operator, withAdded(before, Permission.SUBJECT_READ,
                    Permission.INQUIRY_GOVERNMENT));
            assertThat(secondProposal.getFlashMap().get("failureCode")).isEqualTo("ROLE_PROPOSAL_PENDING");

            MvcResult approved = decide(second, proposal, "approve");
            assertThat(approved.getFlashMap().get("successKey")).isEqualTo("console.proposals.approved");
            assertThat(role("DEPT_OPERATOR").permissions()).contains(Permission.INQUIRY_GOVERNMENT)
                    .containsAll(before);
            assertThat(decide(second, proposal, "approve").getFlashMap().get("failureCode"))
                    .isEqualTo("ROLE_PROPOSAL_DECIDED");
            assertThat(audited("account.role.permissions.propose", proposerName, "ROLE_WIDENING_PROPOSED"))
                    .isEqualTo(1);
            assertThat(audited("account.role.proposal.approve", proposerName, "OWN_ROLE_PROPOSAL")).isEqualTo(1);
            assertThat(audited("account.role.proposal.approve", secondName, "ROLE_WIDENING_APPROVED"))
                    .isEqualTo(1);
            assertThat(audited("account.role.permissions", secondName, "ROLE_PERMISSIONS_APPROVED"))
                    .isEqualTo(1);
        } finally {
            // Narrowing is immediate: the base role is as it was for the other tests.
            MvcResult narrowed = change(proposer, role("DEPT_OPERATOR"), before);
            assertThat(narrowed.getFlashMap().get("successKey")).isEqualTo("console.saved");
            assertThat(role("DEPT_OPERATOR").permissions()).isEqualTo(before);
        }
    }

    @Test
    void aRejectedWideningAddsNothingAndANarrowingBesideItAppliesAtOnce() throws Exception {
        Role reader = directory.createRole("WIDEN_" + System.nanoTime() % 1_000_000, "拓宽测试", "Widening test",
                Set.of(Permission.CONSOLE_HOME, Permission.SUBJECT_READ));
        MvcResult proposed = change(proposer, reader, Set.of(Permission.CONSOLE_HOME, Permission.RECORD_SUBMIT));
        assertThat(proposed.getFlashMap().get("successKey")).isEqualTo("console.roles.proposed");
        assertThat(role(reader.code()).permissions()).as("subject:read taken away at once, record:submit waits")
                .containsExactly(Permission.CONSOLE_HOME);
        UUID proposal = jdbc.sql("SELECT id FROM account.role_proposal WHERE role_id = ? AND status = 'PENDING'")
                .param(reader.id()).query(UUID.class).single();

        assertThat(decide(proposer, proposal, "reject").getFlashMap().get("failureCode"))
                .isEqualTo("ROLE_PROPOSAL_SELF_REVIEW");
        assertThat(decide(second, proposal, "reject").getFlashMap().get("successKey"))
                .isEqualTo("console.proposals.rejected");
        assertThat(role(reader.code()).permissions()).containsExactly(Permission.CONSOLE_HOME);
        assertThat(section(page(second), "id=\"role-proposals\"")).doesNotContain(proposal.toString());
        assertThat(audited("account.role.proposal.reject", secondName, "ROLE_WIDENING_REJECTED")).isEqualTo(1);
    }

    @Test
    void aBusinessRoleGrantedToAnAdministratorBeforeTheRuleIsListedNotRevoked() throws Exception {
        String auditor = TestStaff.create(directory, "AUDIT_ADMIN");
        UUID auditorId = jdbc.sql("SELECT id FROM account.staff_user WHERE username = ?").param(auditor)
                .query(UUID.class).single();
        // As a grant made before V307: the trigger is off for this one transaction only.
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            jdbc.sql("SET LOCAL session_replication_role = replica").update();
            jdbc.sql("INSERT INTO account.staff_user_role (user_id, role_id) VALUES (?, ?)")
                    .params(auditorId, role("CREDIT_OFFICE").id()).update();
        });
        try {
            String misplaced = section(page(second), "id=\"misplaced-grants\"");
            assertThat(misplaced).contains("data-misplaced=\"" + auditor + "\"", "data-why=\"BESIDE_ADMINISTRATOR\"",
                    "管理员同时持有业务角色");
            assertThat(jdbc.sql("SELECT count(*) FROM account.staff_user_role WHERE user_id = ?").param(auditorId)
                    .query(Long.class).single()).as("listed, not revoked").isEqualTo(2);
            // Parting them is the next change: the administrator's role alone is accepted.
            directory.assignRoles(auditorId, List.of(role("AUDIT_ADMIN").id()));
            assertThat(page(second)).doesNotContain("data-misplaced=\"" + auditor + "\"");
        } finally {
            jdbc.sql("DELETE FROM account.staff_user_role WHERE user_id = ? AND role_id = ?")
                    .params(auditorId, role("CREDIT_OFFICE").id()).update();
        }
    }

    private MvcResult change(UsernamePasswordAuthenticationToken who, Role role, Set<Permission> permissions)
            throws Exception {
        var request = post("/console/roles/" + role.id() + "/permissions").with(authentication(who)).with(csrf());
        permissions.forEach(p -> request.param("permission", p.code()));
        return mvc.perform(request).andExpect(status().is3xxRedirection()).andReturn();
    }

    private MvcResult decide(UsernamePasswordAuthenticationToken who, UUID proposal, String decision)
            throws Exception {
        return mvc.perform(post("/console/roles/role-proposals/" + proposal + "/" + decision)
                        .with(authentication(who)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
    }

    private String page(UsernamePasswordAuthenticationToken who) throws Exception {
        return mvc.perform(get("/console/roles").with(authentication(who))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
    }

    private long audited(String action, String actor, String reason) {
        return jdbc.sql("SELECT count(*) FROM audit.event WHERE action = ? AND actor_name = ? AND detail LIKE ?")
                .params(action, actor, "reason=" + reason + "%").query(Long.class).single();
    }

    private static Set<Permission> withAdded(Set<Permission> permissions, Permission... added) {
        java.util.EnumSet<Permission> out = java.util.EnumSet.copyOf(permissions);
        out.addAll(List.of(added));
        return out;
    }

    private static String section(String page, String marker) {
        int at = page.indexOf(marker);
        assertThat(at).as(marker).isNotNegative();
        String rest = page.substring(at);
        return rest.substring(0, rest.indexOf("</section>"));
    }

    private Role role(String code) {
        return directory.roles().stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow();
    }
}
