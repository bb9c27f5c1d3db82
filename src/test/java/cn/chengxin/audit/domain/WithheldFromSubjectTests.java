package cn.chengxin.audit.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Tip-off events are withheld from their subject; the looks he is owed are not (F7). */
class WithheldFromSubjectTests {

    @Test
    void tipOffEventsAreWithheldAndOtherLooksAreShown() {
        assertThat(WithheldFromSubject.withheld("tipoff.file")).isTrue();
        assertThat(WithheldFromSubject.withheld("tipoff.view")).isTrue();
        assertThat(WithheldFromSubject.withheld("tipoff.decide")).isTrue();
        assertThat(WithheldFromSubject.withheld("subject.view")).isFalse();
        assertThat(WithheldFromSubject.withheld("inquiry.report")).isFalse();
        assertThat(WithheldFromSubject.withheld("audit.search")).isFalse();
        assertThat(WithheldFromSubject.withheld(null)).isFalse();
        assertThat(WithheldFromSubject.likePatterns()).containsExactly("tipoff.%");
    }
}
