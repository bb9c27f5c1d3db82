package cn.chengxin.account;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.chengxin.account.persistence.JdbcAccounts;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.shared.DomainProblem;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** A department's data scope has one normal form, whether set at creation or changed later (RULES.md §10). */
class DepartmentScopeTests {

    private final JdbcAccounts accounts = mock(JdbcAccounts.class);
    private final StaffDirectory directory = new StaffDirectory(accounts, mock(PasswordEncoder.class),
            mock(AuditLog.class), mock(cn.chengxin.subject.SubjectRegistry.class),
            mock(cn.chengxin.account.persistence.JdbcRoleProposals.class), java.time.Clock.systemUTC());

    private static final List<String> TYPED = List.of(" tax_arrears", "COURT_JUDGEMENT ", "TAX_ARREARS", "");

    @Test
    void creatingADepartmentNormalisesItsScopeAsChangingItDoes() {
        when(accounts.insertDepartment(any())).thenReturn(true);
        Department created = directory.createDepartment("tax", "税务局", Department.Kind.DATA_PROVIDER, TYPED);

        ArgumentCaptor<Department> inserted = ArgumentCaptor.forClass(Department.class);
        verify(accounts).insertDepartment(inserted.capture());
        assertThat(inserted.getValue().dataScope()).containsExactly("TAX_ARREARS", "COURT_JUDGEMENT");
        assertThat(created.dataScope()).containsExactly("TAX_ARREARS", "COURT_JUDGEMENT");

        UUID id = created.id();
        when(accounts.department(id)).thenReturn(Optional.of(created));
        directory.changeDataScope(id, TYPED);
        verify(accounts).updateDataScope(id, List.of("TAX_ARREARS", "COURT_JUDGEMENT"));
    }

    @Test
    void creatingADepartmentRefusesAScopeThatNamesNoCatalogueItem() {
        assertThatThrownBy(() -> directory.createDepartment("TAX", "税务局", Department.Kind.DATA_PROVIDER,
                List.of("TAX_ARREARS", "欠税")))
                .isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.code())
                        .isEqualTo("DEPARTMENT_SCOPE_INVALID"));
        verify(accounts, never()).insertDepartment(any());
    }
}
