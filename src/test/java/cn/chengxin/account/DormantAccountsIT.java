package cn.chengxin.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.chengxin.shared.jdbc.ClusterJobs;
import cn.chengxin.shared.jdbc.MissedDays;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.TestStaff;
import cn.chengxin.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 等保 §8.1.4.2 c) (RULES.md §10): the nightly job disables staff accounts unused for 120 days, counting from the
 * password (or the account being enabled again), but never the last enabled account of an administrator kind.
 */
@IntegrationTest
class DormantAccountsIT {

    @LocalServerPort
    int port;

    @Autowired
    StaffDirectory directory;

    @Autowired
    DormantAccounts dormant;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    ClusterJobs cluster;

    /**
     * Session xl: the night's run missed (every instance down at 02:40 for a release) is done by the first instance
     * starting after it, and only once across the instances; before, the accounts past their grace stayed usable until
     * the next night.
     */
    @Test
    void aNightMissedIsRunAtTheNextStartOnce() {
        String gone = TestStaff.create(directory, "CREDIT_OFFICE");
        lastSignIn(gone, clock.instant().minus(Duration.ofDays(125)));
        ZoneId beijing = ZoneId.of("Asia/Shanghai");
        LocalDate today = LocalDate.now(clock.withZone(beijing));
        jdbc.sql("INSERT INTO shared.cluster_job (job, done_through) VALUES (?, ?) ON CONFLICT (job) "
                        + "DO UPDATE SET done_through = EXCLUDED.done_through")
                .params(DormantAccounts.JOB, java.sql.Date.valueOf(today.minusDays(1))).update();
        Instant started = today.atTime(3, 0).atZone(beijing).toInstant();

        assertThat(new MissedDays(List.of(dormant), cluster, clock, false).catchUp(started))
                .containsExactly(DormantAccounts.JOB);
        assertThat(enabled(gone)).isFalse();
        assertThat(new MissedDays(List.of(dormant), cluster, clock, false).catchUp(started))
                .as("the second instance starting finds the night done").isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'account.user.dormant' AND detail LIKE ?")
                .param("reason=ACCOUNT_DORMANT; user=" + gone + "; since=%").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void accountsUnusedForLongerThanTheGraceAreDisabledAndAudited() {
        String gone = TestStaff.create(directory, "CREDIT_OFFICE");
        String flaggedOnly = TestStaff.create(directory, "CREDIT_OFFICE");
        String neverSignedIn = TestStaff.create(directory, "CREDIT_OFFICE");
        String recent = TestStaff.create(directory, "CREDIT_OFFICE");
        Instant now = clock.instant();
        lastSignIn(gone, now.minus(Duration.ofDays(121)));
        lastSignIn(flaggedOnly, now.minus(Duration.ofDays(100)));
        jdbc.sql("UPDATE account.staff_user SET password_set_at = ?, last_login_at = NULL WHERE username = ?")
                .params(Timestamp.from(now.minus(Duration.ofDays(130))), neverSignedIn).update();
        lastSignIn(recent, now.minus(Duration.ofDays(2)));

        assertThat(dormant.disableDormant()).isGreaterThanOrEqualTo(2);

        assertThat(enabled(gone)).isFalse();
        assertThat(enabled(neverSignedIn)).as("counted from the password set 130 days ago").isFalse();
        assertThat(enabled(flaggedOnly)).as("marked, still in its grace").isTrue();
        assertThat(enabled(recent)).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'account.user.dormant' AND detail LIKE ?")
                .param("reason=ACCOUNT_DORMANT; user=" + gone + "; since=%").query(Long.class).single()).isEqualTo(1);
        assertThat(dormant.disableDormant()).as("nothing left to disable among these").isZero();

        UUID goneId = jdbc.sql("SELECT id FROM account.staff_user WHERE username = ?").param(gone).query(UUID.class)
                .single();
        directory.setEnabled(goneId, true);
        dormant.disableDormant();
        assertThat(enabled(gone)).as("enabled again by an administrator: a fresh grace").isTrue();

        WebClient admin = new WebClient(port);
        admin.get("/console/login");
        admin.post("/console/login", Map.of("username", TestStaff.create(directory, "SYSTEM_ADMIN"),
                "password", TestStaff.PASSWORD));
        String secret = TestStaff.secretFrom(admin.get("/console/mfa/enrol").body());
        admin.post("/console/mfa/enrol", Map.of("code", TestStaff.code(secret, Instant.now())));
        assertThat(admin.get("/console/users").body()).contains("data-field=\"dormancy-rule\"")
                .contains("连续 120 天未使用的由系统每晚自动停用");
    }

    @Test
    void theLastEnabledAccountOfAnAdministratorKindIsKept() {
        List<Map<String, Object>> auditors = jdbc.sql("""
                        SELECT u.id, u.last_login_at, u.password_set_at, u.enabled_at FROM account.staff_user u
                        JOIN account.staff_user_role ur ON ur.user_id = u.id
                        JOIN account.role r ON r.id = ur.role_id
                        WHERE r.admin_kind = 'AUDIT' AND u.enabled""").query().listOfRows();
        if (auditors.size() < 2) {
            TestStaff.create(directory, "AUDIT_ADMIN");
            theLastEnabledAccountOfAnAdministratorKindIsKept();
            return;
        }
        Timestamp longAgo = Timestamp.from(clock.instant().minus(Duration.ofDays(200)));
        try {
            for (Map<String, Object> a : auditors) {
                jdbc.sql("UPDATE account.staff_user SET last_login_at = ?, password_set_at = ?, enabled_at = NULL "
                        + "WHERE id = ?").params(longAgo, longAgo, a.get("id")).update();
            }
            dormant.disableDormant();
            long stillEnabled = auditors.stream().filter(a -> jdbc.sql(
                    "SELECT enabled FROM account.staff_user WHERE id = ?").param(a.get("id")).query(Boolean.class)
                    .single()).count();
            assertThat(stillEnabled).as("one audit administrator is kept of %d", auditors.size()).isEqualTo(1);
        } finally {
            for (Map<String, Object> a : auditors) {
                jdbc.sql("UPDATE account.staff_user SET enabled = true, last_login_at = ?, password_set_at = ?, "
                        + "enabled_at = ? WHERE id = ?").params(a.get("last_login_at"), a.get("password_set_at"),
                        a.get("enabled_at"), a.get("id")).update();
            }
        }
    }

    private void lastSignIn(String username, Instant at) {
        // Its password was set before it last signed in, as for anyone who signed in since.
        jdbc.sql("UPDATE account.staff_user SET last_login_at = ?, password_set_at = ? WHERE username = ?")
                .params(Timestamp.from(at), Timestamp.from(at.minus(Duration.ofDays(1))), username).update();
    }

    private boolean enabled(String username) {
        return jdbc.sql("SELECT enabled FROM account.staff_user WHERE username = ?").param(username)
                .query(Boolean.class).single();
    }
}
