package cn.chengxin.objection;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.chengxin.objection.domain.ObjectionDeadlines;
import cn.chengxin.shared.calendar.WorkingCalendar;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The objection deadlines are configuration (RULES.md §5 "defaults; configurable", issue #8), bound as the platform
 * binds {@code chengxin.objection.deadlines.*} and checked as it starts: out of order or above the statutory ceiling
 * they stop it, with the reason.
 */
class ObjectionSettingsTests {

    private static final String PREFIX = "chengxin.objection.deadlines";

    @Test
    void unsetTheyAreTheDefaultsOfRulesFive() {
        assertThat(bind(Map.of()).deadlines()).isEqualTo(ObjectionDeadlines.defaults())
                .isEqualTo(new ObjectionDeadlines(3, 3, 7, 20, 1));
    }

    @Test
    void aConfiguredValueGivesTheDeadline() {
        ObjectionSettings settings = bind(Map.of(PREFIX + ".platform-days", "2", PREFIX + ".with-department-days",
                "5"));
        WorkingCalendar plain = new WorkingCalendar(List.of());
        LocalDate monday = LocalDate.of(2026, 6, 1);
        assertThat(settings.deadlines().platformDue(plain, monday)).isEqualTo(LocalDate.of(2026, 6, 3));
        assertThat(settings.deadlines().withDepartmentDue(plain, monday)).isEqualTo(LocalDate.of(2026, 6, 8));
        assertThat(settings.deadlines().departmentDays()).as("left unset").isEqualTo(3);
    }

    @Test
    void aCeilingAboveTheStatutoryTwentyDaysIsRefusedAtStart() {
        assertRefused(Map.of(PREFIX + ".ceiling-days", "30"), "statutory 20 days");
    }

    @Test
    void deadlinesOutOfOrderAreRefusedAtStart() {
        assertRefused(Map.of(PREFIX + ".platform-days", "8"), "platform-days (8) cannot exceed with-department-days");
        assertRefused(Map.of(PREFIX + ".department-days", "9"), "department-days (9)");
        assertRefused(Map.of(PREFIX + ".withdrawal-days", "4"), "withdrawal-days (4)");
        assertRefused(Map.of(PREFIX + ".with-department-days", "15"), "does not fit within ceiling-days");
        assertRefused(Map.of(PREFIX + ".platform-days", "0"), "at least 1 day");
    }

    private static void assertRefused(Map<String, String> properties, String reason) {
        assertThatThrownBy(() -> bind(properties)).isInstanceOf(BindException.class).rootCause()
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(reason);
    }

    private static ObjectionSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate(PREFIX,
                ObjectionSettings.class);
    }
}
