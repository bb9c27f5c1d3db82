package cn.chengxin.listing;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * What holds an entry in its notice state past its notice period (RULES.md §7): a written prior notice comes "with the
 * right to object" (国办发〔2020〕49号; 《河南省社会信用条例》第三十七条) and a red-list public notice invites the public's
 * objections (第二十八条), so what is raised in that period is verified before the entry takes effect. Implemented by
 * the modules that receive those objections (objection: 异议; portal: the tip-offs that answer a red-list public
 * notice), so that the lists depend on none of them; {@link Listing#activateDue} asks every implementation.
 */
public interface NoticeHolds {

    /**
     * The holds on each of the entries whose notice period is over, by entry id; an entry absent from the answer
     * was never held by this kind of objection.
     */
    Map<UUID, Hold> holds(Collection<InNotice> entries);

    /**
     * An entry whose notice period is over: {@code noticeFrom} is its approval, when its notice was issued (a prior
     * notice) or published (a public notice); {@code noticeUntil} the moment it was to take effect.
     */
    record InNotice(UUID entryId, ListType listType, UUID subjectId, UUID recordKey, Instant noticeFrom,
                    Instant noticeUntil) {
    }

    /**
     * {@code open}: an objection still undecided holds the entry; {@code settledAt}: when the last one raised or
     * decided since the notice began was decided (null: none), from which the entry's effect is counted again.
     */
    record Hold(boolean open, Instant settledAt) {

        public static Hold pending() {
            return new Hold(true, null);
        }

        public static Hold settled(Instant at) {
            return new Hold(false, at);
        }

        /** Both holds at once: open if either is, settled at the later of the two. */
        public Hold and(Hold other) {
            Instant later = settledAt == null ? other.settledAt : other.settledAt == null ? settledAt
                    : settledAt.isAfter(other.settledAt) ? settledAt : other.settledAt;
            return new Hold(open || other.open, later);
        }
    }
}
