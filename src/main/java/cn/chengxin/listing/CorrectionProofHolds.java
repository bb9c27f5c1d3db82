package cn.chengxin.listing;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import cn.chengxin.listing.domain.ExitGround;
import cn.chengxin.listing.persistence.JdbcExitProposals;
import org.springframework.stereotype.Component;

/**
 * Proof of correction filed in the prior notice period holds a black-list entry in it, as an objection does (驻政办
 * 〔2017〕102号 四(三): "对在规定期限内纠正失信行为的，不再作为联合惩戒对象"; RULES.md §7: the notice exists so the person
 * can act before the listing takes effect): a proposal on {@link ExitGround#CORRECTED_IN_NOTICE} still waiting holds
 * it; approved, the entry ends before it took effect ({@link ExitProposals#approve}); rejected, it takes effect counted
 * from that decision. One that lapsed (the entry ended otherwise) holds nothing.
 */
@Component
class CorrectionProofHolds implements NoticeHolds {

    private final JdbcExitProposals store;

    CorrectionProofHolds(JdbcExitProposals store) {
        this.store = store;
    }

    @Override
    public Map<UUID, Hold> holds(Collection<InNotice> entries) {
        Map<UUID, Hold> holds = new HashMap<>();
        for (ExitProposal p : store.onGround(entries.stream().map(InNotice::entryId).toList(),
                ExitGround.CORRECTED_IN_NOTICE)) {
            Hold one = switch (p.status()) {
                case PENDING -> Hold.pending();
                case REJECTED, APPROVED -> Hold.settled(p.decidedAt());
                case LAPSED -> null;
            };
            if (one != null) {
                holds.merge(p.entryId(), one, Hold::and);
            }
        }
        return holds;
    }
}
