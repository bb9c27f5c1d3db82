package cn.chengxin.measures;

import cn.chengxin.support.MovingClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An organisation's establishment date is read from the registry once a while, and a batch's together. */
class EstablishmentsTests {

    private final List<List<String>> asked = new ArrayList<>();
    private final MovingClock clock = new MovingClock(Instant.parse("2026-12-03T08:00:00Z"));
    private LocalDate registered;
    private final Establishments establishments = new Establishments((Collection<String> pseudonyms) -> {
        asked.add(List.copyOf(pseudonyms));
        Map<String, LocalDate> found = new HashMap<>();
        if (pseudonyms.contains("old")) {
            found.put("old", LocalDate.of(2012, 5, 1));
        }
        if (registered != null && pseudonyms.contains("undated")) {
            found.put("undated", registered);
        }
        return found;
    }, clock);

    @Test
    void aDateIsReadOnceAndAnUnrecordedOneIsRememberedAsUnknown() {
        assertThat(establishments.of("old")).isEqualTo(LocalDate.of(2012, 5, 1));
        assertThat(establishments.of("old")).isEqualTo(LocalDate.of(2012, 5, 1));
        assertThat(establishments.of("undated")).isNull();
        assertThat(establishments.of("undated")).isNull();

        assertThat(asked).containsExactly(List.of("old"), List.of("undated"));
    }

    @Test
    void aDateRegisteredLaterIsSeenOnceTheMemoryOfTheUnknownOneHasPassed() {
        assertThat(establishments.of("undated")).isNull();
        registered = LocalDate.of(2025, 6, 1);
        clock.advance(Establishments.REMEMBERED.minusSeconds(1));
        assertThat(establishments.of("undated")).as("remembered a while").isNull();

        clock.advance(Duration.ofSeconds(2));
        assertThat(establishments.of("undated")).isEqualTo(LocalDate.of(2025, 6, 1));
    }

    @Test
    void aBatchReadsTheOrganisationsItNamesInOneQueryAndOnlyThoseNotReadBefore() {
        establishments.of("undated");
        establishments.readAmong(List.of("old", "undated", "new", "old"));
        establishments.readAmong(List.of("old", "new"));

        assertThat(asked).containsExactly(List.of("undated"), List.of("old", "new"));
        assertThat(establishments.of("old")).isEqualTo(LocalDate.of(2012, 5, 1));
        assertThat(asked).hasSize(2);
    }
}
