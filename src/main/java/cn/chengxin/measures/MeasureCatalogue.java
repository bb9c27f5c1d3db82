package cn.chengxin.measures;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import cn.chengxin.account.Department;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.listing.ListType;
import cn.chengxin.listing.MeasureNames;
import cn.chengxin.measures.persistence.JdbcMeasures;
import cn.chengxin.shared.DomainProblem;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The measures catalogue, cached: the check path reads it on every call. Every instance reads it again as often as
 * the check index follows the lists, so that a measure turned off on one instance is off on all within a second.
 */
@Service
public class MeasureCatalogue implements MeasureNames {

    private final JdbcMeasures store;
    private final AuditLog audit;
    private final StaffDirectory directory;
    private volatile List<Measure> cached;

    MeasureCatalogue(JdbcMeasures store, AuditLog audit, StaffDirectory directory) {
        this.store = store;
        this.audit = audit;
        this.directory = directory;
    }

    public List<Measure> all() {
        List<Measure> measures = cached;
        if (measures == null) {
            measures = store.measures();
            cached = measures;
        }
        return measures;
    }

    /** A dozen rows: read whole, rather than followed by a change feed. */
    @Scheduled(fixedDelayString = "${chengxin.measures.index-refresh:PT0.25S}")
    void refresh() {
        cached = store.measures();
    }

    /** Turns a measure on or off (the credit office), audited; this instance's checks see it at once. */
    public void enable(String code, boolean enabled) {
        if (!store.enable(code, enabled)) {
            throw new MeasuresProblem("MEASURE_UNKNOWN", DomainProblem.Kind.NOT_FOUND, "没有这项措施：" + code);
        }
        cached = null;
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, enabled ? "measures.enable" : "measures.disable")
                .by(AuditLog.currentActor()).detail(code));
    }

    /**
     * Revises what a measure says — its name, legal basis, implementing departments (none: every department), the
     * lists it follows, its scenarios and whether it rewards a clean record — refused with every reason when the
     * measure could not stand ({@link Measure#problems()}) or names a department the platform does not have. Its
     * kind and its switch stay. Audited with what changed; this instance's checks apply it at once, the others
     * within a second, as a switch.
     */
    public Measure revise(String code, String name, String legalBasis, Set<String> departments,
                          Set<ListType> listTypes, Set<Scenario> scenarios, boolean cleanRecord) {
        Measure before = store.measures().stream().filter(m -> m.code().equals(code)).findFirst().orElseThrow(() ->
                new MeasuresProblem("MEASURE_UNKNOWN", DomainProblem.Kind.NOT_FOUND, "没有这项措施：" + code));
        Measure after = new Measure(code, strip(name), before.kind(), strip(legalBasis), departments, listTypes,
                scenarios, cleanRecord, before.enabled());
        List<String> problems = new ArrayList<>(after.problems());
        Set<String> known = directory.departments().stream().map(Department::code).collect(Collectors.toSet());
        departments.stream().filter(d -> !known.contains(d)).sorted().forEach(d -> problems.add("没有这个部门：" + d));
        if (!problems.isEmpty()) {
            throw new MeasuresProblem("MEASURE_INVALID", DomainProblem.Kind.INVALID_INPUT, String.join("；", problems));
        }
        if (!store.revise(after)) {
            throw new MeasuresProblem("MEASURE_UNKNOWN", DomainProblem.Kind.NOT_FOUND, "没有这项措施：" + code);
        }
        cached = null;
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "measures.revise").by(AuditLog.currentActor())
                .detail(code + " " + changes(before, after)));
        return after;
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }

    /** What a revision changed, field by field, for the audit log (the log is the measure's history). */
    private static String changes(Measure before, Measure after) {
        List<String> changed = new ArrayList<>();
        change(changed, "name", before.name(), after.name());
        change(changed, "legalBasis", before.legalBasis(), after.legalBasis());
        change(changed, "departments", sorted(before.departments()), sorted(after.departments()));
        change(changed, "lists", sorted(before.listTypes()), sorted(after.listTypes()));
        change(changed, "scenarios", sorted(before.scenarios()), sorted(after.scenarios()));
        change(changed, "cleanRecord", before.cleanRecord(), after.cleanRecord());
        return changed.isEmpty() ? "unchanged" : String.join("; ", changed);
    }

    private static void change(List<String> changed, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(field + ": " + before + " → " + after);
        }
    }

    private static List<String> sorted(Set<?> values) {
        return values.stream().map(String::valueOf).sorted().toList();
    }

    /** Whether the department may check in this scenario: some enabled measure there is implemented by it. */
    public boolean mayCheck(String department, Scenario scenario) {
        return all().stream().anyMatch(m -> m.enabled() && m.scenarios().contains(scenario)
                && m.implementedBy(department));
    }

    @Override
    public String forList(ListType type) {
        return all().stream().filter(m -> m.enabled() && m.listTypes().contains(type)).map(Measure::name)
                .collect(Collectors.joining("；"));
    }
}
