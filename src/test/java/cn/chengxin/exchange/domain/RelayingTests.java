package cn.chengxin.exchange.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What goes on to whom of another platform's messages: records go up only, list entries up, down and across to the
 * other children, nothing to a peer (RULES.md §11; PIPL Art. 6).
 */
class RelayingTests {

    @Test
    void recordsGoUpOnlyAndListEntriesGoUpAndDown() {
        assertThat(Relation.PARENT.takesRelayed(MessageKind.RECORD)).isTrue();
        assertThat(Relation.PARENT.takesRelayed(MessageKind.LIST_ENTRY)).isTrue();
        assertThat(Relation.CHILD.takesRelayed(MessageKind.LIST_ENTRY)).isTrue();
        assertThat(Relation.CHILD.takesRelayed(MessageKind.RECORD))
                .as("no page, report or check of a lower platform uses another platform's record").isFalse();
    }

    @Test
    void aPeerTakesNothingRelayed() {
        for (MessageKind kind : MessageKind.values()) {
            assertThat(Relation.PEER.takesRelayed(kind)).isFalse();
        }
    }
}
