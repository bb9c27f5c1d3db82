package cn.chengxin.account;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Development and test only ({@code chengxin.demo.accounts=true}): the departments that deliver the demo's records,
 * with their names. Runs after the base catalogue is seeded and before the demo population is: the lists' automatic
 * proposals name the reporting department in the reasons the subject reads (依据市中级人民法院报送的信用记录…), and a
 * department not yet known would be named by its code.
 */
@Component
@ConditionalOnProperty(name = "chengxin.demo.accounts", havingValue = "true")
@Order(-50)
public class DemoDepartments implements ApplicationRunner {

    private record Spec(String code, String name, Department.Kind kind, List<String> dataScope) {
    }

    /** Each provider sees the records of the catalogue items it is responsible for (its data scope). */
    private static final List<Spec> DEPARTMENTS = List.of(
            new Spec("COURT", "市中级人民法院", Department.Kind.DATA_PROVIDER,
                    List.of("P_COURT_DEFAULTER", "P_CONSUMPTION_RESTRICTED", "O_COURT_DEFAULTER")),
            new Spec("TAX", "市税务局", Department.Kind.DATA_PROVIDER,
                    List.of("P_TAX_SERIOUS_DISHONESTY", "P_TAX_ARREARS", "O_TAX_SERIOUS_DISHONESTY", "O_TAX_CREDIT_A")),
            new Spec("MARKET", "市市场监督管理局", Department.Kind.DATA_PROVIDER,
                    List.of("P_ADMIN_PENALTY_MINOR", "P_ADMIN_PENALTY_GENERAL", "P_ADMIN_PENALTY_SERIOUS",
                            "O_REGISTRATION", "O_NAME_CHANGE", "O_ADMIN_LICENCE", "O_ADMIN_PENALTY_GENERAL",
                            "O_ADMIN_PENALTY_SERIOUS", "P_ADMIN_LICENCE",
                            "O_ABNORMAL_OPERATIONS", "O_SERIOUS_ILLEGAL_LIST", "P_COMMITMENT", "P_COMMITMENT_BREACH")),
            // Responds to checks (hiring) and provides records too: it sees those (an empty scope would be none).
            new Spec("HRSS", "市人力资源和社会保障局", Department.Kind.RESPONDING_UNIT,
                    List.of("P_SOCIAL_INSURANCE_FRAUD", "P_COMMITMENT", "P_COMMITMENT_BREACH", "P_QUALIFICATION",
                            "P_QUALIFICATION_REVOKED", "P_COMMENDATION", "O_WAGE_ARREARS")),
            new Spec("CIVILISATION_OFFICE", "市精神文明建设委员会办公室", Department.Kind.DATA_PROVIDER,
                    List.of("P_VOLUNTEER_SERVICE", "P_COMMENDATION", "P_GOOD_SAMARITAN")),
            new Spec("HEALTH", "市卫生健康委员会", Department.Kind.DATA_PROVIDER, List.of("P_BLOOD_DONATION")));

    private final StaffDirectory directory;

    DemoDepartments(StaffDirectory directory) {
        this.directory = directory;
    }

    /** The codes of the departments the demo creates. */
    public static Set<String> codes() {
        return DEPARTMENTS.stream().map(Spec::code).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public void run(ApplicationArguments args) {
        ensure();
    }

    /**
     * Idempotent: creates whichever demo department is missing, and gives its items to one created with none (an
     * empty scope used to mean every item; it means none now).
     */
    public void ensure() {
        Map<String, Department> known = directory.departments().stream()
                .collect(Collectors.toMap(Department::code, Function.identity()));
        for (Spec d : DEPARTMENTS) {
            Department existing = known.get(d.code());
            if (existing == null) {
                directory.createDepartment(d.code(), d.name(), d.kind(), d.dataScope());
            } else if (existing.dataScope().isEmpty() && !d.dataScope().isEmpty()) {
                directory.changeDataScope(existing.id(), d.dataScope());
            }
        }
    }
}
