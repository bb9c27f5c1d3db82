package cn.chengxin.account;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.TestStaff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The rules of who may do what, and the attacks the issue lists, against the real database. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class AccountRulesIT {

    @Autowired
    StaffDirectory directory;

    @Autowired
    ApiClients apiClients;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void noAccountHoldsTwoOfTheThreeAdministratorsRoles() {
        String user = TestStaff.create(directory, "SYSTEM_ADMIN");
        UUID id = userId(user);
        for (String second : List.of("SECURITY_ADMIN", "AUDIT_ADMIN")) {
            assertThatThrownBy(() -> directory.assignRoles(id, List.of(role("SYSTEM_ADMIN"), role(second))))
                    .isInstanceOf(DomainProblem.class)
                    .extracting(e -> ((DomainProblem) e).code()).isEqualTo("ADMIN_ROLES_SEPARATED");
        }
        assertThatThrownBy(() -> directory.assignRoles(id, List.of(role("SECURITY_ADMIN"), role("AUDIT_ADMIN"))))
                .isInstanceOf(DomainProblem.class);
        // And the database refuses it too, whatever the application does.
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO account.staff_user_role (user_id, role_id) VALUES (?, ?)")
                .params(id, role("AUDIT_ADMIN")).update()).hasMessageContaining("ADMIN_ROLES_SEPARATED");
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'account.user.roles' AND result = 'DENIED'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(3);
    }

    /**
     * Gaps review xxxi M3: the audit administrator who also held the credit office's role would look people up and
     * audit her own look-ups. An administrator's account holds no business role, and a business user's no
     * administrator's role; the database refuses a direct insert of either.
     */
    @Test
    void anAdministratorHoldsNoBusinessRoleAndTheDatabaseRefusesOneInsertedDirectly() {
        UUID auditor = userId(TestStaff.create(directory, "AUDIT_ADMIN"));
        UUID clerk = userId(TestStaff.create(directory, "CREDIT_OFFICE"));

        assertThatThrownBy(() -> directory.assignRoles(auditor, List.of(role("AUDIT_ADMIN"), role("CREDIT_OFFICE"))))
                .isInstanceOf(DomainProblem.class).extracting(e -> ((DomainProblem) e).code())
                .isEqualTo("ADMIN_WITH_BUSINESS_ROLE");
        assertThatThrownBy(() -> directory.assignRoles(clerk, List.of(role("CREDIT_OFFICE"), role("SECURITY_ADMIN"))))
                .isInstanceOf(DomainProblem.class).extracting(e -> ((DomainProblem) e).code())
                .isEqualTo("ADMIN_WITH_BUSINESS_ROLE");
        assertThat(rolesOf(auditor)).containsExactly(role("AUDIT_ADMIN"));
        assertThat(rolesOf(clerk)).containsExactly(role("CREDIT_OFFICE"));
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'account.user.roles' AND result = 'DENIED'"
                + " AND detail LIKE 'reason=ADMIN_WITH_BUSINESS_ROLE%'").query(Long.class).single())
                .isGreaterThanOrEqualTo(2);

        assertThatThrownBy(() -> jdbc.sql("INSERT INTO account.staff_user_role (user_id, role_id) VALUES (?, ?)")
                .params(auditor, role("CREDIT_OFFICE")).update()).hasMessageContaining("ADMIN_WITH_BUSINESS_ROLE");
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO account.staff_user_role (user_id, role_id) VALUES (?, ?)")
                .params(clerk, role("AUDIT_ADMIN")).update()).hasMessageContaining("ADMIN_WITH_BUSINESS_ROLE");
        // Two business roles stay allowed, as the demo's clerk holds.
        directory.assignRoles(clerk, List.of(role("CREDIT_OFFICE"), role("TIPOFF_HANDLER")));
        assertThat(rolesOf(clerk)).containsExactlyInAnyOrder(role("CREDIT_OFFICE"), role("TIPOFF_HANDLER"));
    }

    @Test
    void anAdministratorsRoleCannotBeGivenAnotherKindsPermissions() {
        assertThatThrownBy(() -> directory.updateRolePermissions(role("AUDIT_ADMIN"),
                Set.of(Permission.AUDIT_READ, Permission.ACCOUNT_USER_MANAGE)))
                .extracting(e -> ((DomainProblem) e).code()).isEqualTo("PERMISSION_NOT_ALLOWED_FOR_ROLE");
        assertThatThrownBy(() -> directory.updateRolePermissions(role("CREDIT_OFFICE"),
                Set.of(Permission.SUBJECT_READ, Permission.AUDIT_READ)))
                .extracting(e -> ((DomainProblem) e).code()).isEqualTo("PERMISSION_NOT_ALLOWED_FOR_ROLE");
    }

    @Test
    void weakPasswordsAreRefusedWithTheirRule() {
        assertThatThrownBy(() -> directory.createUser("weakling", "弱密码", creditOffice(), "password"))
                .isInstanceOf(DomainProblem.class)
                .extracting(e -> ((DomainProblem) e).code()).asString().startsWith("PASSWORD_");
    }

    @Test
    void aNameWithANewlineCannotForgeALogLine(CapturedOutput output) {
        String forged = "张三\n2026-11-22T00:00:00.000Z ERROR 1 --- [main] c.c.Fake : forged line";
        directory.createUser("newline" + System.nanoTime() % 100000, forged, creditOffice(), TestStaff.PASSWORD);

        assertThat(output.getAll()).contains("张三\\n2026-11-22T00:00:00.000Z ERROR 1 --- [main] c.c.Fake : forged line");
        assertThat(output.getAll().lines()).noneMatch(line -> line.startsWith("2026-11-22T00:00:00.000Z ERROR"));
    }

    @Test
    void unknownAndRevokedKeysAreUnauthenticatedAndGoodOnesAreRateLimited() throws Exception {
        mvc.perform(get("/api/v1/whoami").header("Authorization", "Bearer cx_aaaaaaaa_" + "A".repeat(32)))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.code").value("API_KEY_INVALID"));
        mvc.perform(get("/api/v1/whoami").header("Authorization", "Bearer not-a-key"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/whoami")).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));

        ApiClients.IssuedKey key = apiClients.issue("限流测试系统", "测试局", ApiClient.Kind.DEPARTMENT,
                creditOffice(), Set.of(Permission.API_SUBJECT_CHECK), 3);
        for (int i = 0; i < 3; i++) {
            mvc.perform(get("/api/v1/whoami").header("Authorization", "Bearer " + key.key()))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.organisation").value("测试局"));
        }
        mvc.perform(get("/api/v1/whoami").header("Authorization", "Bearer " + key.key()))
                .andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.code").value("RATE_LIMITED"));

        ApiClients.IssuedKey revoked = apiClients.issue("吊销测试系统", "测试局", ApiClient.Kind.DEPARTMENT,
                creditOffice(), Set.of(Permission.API_SUBJECT_CHECK), 60);
        mvc.perform(get("/api/v1/whoami").header("Authorization", "Bearer " + revoked.key()))
                .andExpect(status().isOk());
        apiClients.revoke(revoked.clientId(), ViolationGround.OTHER, "测试停用");
        mvc.perform(get("/api/v1/whoami").header("Authorization", "Bearer " + revoked.key()))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.code").value("API_KEY_INVALID"));
        assertThat(jdbc.sql("SELECT key_hash FROM account.api_client WHERE id = ?").param(revoked.clientId())
                .query(String.class).single()).doesNotContain(revoked.key());
    }

    /**
     * Gaps review xxxvii R9: every answer to a key tells its rate and what is left of it (draft-ietf-httpapi-ratelimit-
     * headers-11, policy "requests"), so that a system paces itself before its 429; the 429 says it is the request
     * rate (RATE_LIMITED, not the subjects' budget), when to come back, and that the same request may be sent again.
     */
    @Test
    void everyAnswerToAKeyTellsItsRateAndWhatIsLeftOfIt() throws Exception {
        ApiClients.IssuedKey key = apiClients.issue("限流头测试系统", "测试局", ApiClient.Kind.DEPARTMENT,
                creditOffice(), Set.of(Permission.API_SUBJECT_CHECK), 3);
        java.util.List<Long> left = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            var answer = mvc.perform(get("/api/v1/whoami").header("Authorization", "Bearer " + key.key()))
                    .andExpect(status().isOk())
                    .andExpect(header().string("RateLimit-Policy", "\"requests\";q=3;w=60"))
                    .andReturn().getResponse();
            String remaining = answer.getHeader("RateLimit");
            assertThat(remaining).matches("\"requests\";r=\\d+;t=\\d+");
            left.add(Long.parseLong(remaining.replaceAll(".*;r=(\\d+);.*", "$1")));
        }
        assertThat(left.get(0)).as("a full bucket, less this request").isEqualTo(2);
        assertThat(left).as("never more left after a request than before it").isSortedAccordingTo(
                java.util.Comparator.reverseOrder());
        mvc.perform(get("/api/v1/whoami").header("Authorization", "Bearer " + key.key()))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*")))
                .andExpect(header().string("RateLimit", org.hamcrest.Matchers.startsWith("\"requests\";r=0;")))
                .andExpect(jsonPath("$.code").value("RATE_LIMITED"))
                .andExpect(jsonPath("$.retry").value("same-request"));
        // No key, no rate to tell.
        mvc.perform(get("/api/v1/platform")).andExpect(header().doesNotExist("RateLimit"));
    }

    /**
     * Review: a request on the same instance while the revocation is not yet committed reads the key still active and
     * would keep it usable for the cache's few seconds; the revocation takes effect at once when it commits.
     */
    @Test
    void aKeyReadWhileItsRevocationCommitsIsRefusedOnceItHas() {
        ApiClients.IssuedKey key = apiClients.issue("吊销并发测试系统", "测试局", ApiClient.Kind.DEPARTMENT, creditOffice(),
                Set.of(Permission.API_SUBJECT_CHECK), 60);
        // Used once before: its last use is written now, not by the read during the revocation (the row is locked).
        assertThat(apiClients.authenticate(key.key())).isPresent();

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            apiClients.revoke(key.clientId(), ViolationGround.OTHER, "测试停用");
            assertThat(CompletableFuture.supplyAsync(() -> apiClients.authenticate(key.key()))
                    .orTimeout(10, TimeUnit.SECONDS).join()).as("not yet committed: still active").isPresent();
        });

        assertThat(apiClients.authenticate(key.key())).as("revoked once committed").isEmpty();
    }

    /** A tolerant reader (gaps review xxxvii R3): a field no API defines is ignored, and it sets nothing. */
    @Test
    void anUnknownJsonFieldIsIgnoredAndGrantsNothing() throws Exception {
        mvc.perform(post("/api/v1/identity/validations").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"number\":\"11010519491231002X\",\"role\":\"ADMIN\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.role").doesNotExist());
    }

    /** Issue #3: a reset hands over the account, so it never crosses the three administrators' separation. */
    @Test
    void aSystemAdministratorResetsNeitherAnotherKindOfAdministratorNorThemselves() {
        String system = TestStaff.create(directory, "SYSTEM_ADMIN");
        String security = TestStaff.create(directory, "SECURITY_ADMIN");
        String auditor = TestStaff.create(directory, "AUDIT_ADMIN");
        String otherSystem = TestStaff.create(directory, "SYSTEM_ADMIN");
        String clerk = TestStaff.create(directory, "CREDIT_OFFICE");
        String before = passwordHash(security);
        String clerksBefore = passwordHash(clerk);

        signedInAs(system, () -> {
            for (String admin : List.of(security, auditor)) {
                assertRefused(() -> directory.resetPassword(userId(admin), "Taken-Over-2026!"), "ADMIN_RESET_SEPARATED");
                assertRefused(() -> directory.resetSecondFactor(userId(admin)), "ADMIN_RESET_SEPARATED");
            }
            assertRefused(() -> directory.resetPassword(userId(system), "My-Own-Again-2026!"), "SELF_RESET");
            assertRefused(() -> directory.resetSecondFactor(userId(system)), "SELF_RESET");
            directory.resetPassword(userId(clerk), "Clerk-Reset-2026!");
            directory.resetSecondFactor(userId(otherSystem));
        });
        signedInAs(system, () -> {
            for (String admin : List.of(security, auditor)) {
                assertRefused(() -> directory.setEnabled(userId(admin), false), "ADMIN_DISABLE_SEPARATED");
            }
            assertRefused(() -> directory.setEnabled(userId(system), false), "SELF_DISABLE");
            directory.setEnabled(userId(otherSystem), false);
            directory.setEnabled(userId(otherSystem), true);
        });
        assertThat(jdbc.sql("SELECT count(*) FROM account.staff_user WHERE username IN (?, ?, ?) AND enabled")
                .params(security, auditor, system).query(Long.class).single())
                .as("neither another kind of administrator nor oneself is disabled").isEqualTo(3);

        assertThat(passwordHash(security)).as("the security administrator keeps their password").isEqualTo(before);
        assertThat(passwordHash(clerk)).as("a business user's password is reset").isNotEqualTo(clerksBefore);
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action LIKE 'account.user.reset-%' "
                + "AND actor_name = ? AND result = 'DENIED'").param(system).query(Long.class).single()).isEqualTo(6);
    }

    /**
     * 运维重置: the security administrator's lost phone is reset on the server (no administrator of another kind may
     * in the console), audited as the system; a weak password changes nothing.
     */
    @Test
    void theServersOperatorResetsAnAdministratorsLostAuthenticator(CapturedOutput output) throws Exception {
        String security = TestStaff.create(directory, "SECURITY_ADMIN");
        jdbc.sql("UPDATE account.staff_user SET totp_cipher = '\\x01'::bytea WHERE username = ?").param(security)
                .update();
        String before = passwordHash(security);

        assertThatThrownBy(() -> directory.resetAtServer(security, "weak")).isInstanceOf(DomainProblem.class);
        assertThat(enrolled(security)).as("a refused reset changes nothing").isTrue();

        ResetStaffLoginCommand command = new ResetStaffLoginCommand(directory);
        command.run(new org.springframework.boot.DefaultApplicationArguments("--user", security));
        assertThat(command.getExitCode()).isZero();
        assertThat(output).contains("reset-staff-login: " + security + ": authenticator reset");
        assertThat(enrolled(security)).isFalse();
        assertThat(passwordHash(security)).as("no new password given: the old one stays").isEqualTo(before);

        directory.resetAtServer(security, "Server-Reset-2026!");
        assertThat(passwordHash(security)).isNotEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'account.user.reset-at-server' "
                + "AND actor_kind = 'SYSTEM' AND detail LIKE ?").param("reason=RESET_AT_SERVER%; user=" + security).query(Long.class).single())
                .isEqualTo(2);

        command.run(new org.springframework.boot.DefaultApplicationArguments("--user", "no-such-user-x"));
        assertThat(command.getExitCode()).isEqualTo(1);
        assertThat(output).contains("refused (USER_NOT_FOUND)");
    }

    /**
     * Gaps review xliii X1: a production start has no demo account, so the first administrators are created on the
     * server, one kind a run, holding only that kind's role, with a temporary password and no authenticator yet
     * (enrolled at the first sign-in), audited as the system. While an enabled administrator of the kind exists the
     * console is the way, and the command refuses unless told otherwise.
     */
    @Test
    void theFirstAdministratorsAreCreatedOnTheServerOnlyWhileNoneOfTheirKindIsEnabled(CapturedOutput output) {
        TestStaff.create(directory, "SECURITY_ADMIN");
        String refusedName = "fa" + UUID.randomUUID().toString().substring(0, 8);
        CreateAdministratorCommand command = new CreateAdministratorCommand(directory);
        command.run(new org.springframework.boot.DefaultApplicationArguments("--user", refusedName, "--kind",
                "SECURITY"));
        assertThat(command.getExitCode()).isEqualTo(1);
        assertThat(output).contains("create-administrator: " + refusedName + ": refused (ADMINISTRATOR_EXISTS)");
        assertThat(jdbc.sql("SELECT count(*) FROM account.staff_user WHERE username = ?").param(refusedName)
                .query(Long.class).single()).as("a refused run creates nobody").isZero();
        command.run(new org.springframework.boot.DefaultApplicationArguments("--user", refusedName, "--kind",
                "AUDITOR"));
        assertThat(command.getExitCode()).as("an unknown kind is a usage error").isEqualTo(2);

        // On an empty platform (every administrator of the kind disabled, rolled back after): created, no flag needed.
        String first = "fa" + UUID.randomUUID().toString().substring(0, 8);
        TransactionTemplate rollingBack = new TransactionTemplate(transactions);
        rollingBack.executeWithoutResult(status -> {
            jdbc.sql("""
                    UPDATE account.staff_user SET enabled = false WHERE id IN (SELECT ur.user_id
                    FROM account.staff_user_role ur JOIN account.role r ON r.id = ur.role_id
                    WHERE r.admin_kind = 'AUDIT')""").update();
            StaffDirectory.CreatedAtServer created = directory.createAdministratorAtServer(first, null,
                    cn.chengxin.account.domain.AdminKind.AUDIT, null, false);
            assertThat(jdbc.sql("SELECT r.code FROM account.staff_user_role ur JOIN account.role r ON r.id = ur.role_id "
                    + "WHERE ur.user_id = ?").param(created.id()).query(String.class).list())
                    .containsExactly("AUDIT_ADMIN");
            assertThat(cn.chengxin.account.domain.PasswordPolicy.isAcceptable(created.password(), first, null))
                    .as("a generated first password meets the policy").isTrue();
            status.setRollbackOnly();
        });

        String added = "fa" + UUID.randomUUID().toString().substring(0, 8);
        command.run(new org.springframework.boot.DefaultApplicationArguments("--user", added, "--kind", "security",
                "--name", "安全管理员乙", CreateAdministratorCommand.EVEN_IF_ONE_EXISTS));
        assertThat(command.getExitCode()).isZero();
        assertThat(output).contains("create-administrator: " + added + ": created as 安全管理员 (SECURITY); "
                + "temporary password (shown once): ");
        assertThat(jdbc.sql("""
                        SELECT u.password_temporary AND u.totp_cipher IS NULL AND u.enabled AND d.code = 'CREDIT_OFFICE'
                               AND u.display_name = '安全管理员乙'
                        FROM account.staff_user u JOIN account.department d ON d.id = u.department_id
                        WHERE u.username = ?""").param(added).query(Boolean.class).single())
                .as("temporary password, authenticator enrolled at the first sign-in, in the credit office").isTrue();
        assertThat(jdbc.sql("SELECT r.code FROM account.staff_user_role ur JOIN account.role r ON r.id = ur.role_id "
                + "JOIN account.staff_user u ON u.id = ur.user_id WHERE u.username = ?").param(added)
                .query(String.class).list()).containsExactly("SECURITY_ADMIN");
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'account.user.created-at-server' "
                + "AND actor_kind = 'SYSTEM' AND detail LIKE ?").param("reason=ADMINISTRATOR_ADDED_AT_SERVER; user="
                + added + "%").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'account.user.created-at-server' "
                + "AND detail LIKE ?").param("reason=ADMINISTRATOR_CREATED_AT_SERVER; user=" + first + "%")
                .query(Long.class).single()).as("the first administrator's creation is audited").isEqualTo(1);
    }

    private boolean enrolled(String username) {
        return jdbc.sql("SELECT totp_cipher IS NOT NULL FROM account.staff_user WHERE username = ?").param(username)
                .query(Boolean.class).single();
    }

    private void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable reset, String code) {
        assertThatThrownBy(reset).isInstanceOf(DomainProblem.class).extracting(e -> ((DomainProblem) e).code(),
                e -> ((DomainProblem) e).kind()).containsExactly(code, DomainProblem.Kind.FORBIDDEN);
    }

    private void signedInAs(String username, Runnable action) {
        UUID id = userId(username);
        StaffPrincipal principal = new StaffPrincipal(id, username, "测试用户", creditOffice(), "CREDIT_OFFICE", "信用办",
                Department.Kind.CREDIT_OFFICE, List.of(), Set.of(Permission.ACCOUNT_USER_MANAGE));
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, List.of()));
        try {
            action.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private String passwordHash(String username) {
        return jdbc.sql("SELECT password_hash FROM account.staff_user WHERE username = ?").param(username)
                .query(String.class).single();
    }

    private UUID userId(String username) {
        return jdbc.sql("SELECT id FROM account.staff_user WHERE username = ?").param(username).query(UUID.class)
                .single();
    }

    private UUID role(String code) {
        return directory.roles().stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow().id();
    }

    private List<UUID> rolesOf(UUID user) {
        return jdbc.sql("SELECT role_id FROM account.staff_user_role WHERE user_id = ?").param(user).query(UUID.class)
                .list();
    }

    private UUID creditOffice() {
        return directory.departments().stream().filter(d -> d.code().equals("CREDIT_OFFICE")).findFirst()
                .orElseThrow().id();
    }

}
