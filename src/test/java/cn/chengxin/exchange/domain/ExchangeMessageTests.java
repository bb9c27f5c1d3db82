package cn.chengxin.exchange.domain;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Gaps review xxvii I9: a name is optional in a message, but not in one whose subject the receiver registers. */
class ExchangeMessageTests {

    private static final String NUMBER = "11010519491231002X";

    private static ExchangeMessage naming(String name) {
        return Messages.blackListEntry("410000", "list/" + UUID.randomUUID(), 1, "EFFECTIVE", NUMBER, name);
    }

    @Test
    void aMessageThatRegistersItsSubjectMustNameIt() {
        for (String none : new String[] {null, "", "  \u3000"}) {
            assertThat(naming(none).problems()).as("optional otherwise").isEmpty();
            assertThat(naming(none).problems(true)).singleElement().asString().startsWith("subject.name: required");
        }
        assertThat(naming("张三").problems(true)).isEmpty();
    }
}
