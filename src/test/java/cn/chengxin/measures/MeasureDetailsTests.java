package cn.chengxin.measures;

import java.util.UUID;

import cn.chengxin.audit.AuditDetail;
import cn.chengxin.shared.privacy.IdentityRedaction;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The details built on every check, and on every refused item of a batch, without AuditDetail's checks and copies
 * (K7; the check API's hot path) are the text AuditDetail stores for the same code and values, and read back as them.
 */
class MeasureDetailsTests {

    private static final UUID CHECK = UUID.fromString("01a245ca-599f-7192-9518-6538174034dd");

    @Test
    void aChecksDetailIsTheStructuredDetailOfItsCodeAndValues() {
        String built = MeasureDetails.checked(CHECK, 2, 13);
        assertThat(built).isEqualTo(AuditDetail.of("MEASURE_CHECKED").with("check", CHECK).with("entries", 2)
                        .with("measures", 13).toString())
                .isEqualTo("reason=MEASURE_CHECKED; check=" + CHECK + "; entries=2; measures=13");
        AuditDetail read = AuditDetail.parse(built).orElseThrow();
        assertThat(read.code()).isEqualTo("MEASURE_CHECKED");
        assertThat(read.values()).extracting(AuditDetail.Value::text).containsExactly(CHECK.toString(), "2", "13");
        assertThat(IdentityRedaction.redact(built)).as("an id whose digits fall into a number's groups is kept whole")
                .isEqualTo(built);
    }

    @Test
    void aRefusedBatchItemsDetailNamesItsScenarioByItsLabelInEveryScenario() {
        for (Scenario scenario : Scenario.values()) {
            String built = MeasureDetails.batchItemRefused("ID_CHECKSUM", scenario, 7);
            assertThat(built).as(scenario.name()).isEqualTo(AuditDetail.of("MEASURE_BATCH_ITEM_REFUSED")
                    .with("refusal", "ID_CHECKSUM").withLabel("scenario", "measures.scenario." + scenario.name())
                    .with("item", 7).toString());
            assertThat(AuditDetail.parse(built).orElseThrow().values()).containsExactly(
                    new AuditDetail.Value("ID_CHECKSUM", false),
                    new AuditDetail.Value("measures.scenario." + scenario.name(), true),
                    new AuditDetail.Value("7", false));
        }
    }

    @Test
    void aCheckRefusedWithoutAScenarioSaysNoneInEveryLanguage() {
        assertThat(MeasureDetails.checkRefused("SCENARIO_REQUIRED", null).toString())
                .isEqualTo("reason=MEASURE_CHECK_REFUSED; refusal=SCENARIO_REQUIRED; scenario=—");
        assertThat(MeasureDetails.batchRefused("RATE_LIMITED", Scenario.LICENSING, 1000).toString())
                .isEqualTo("reason=MEASURE_BATCH_REFUSED; refusal=RATE_LIMITED; "
                        + "scenario=#measures.scenario.LICENSING; subjects=1000");
    }
}
