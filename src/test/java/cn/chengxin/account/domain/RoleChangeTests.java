package cn.chengxin.account.domain;

import java.util.List;
import java.util.Set;

import cn.chengxin.shared.security.Permission;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Gaps review xxxi M3: what a role loses applies at once, what it gains waits for a second person. */
class RoleChangeTests {

    private static final Set<Permission> OPERATOR = Set.of(Permission.CONSOLE_HOME, Permission.RECORD_SUBMIT,
            Permission.OBJECTION_ANSWER);

    @Test
    void addingAPermissionWidensAndKeepsTheRest() {
        RoleChange change = RoleChange.between(OPERATOR, List.of(Permission.CONSOLE_HOME, Permission.RECORD_SUBMIT,
                Permission.OBJECTION_ANSWER, Permission.INQUIRY_GOVERNMENT));
        assertThat(change.widens()).isTrue();
        assertThat(change.added()).containsExactly(Permission.INQUIRY_GOVERNMENT);
        assertThat(change.narrowed()).isEqualTo(OPERATOR);
        assertThat(change.narrows(OPERATOR)).isFalse();
    }

    @Test
    void takingAwayAndAddingAtOnceSplitsTheTwo() {
        RoleChange change = RoleChange.between(OPERATOR, List.of(Permission.CONSOLE_HOME, Permission.SUBJECT_READ));
        assertThat(change.narrowed()).containsExactly(Permission.CONSOLE_HOME);
        assertThat(change.added()).containsExactly(Permission.SUBJECT_READ);
        assertThat(change.narrows(OPERATOR)).isTrue();
    }

    @Test
    void theSameOrFewerPermissionsDoNotWiden() {
        assertThat(RoleChange.between(OPERATOR, OPERATOR).widens()).isFalse();
        assertThat(RoleChange.between(OPERATOR, OPERATOR).narrows(OPERATOR)).isFalse();
        RoleChange emptied = RoleChange.between(OPERATOR, List.of());
        assertThat(emptied.widens()).isFalse();
        assertThat(emptied.narrowed()).isEmpty();
        assertThat(emptied.narrows(OPERATOR)).isTrue();
    }
}
