package cn.chengxin.catalog;

import java.util.Map;

import cn.chengxin.catalog.domain.PenaltyTypeClasses;
import cn.chengxin.catalog.domain.Severity;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The platform's table of penalty-type classes (RULES.md §4): the national defaults of {@link PenaltyTypeClasses}, with
 * the classes set under {@code chengxin.catalog.penalty-type-classes} in their place, e.g. in YAML
 * {@code "[暂扣许可证件]": SERIOUS} (the brackets keep the type's name as written). Read once at start: checking a
 * row costs a map look-up, no query.
 */
@Component
public class PenaltyTypes {

    static final String PROPERTY = "chengxin.catalog.penalty-type-classes";

    private final PenaltyTypeClasses classes;

    PenaltyTypes(Environment environment) {
        Map<String, Severity> configured = Binder.get(environment)
                .bind(PROPERTY, Bindable.mapOf(String.class, Severity.class)).orElse(Map.of());
        this.classes = PenaltyTypeClasses.withOverrides(configured);
    }

    public PenaltyTypeClasses classes() {
        return classes;
    }
}
