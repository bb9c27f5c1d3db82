package cn.chengxin.objection;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.chengxin.creditfile.CreditFile;
import cn.chengxin.creditfile.FileEntry;
import cn.chengxin.listing.NoticeHolds;
import cn.chengxin.objection.domain.Outcome;
import cn.chengxin.objection.persistence.JdbcObjections;
import org.springframework.stereotype.Component;

/**
 * Objections hold a list entry in its notice state (RULES.md §5, §7: a prior notice comes with the right to object,
 * and the objection is verified before the listing takes effect): one open on the entry or on the record it rests on
 * holds it; once decided without ending it (an upheld one exits the entry when decided, {@link Objections#decide}),
 * the entry takes effect counted from the decision. A decision awaiting the department's correction (更正, 补充) holds
 * it through the dispute mark the record keeps; the corrected version, when it comes, counts as the decision, so the
 * entry is rechecked against it before it takes effect.
 */
@Component
class ObjectionNoticeHolds implements NoticeHolds {

    private final JdbcObjections store;
    private final CreditFile creditFile;

    ObjectionNoticeHolds(JdbcObjections store, CreditFile creditFile) {
        this.store = store;
        this.creditFile = creditFile;
    }

    @Override
    public Map<UUID, Hold> holds(Collection<InNotice> entries) {
        Set<UUID> subjects = entries.stream().map(InNotice::subjectId).collect(Collectors.toSet());
        Map<UUID, List<Objection>> bySubject = store.ofSubjects(subjects).stream()
                .collect(Collectors.groupingBy(Objection::subjectId));
        Map<UUID, List<FileEntry>> files = null;
        Map<UUID, Hold> holds = new HashMap<>();
        for (InNotice entry : entries) {
            Hold hold = null;
            for (Objection o : bySubject.getOrDefault(entry.subjectId(), List.of())) {
                if (!entry.entryId().equals(o.entryId())
                        && (entry.recordKey() == null || !entry.recordKey().equals(o.recordKey()))) {
                    continue;
                }
                if (o.status().open()) {
                    hold = hold == null ? Hold.pending() : hold.and(Hold.pending());
                    continue;
                }
                if (o.decidedAt() == null
                        || (entry.noticeFrom() != null && !o.decidedAt().isAfter(entry.noticeFrom()))) {
                    continue; // decided before the notice began: the entry was proposed on what it decided
                }
                Instant settled = o.decidedAt();
                if (o.outcome() == Outcome.CORRECT || o.outcome() == Outcome.SUPPLEMENT) {
                    if (files == null) {
                        files = creditFile.filesOf(subjects);
                    }
                    settled = files.getOrDefault(o.subjectId(), List.of()).stream()
                            .filter(r -> r.recordKey().equals(o.recordKey()) && r.acceptedAt().isAfter(o.decidedAt()))
                            .map(FileEntry::acceptedAt).findFirst().orElse(settled);
                }
                hold = hold == null ? Hold.settled(settled) : hold.and(Hold.settled(settled));
            }
            if (hold != null) {
                holds.put(entry.entryId(), hold);
            }
        }
        return holds;
    }
}
