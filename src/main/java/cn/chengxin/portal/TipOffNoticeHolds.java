package cn.chengxin.portal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.chengxin.listing.ListType;
import cn.chengxin.listing.NoticeHolds;
import cn.chengxin.portal.tipoff.domain.TipOffStatus;
import cn.chengxin.portal.tipoff.persistence.JdbcTipOffs;
import org.springframework.stereotype.Component;

/**
 * The public's objections to a red-list candidate are tip-offs (RULES.md §7; 《河南省社会信用条例》第二十八条: the public
 * notice invites them, and the public lists send objectors to 信用举报): one about the candidate filed during the
 * public notice holds the entry in it until the credit office decides it. Found true, it withdraws the candidacy
 * ({@link TipOffDesk#decide}); rejected or found untrue, the entry takes effect counted from that decision. A tip-off
 * is linked to the candidate by the subject the registry matched its number to: one naming nobody the registry knows
 * cannot be told apart from a namesake's and holds nothing.
 */
@Component
class TipOffNoticeHolds implements NoticeHolds {

    private final JdbcTipOffs tipOffs;

    TipOffNoticeHolds(JdbcTipOffs tipOffs) {
        this.tipOffs = tipOffs;
    }

    @Override
    public Map<UUID, Hold> holds(Collection<InNotice> entries) {
        List<InNotice> red = entries.stream().filter(e -> e.listType() == ListType.RED).toList();
        if (red.isEmpty()) {
            return Map.of();
        }
        Map<UUID, List<TipOff>> bySubject = tipOffs.about(red.stream().map(InNotice::subjectId)
                .collect(Collectors.toSet())).stream().collect(Collectors.groupingBy(TipOff::subjectId));
        Map<UUID, Hold> holds = new HashMap<>();
        for (InNotice entry : red) {
            Hold hold = null;
            for (TipOff t : bySubject.getOrDefault(entry.subjectId(), List.of())) {
                if (!duringNotice(t, entry)) {
                    continue;
                }
                Hold one = t.status().next().isEmpty() ? Hold.settled(t.handledAt()) : Hold.pending();
                hold = hold == null ? one : hold.and(one);
            }
            if (hold != null) {
                holds.put(entry.entryId(), hold);
            }
        }
        return holds;
    }

    /** Filed from the notice's publication to the end of its period. */
    private static boolean duringNotice(TipOff t, InNotice entry) {
        return (entry.noticeFrom() == null || !t.receivedAt().isBefore(entry.noticeFrom()))
                && t.receivedAt().isBefore(entry.noticeUntil());
    }
}
