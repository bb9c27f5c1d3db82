package cn.chengxin.exchange.domain;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReconciliationTests {

    @Test
    void whatTheParentRelayedIsAdoptedWhereverWeHoldNothingOrAnotherVersionEvenAHigherOne() {
        Map<String, Long> relayed = Map.of("411500:list/a", 5L, "411300:list/b", 4L, "411500:list/c", 1L,
                "411500:list/d", 2L);
        Map<String, Long> held = Map.of("411500:list/a", 3L, "411300:list/b", 9L, "411500:list/d", 2L);
        Reconciliation.Downward downward = Reconciliation.fromParent(relayed, held, "411700");
        assertThat(downward.toAdopt()).containsExactly("411300:list/b", "411500:list/a", "411500:list/c");
        assertThat(downward.conflicts()).isEmpty();
    }

    @Test
    void ourOwnMessagesAreNeverAdoptedFromTheParentButListedAsConflicts() {
        Reconciliation.Downward downward = Reconciliation.fromParent(Map.of("411700:record/x", 7L), Map.of(),
                "411700");
        assertThat(downward.toAdopt()).isEmpty();
        assertThat(downward.conflicts()).containsExactly("411700:record/x");
    }

    @Test
    void aVersionOfOursThePartnerHoldsButWeNeverSentIsUnknownToUs() {
        Reconciliation.Side held = new Reconciliation.Side(Map.of("record/a", 4L, "record/b", 9L, "record/c", 1L));
        assertThat(Reconciliation.unknownToSender(held, Map.of("record/a", 4L, "record/b", 6L)))
                .containsExactly("record/b", "record/c");
    }

    @Test
    void whatIsMissingOrBehindAtTheReceiverIsSentAgain() {
        Reconciliation.Side sent = new Reconciliation.Side(Map.of("record/a", 4L, "record/b", 6L, "record/c", 2L));
        Reconciliation.Side held = new Reconciliation.Side(Map.of("record/a", 4L, "record/b", 5L));
        assertThat(Reconciliation.behindAtReceiver(sent, held)).containsExactly("record/b", "record/c");
    }
}
