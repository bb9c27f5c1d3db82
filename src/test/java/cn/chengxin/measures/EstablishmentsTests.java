package cn.chengxin.measures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An organisation's establishment date is read from the registry once, and a batch's together. */
class EstablishmentsTests {

    private final List<List<String>> asked = new ArrayList<>();
    private final Establishments establishments = new Establishments((Collection<String> pseudonyms) -> {
        asked.add(List.copyOf(pseudonyms));
        return pseudonyms.contains("old") ? Map.of("old", LocalDate.of(2012, 5, 1)) : Map.of();
    });

    @Test
    void aDateIsReadOnceAndAnUnrecordedOneIsRememberedAsUnknown() {
        assertThat(establishments.of("old")).isEqualTo(LocalDate.of(2012, 5, 1));
        assertThat(establishments.of("old")).isEqualTo(LocalDate.of(2012, 5, 1));
        assertThat(establishments.of("undated")).isNull();
        assertThat(establishments.of("undated")).isNull();

        assertThat(asked).containsExactly(List.of("old"), List.of("undated"));
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
