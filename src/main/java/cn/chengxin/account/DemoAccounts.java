package cn.chengxin.account;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.SubjectRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Development and test only ({@code chengxin.demo.accounts=true}): one account per role, all with the
 * password in the README, a demo citizen on a synthetic resident, and a demo API key. Staff enrol their
 * authenticator at the first sign-in like everyone else. Runs after the demo population is seeded (the demo citizen
 * is one of its residents); the departments are created before it ({@link DemoDepartments}).
 */
@Component
@ConditionalOnProperty(name = "chengxin.demo.accounts", havingValue = "true")
@Order(100)
public class DemoAccounts implements ApplicationRunner {

    public static final String PASSWORD = "Chengxin@2026";
    public static final String CITIZEN_PHONE = "13800000000";
    /** Development only, documented in the README; a production client gets a key shown once. */
    public static final String API_KEY = "cx_demodemo_ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    /** Development only: the market regulator's submission system (record:submit). */
    public static final String SUBMISSION_KEY = "cx_demomark_ABCDEFGHIJKLMNOPQRSTUVWXYZ765432";
    /** The key of the demo institution (a synthetic bank's loan system) that queries reports with consent. */
    public static final String INSTITUTION_KEY = "cx_demobank_ABCDEFGHIJKLMNOPQRSTUVWXYZ246357";

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    /** user → (display name, department code, role codes separated by commas). */
    private static final Map<String, String[]> STAFF = Map.of(
            "sysadmin", new String[] {"系统管理员（演示）", "CREDIT_OFFICE", "SYSTEM_ADMIN"},
            // A second system administrator: an API key one proposes is issued when the other approves (issue #3).
            "sysadmin2", new String[] {"系统管理员二（演示）", "CREDIT_OFFICE", "SYSTEM_ADMIN"},
            "secadmin", new String[] {"安全管理员（演示）", "CREDIT_OFFICE", "SECURITY_ADMIN"},
            // A second security administrator: permissions one adds to a role take effect when the other approves
            // (gaps review xxxi M3). Administrators hold no business role (V307), as none here does.
            "secadmin2", new String[] {"安全管理员二（演示）", "CREDIT_OFFICE", "SECURITY_ADMIN"},
            "auditadmin", new String[] {"审计管理员（演示）", "CREDIT_OFFICE", "AUDIT_ADMIN"},
            // The clerk also handles tip-offs (举报受理员), which the base role no longer reads (finding I7).
            "clerk", new String[] {"信用办业务员（演示）", "CREDIT_OFFICE", "CREDIT_OFFICE,TIPOFF_HANDLER"},
            // A second person of the credit office, for maker-checker (the clerk writes, the reviewer approves).
            "reviewer", new String[] {"信用办审核员（演示）", "CREDIT_OFFICE", "CREDIT_OFFICE"},
            "operator", new String[] {"法院报送员（演示）", "COURT", "DEPT_OPERATOR"},
            // The court's 信用管理 staff member, who queries reports within the court's duties (政务查询); the
            // submission clerk does not (gaps review xxiii F3).
            "deptcredit", new String[] {"法院信用管理员（演示）", "COURT", "DEPT_CREDIT"});

    private final DemoDepartments departments;
    private final StaffDirectory directory;
    private final CitizenAccounts citizens;
    private final ApiClients apiClients;
    private final SubjectRegistry subjects;
    private final ElectronicServiceAgreements eService;

    DemoAccounts(DemoDepartments departments, StaffDirectory directory, CitizenAccounts citizens,
                 ApiClients apiClients, SubjectRegistry subjects, ElectronicServiceAgreements eService) {
        this.eService = eService;
        this.departments = departments;
        this.directory = directory;
        this.citizens = citizens;
        this.apiClients = apiClients;
        this.subjects = subjects;
    }

    @Override
    public void run(ApplicationArguments args) {
        ensure();
    }

    /** Idempotent: creates whatever demo account is missing. */
    public void ensure() {
        departments.ensure();
        List<StaffUser> existing = directory.users();
        STAFF.forEach((username, spec) -> {
            if (existing.stream().anyMatch(u -> u.username().equals(username))) {
                return;
            }
            UUID department = directory.departments().stream().filter(d -> d.code().equals(spec[1])).findFirst()
                    .orElseThrow().id();
            UUID user = directory.createUserWithSettledPassword(username, spec[0], department, PASSWORD);
            List<String> codes = List.of(spec[2].split(","));
            directory.assignRoles(user, directory.roles().stream().filter(r -> codes.contains(r.code()))
                    .map(Role::id).toList());
        });
        Optional<UUID> resident = subjects.firstSyntheticAdult(30);
        resident.flatMap(id -> citizens.registerVerified(id, CITIZEN_PHONE, PASSWORD).map(account -> id))
                .ifPresent(id -> {
                    // The demo's list notices are served by reading them in 个人中心 (README): the synthetic citizen has
                    // signed the confirmation of electronic service (《行政处罚法》第六十一条), by 'demo'.
                    eService.agreeForDemo(id);
                    log.info("Demo citizen account created (phone {}, synthetic resident)", "138****0000");
                });
        directory.departments().stream().filter(d -> d.code().equals("MARKET")).findFirst().ifPresent(market -> {
            // The approval system checks in the scenarios where the market regulator applies measures.
            apiClients.issueKnownKey(API_KEY, "演示部门审批系统", "市市场监督管理局", market.id(),
                    ApiClient.Kind.DEPARTMENT, Set.of(Permission.API_SUBJECT_CHECK), 600);
            apiClients.issueKnownKey(SUBMISSION_KEY, "演示市场监管报送系统", "市市场监督管理局", market.id(),
                    ApiClient.Kind.DEPARTMENT, Set.of(Permission.RECORD_SUBMIT), 600);
        });
        // An institution citizens can authorise in self-service (授权管理); synthetic, labelled as a demo. It also grants
        // the 信易贷 benefit and checks it (信用惠民核验; the scoring module binds the benefit to this key).
        apiClients.issueKnownKey(INSTITUTION_KEY, "演示信贷审批系统", "演示商业银行（合成机构）", ApiClient.Kind.INSTITUTION,
                Set.of(Permission.API_REPORT_QUERY, Permission.API_BENEFITS_CHECK), 600);
    }
}
