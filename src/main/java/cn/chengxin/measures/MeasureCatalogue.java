package cn.chengxin.measures;

import java.util.List;
import java.util.stream.Collectors;

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
    private volatile List<Measure> cached;

    MeasureCatalogue(JdbcMeasures store, AuditLog audit) {
        this.store = store;
        this.audit = audit;
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
