package cn.chengxin.repair;

import java.util.Map;

import cn.chengxin.repair.domain.RepairCommitmentTerm;
import cn.chengxin.repair.domain.RepairDeadlines;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The repair deadlines are configuration (RULES.md §6, issue #8), bound from {@code chengxin.repair.deadlines.*} and
 * checked as the platform starts: a city may be quicker than the national periods (Henan: 1 working day), never slower.
 */
class RepairSettingsTests {

    @Test
    void unsetTheyAreTheNationalOnes() {
        assertThat(bind(Map.of()).repairDeadlines()).isEqualTo(RepairDeadlines.defaults())
                .isEqualTo(new RepairDeadlines(10, 3, 10));
        assertThat(new RepairSettings(null, null, null).repairDeadlines()).isEqualTo(RepairDeadlines.defaults());
    }

    @Test
    void henansOneWorkingDayIsTaken() {
        RepairDeadlines henan = bind(Map.of("chengxin.repair.deadlines.decision-days", "1")).repairDeadlines();
        assertThat(henan).isEqualTo(new RepairDeadlines(10, 1, 10));
    }

    @Test
    void periodsAboveTheNationalOnesOrOutOfOrderAreRefusedAtStart() {
        assertRefused("decision-days", "5", "cannot exceed the national 3");
        assertRefused("feedback-days", "15", "cannot exceed the national 10");
        assertRefused("feedback-days", "2", "decision-days (3) cannot exceed feedback-days (2)");
        assertRefused("max-extension-days", "0", "at least 1 working day");
        assertRefused("max-extension-days", "20", "max-extension-days (20)");
    }

    private static void assertRefused(String key, String value, String reason) {
        assertThatThrownBy(() -> bind(Map.of("chengxin.repair.deadlines." + key, value)))
                .isInstanceOf(BindException.class).rootCause().isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason);
    }

    /** G11: the term of an approved repair's commitment when its record has no last day, 12 months unless set. */
    @Test
    void theCommitmentTermIsBoundAndCheckedAtStart() {
        assertThat(bind(Map.of()).commitmentTerm()).isEqualTo(RepairCommitmentTerm.defaults());
        assertThat(bind(Map.of("chengxin.repair.commitment-months", "6")).commitmentTerm())
                .isEqualTo(new RepairCommitmentTerm(6));
        assertThatThrownBy(() -> bind(Map.of("chengxin.repair.commitment-months", "0")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("commitment-months (0)");
    }

    private static RepairSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("chengxin.repair",
                RepairSettings.class);
    }
}
