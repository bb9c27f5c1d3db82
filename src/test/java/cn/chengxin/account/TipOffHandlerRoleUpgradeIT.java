package cn.chengxin.account;

import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.UpgradedDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding I7 of gaps review xxvii, what session xxviii left: V268 takes tipoff:handle from the base 信用办 role into
 * 举报受理员 (TIPOFF_HANDLER), and gives it to the credit-office accounts that handled tip-offs, no one else: a clerk
 * who never did no longer reads them.
 */
@IntegrationTest
class TipOffHandlerRoleUpgradeIT {

    private static final UUID CREDIT_OFFICE_DEPARTMENT = UUID.fromString("00000000-0000-7000-8000-000000000100");

    @Autowired
    DataSource dataSource;

    private UpgradedDatabase upgraded;

    @BeforeEach
    void createDatabaseBeforeV268() {
        upgraded = UpgradedDatabase.create(dataSource);
        upgraded.flyway().target("267").load().migrate();
    }

    @AfterEach
    void dropDatabase() {
        upgraded.drop();
    }

    @Test
    void theBaseRoleNoLongerHandlesTipOffsTheirHandlersKeepDoingSo() {
        JdbcClient db = upgraded.jdbc();
        UUID handler = staff(db, "tip.handler");
        UUID clerk = staff(db, "plain.clerk");
        db.sql("""
                INSERT INTO portal.tipoff (id, receipt_hash, status, subject_name, facts, received_at, reply, handled_by,
                                           handled_at)
                VALUES (?, ?, 'RESOLVED', '某某', '事实', now(), '已处理', 'tip.handler', now())""")
                .params(UUID.randomUUID(), new byte[] {1, 2, 3}).update();

        upgraded.flyway().load().migrate();

        assertThat(permissions(db, "CREDIT_OFFICE")).doesNotContain("tipoff:handle").contains("content:edit");
        assertThat(permissions(db, "TIPOFF_HANDLER")).containsExactlyInAnyOrder("console:home", "tipoff:handle");
        assertThat(roles(db, handler)).containsExactlyInAnyOrder("CREDIT_OFFICE", "TIPOFF_HANDLER");
        assertThat(roles(db, clerk)).containsExactly("CREDIT_OFFICE");
    }

    private static UUID staff(JdbcClient db, String username) {
        UUID id = UUID.randomUUID();
        db.sql("INSERT INTO account.staff_user (id, username, display_name, department_id, password_hash) "
                + "VALUES (?, ?, ?, ?, 'x')").params(id, username, username, CREDIT_OFFICE_DEPARTMENT).update();
        db.sql("INSERT INTO account.staff_user_role (user_id, role_id) "
                + "SELECT ?, id FROM account.role WHERE code = 'CREDIT_OFFICE'").param(id).update();
        return id;
    }

    private static List<String> permissions(JdbcClient db, String role) {
        return db.sql("SELECT p.permission FROM account.role_permission p JOIN account.role r ON r.id = p.role_id "
                + "WHERE r.code = ?").param(role).query(String.class).list();
    }

    private static List<String> roles(JdbcClient db, UUID user) {
        return db.sql("SELECT r.code FROM account.staff_user_role ur JOIN account.role r ON r.id = ur.role_id "
                + "WHERE ur.user_id = ?").param(user).query(String.class).list();
    }
}
