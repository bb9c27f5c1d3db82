package cn.chengxin.measures;

import java.util.UUID;

import cn.chengxin.audit.AuditDetail;

/**
 * The audit details of checks, feedback, lifted measures and the catalogue's changes as codes and values (K7), named
 * in the auditor's language by {@code audit.detail.MEASURE_*}, where the module used to write English text. Values
 * are ids, counts, codes (a refusal's, a measure's) and a scenario by its label; never the text a caller sent.
 *
 * <p>A check's detail is built on every check, and a refused batch item's on every such item: their stored text is
 * put together from constants and the values as the English text was, with no lookup, no formatting and no escaping
 * (ids, counts and codes hold no {@code ;}, {@code \} or leading {@code #}), and is the text
 * {@link AuditDetail#toString()} stores for the same code and values (MeasureDetailsTests).
 */
final class MeasureDetails {

    /** The message keys naming the scenarios ({@code measures.scenario.*}). */
    private static final String SCENARIO_KEY = "measures.scenario.";
    private static final String CHECKED = AuditDetail.of("MEASURE_CHECKED") + "; check=";
    private static final String BATCH_ITEM_REFUSED = AuditDetail.of("MEASURE_BATCH_ITEM_REFUSED") + "; refusal=";
    private static final String SCENARIO = "; scenario=#" + SCENARIO_KEY;
    private static final String NONE = "—";

    private MeasureDetails() {
    }

    /** A check made: the check, the list entries in force found and the measures answered. Built on every check. */
    static String checked(UUID check, int entries, int measures) {
        return CHECKED + check + "; entries=" + entries + "; measures=" + measures;
    }

    /** One subject of a batch refused (its number malformed): the refusal's code, the scenario and its position. */
    static String batchItemRefused(String refusal, Scenario scenario, int item) {
        return BATCH_ITEM_REFUSED + refusal + SCENARIO + scenario.name() + "; item=" + item;
    }

    /** A check refused: the refusal's code and the scenario asked for ({@code —}: none). */
    static AuditDetail checkRefused(String refusal, Scenario scenario) {
        return scenario(AuditDetail.of("MEASURE_CHECK_REFUSED").with("refusal", refusal), scenario);
    }

    /** A batch refused whole: the refusal's code, the scenario asked for and how many subjects it named. */
    static AuditDetail batchRefused(String refusal, Scenario scenario, int subjects) {
        return scenario(AuditDetail.of("MEASURE_BATCH_REFUSED").with("refusal", refusal), scenario)
                .with("subjects", subjects);
    }

    private static AuditDetail scenario(AuditDetail detail, Scenario scenario) {
        return scenario == null ? detail.with("scenario", NONE)
                : detail.withLabel("scenario", SCENARIO_KEY + scenario.name());
    }

    /** Feedback given on a measure of a check: applied or not. */
    static AuditDetail feedback(UUID check, String measure, boolean applied) {
        return AuditDetail.of(applied ? "MEASURE_FEEDBACK_APPLIED" : "MEASURE_FEEDBACK_NOT_APPLIED")
                .with("check", check).with("measure", measure);
    }

    /**
     * Feedback refused: the refusal's code, the check ({@code null}: the id sent was no id, and is not kept) and the
     * measure ({@code null}: not named, as it is only when it is one the caller's own check returned).
     */
    static AuditDetail feedbackRefused(String refusal, UUID check, String measure) {
        if (check == null) {
            return AuditDetail.of("MEASURE_FEEDBACK_REFUSED_NO_ID").with("refusal", refusal);
        }
        return measure == null
                ? AuditDetail.of("MEASURE_FEEDBACK_REFUSED").with("refusal", refusal).with("check", check)
                : AuditDetail.of("MEASURE_FEEDBACK_REFUSED_MEASURE").with("refusal", refusal).with("check", check)
                        .with("measure", measure);
    }

    /** A step of a change of the catalogue: the measure, then the change's id, after the detail's code. */
    static AuditDetail change(AuditDetail detail, MeasureChange change) {
        return detail.with("measure", change.measureCode()).with("change", change.id());
    }

    /** A revision's step: the measure, the change and what it changes, field by field ({@code —}: nothing). */
    static AuditDetail revision(AuditDetail detail, MeasureChange change, String changes) {
        return change(detail, change).with("changes", changes.isEmpty() ? NONE : changes);
    }
}
