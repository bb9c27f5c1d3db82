package cn.chengxin.catalog;

import java.util.List;

import cn.chengxin.catalog.domain.ItemRules;
import cn.chengxin.shared.DomainProblem;

/** An item that breaks catalogue rules; carries every violation so the form can show them all at once. */
public class CatalogueViolations extends RuntimeException implements DomainProblem {

    private final List<ItemRules.Violation> violations;

    public CatalogueViolations(List<ItemRules.Violation> violations) {
        super(String.join("；", violations.stream().map(ItemRules.Violation::message).toList()));
        this.violations = List.copyOf(violations);
    }

    public List<ItemRules.Violation> violations() {
        return violations;
    }

    @Override
    public String code() {
        return violations.get(0).code();
    }

    @Override
    public Kind kind() {
        return Kind.INVALID_INPUT;
    }
}
