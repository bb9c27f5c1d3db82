package cn.chengxin.measures;

import java.util.List;
import java.util.stream.Collectors;

import cn.chengxin.listing.ListType;
import cn.chengxin.listing.MeasureNames;
import cn.chengxin.measures.persistence.JdbcMeasures;
import org.springframework.stereotype.Service;

/** The measures catalogue, cached: the check path reads it on every call. */
@Service
public class MeasureCatalogue implements MeasureNames {

    private final JdbcMeasures store;
    private volatile List<Measure> cached;

    MeasureCatalogue(JdbcMeasures store) {
        this.store = store;
    }

    public List<Measure> all() {
        List<Measure> measures = cached;
        if (measures == null) {
            measures = store.measures();
            cached = measures;
        }
        return measures;
    }

    /** Turns a measure on or off (the credit office); the check path sees it at once. */
    public void enable(String code, boolean enabled) {
        store.enable(code, enabled);
        cached = null;
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
