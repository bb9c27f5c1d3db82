package cn.chengxin.subject.domain;

import org.junit.jupiter.api.Test;

import static cn.chengxin.subject.domain.RelayedNames.Outcome.GIVEN;
import static cn.chengxin.subject.domain.RelayedNames.Outcome.KEPT;
import static cn.chengxin.subject.domain.RelayedNames.Outcome.RENAMED;
import static org.assertj.core.api.Assertions.assertThat;

/** Gaps review xxvii I9: what a relayed message's name does to the name registered here. */
class RelayedNamesTests {

    @Test
    void aPlaceholderTakesTheFirstNameAnyPlatformSendsAndNoEmptyOne() {
        assertThat(RelayedNames.of("", NameSource.EXCHANGE, "A", "玛伊拉", "B")).isEqualTo(GIVEN);
        assertThat(RelayedNames.of("", NameSource.EXCHANGE, "A", " ", "A")).isEqualTo(KEPT);
        assertThat(RelayedNames.of("", NameSource.EXCHANGE, "A", null, "A")).isEqualTo(KEPT);
    }

    @Test
    void anotherNameIsARenameOnlyFromTheOriginAndOnlyOfANameTheExchangeGave() {
        assertThat(RelayedNames.of("符旧名", NameSource.EXCHANGE, "A", "符新名", "A")).isEqualTo(RENAMED);
        assertThat(RelayedNames.of("符新名", NameSource.ORIGIN, "A", "符三名", "A")).isEqualTo(RENAMED);
        assertThat(RelayedNames.of("符旧名", NameSource.EXCHANGE, "A", "符别名", "B")).isEqualTo(KEPT);
        assertThat(RelayedNames.of("符旧名", NameSource.EXCHANGE, null, "符别名", "B")).isEqualTo(KEPT);
        assertThat(RelayedNames.of("符旧名", NameSource.DEPARTMENT, "A", "符新名", "A")).isEqualTo(KEPT);
        assertThat(RelayedNames.of("符旧名", NameSource.REVIEW, "A", "符新名", "A")).isEqualTo(KEPT);
        assertThat(RelayedNames.of("符旧名", NameSource.CITIZEN, "A", "符新名", "A")).isEqualTo(KEPT);
    }

    @Test
    void theSameNameWrittenOtherwiseIsNoRename() {
        assertThat(RelayedNames.of("玛依拉·阿不都", NameSource.EXCHANGE, "A", "玛依拉•阿不都", "A")).isEqualTo(KEPT);
    }
}
