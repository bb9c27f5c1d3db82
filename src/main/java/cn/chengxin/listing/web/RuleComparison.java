package cn.chengxin.listing.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import cn.chengxin.listing.domain.ListRule;

/**
 * A waiting rule version field by field beside the version in force (双人复核, issue #5): the second person approves
 * what decides entries and punishments, so they see every field the version would put in force, not its name alone,
 * and which of them the change touches.
 */
final class RuleComparison {

    private RuleComparison() {
    }

    /**
     * One field: its name (for the page's markup), its label, and its value in each version as shown (null: none;
     * a message key when {@code messageKeys}, as for the list type).
     */
    record Field(String name, String labelKey, String inForce, String proposed, boolean messageKeys) {

        public boolean changed() {
            return !Objects.equals(inForce, proposed);
        }
    }

    /** The fields of {@code proposed} beside those of {@code inForce} (null for a new rule: every field changes). */
    static List<Field> of(ListRule inForce, ListRule proposed) {
        return List.of(
                field("listType", "lists.type", inForce, proposed, r -> "lists.type." + r.listType(), true),
                field("name", "lists.rule", inForce, proposed, ListRule::name, false),
                field("itemCodes", "lists.items", inForce, proposed,
                        r -> String.join(", ", r.itemCodes().stream().sorted().toList()), false),
                field("condition", "lists.condition", inForce, proposed, RuleComparison::condition, false),
                field("seriousGround", "lists.seriousGround", inForce, proposed,
                        r -> r.seriousGround() == null ? null : "lists.ground." + r.seriousGround(), true),
                field("legalBasis", "lists.basis", inForce, proposed, ListRule::legalBasis, false),
                field("validityMonths", "lists.validityMonths", inForce, proposed,
                        r -> r.validityMonths() == null ? null : r.validityMonths().toString(), false),
                field("noticeDays", "lists.noticeDays", inForce, proposed, r -> Integer.toString(r.noticeDays()),
                        false),
                field("exitConditions", "lists.exitConditions", inForce, proposed, ListRule::exitConditions, false),
                field("enabled", "lists.enabled", inForce, proposed, r -> "lists.enabled." + r.enabled(), true));
    }

    private static Field field(String name, String labelKey, ListRule inForce, ListRule proposed,
                               Function<ListRule, String> value, boolean messageKeys) {
        return new Field(name, labelKey, inForce == null ? null : value.apply(inForce), value.apply(proposed),
                messageKeys);
    }

    /** "hours ≥ 1500": the same threshold written 1500 or 1500.0 is no change. */
    private static String condition(ListRule rule) {
        if (rule.conditionField() == null || rule.conditionField().isBlank() || rule.conditionMin() == null) {
            return null;
        }
        BigDecimal min = rule.conditionMin().stripTrailingZeros();
        return rule.conditionField() + " ≥ " + min.toPlainString();
    }
}
