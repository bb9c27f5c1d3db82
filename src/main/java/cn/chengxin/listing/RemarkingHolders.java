package cn.chengxin.listing;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.catalog.ItemVersionApproved;
import cn.chengxin.creditfile.CreditFile;
import cn.chengxin.listing.persistence.JdbcListing;
import cn.chengxin.shared.jdbc.ResumablePasses;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Follows an approved catalogue version that makes an item negative or no longer negative, takes it off a list
 * ({@link Listing#narrowsLists}: no longer usable for punishment) or stops sharing it publicly: the holders of its
 * records are evaluated again — their last-negative-record marks (the green channel and 容缺受理 of RULES.md §7), the
 * entries resting on records the item no longer admits end (RULES.md §2), and their entries on it leave the public
 * lists (RULES.md §2, §10) — without a record of theirs changing. A penalty item has hundreds of thousands of holders
 * in a city: the pass runs after the
 * approval, one chunk of records' holders per transaction ({@link ResumablePasses}, listing.item_revision_pass), as
 * a saved rule's does ({@link ReevaluatingHolders}). Each chunk marks by the catalogue in force, so a later version's
 * pass supersedes an earlier one still under way; marking is idempotent, so a chunk passed twice changes nothing more.
 */
@Component
class RemarkingHolders {

    private final ResumablePasses passes;
    private final CreditFile creditFile;
    private final Listing listing;
    private final int chunk;

    RemarkingHolders(JdbcListing store, CreditFile creditFile, Listing listing,
                     @Value("${chengxin.listing.reevaluation-chunk:2000}") int chunk) {
        this.passes = store.itemRevisionPasses();
        this.creditFile = creditFile;
        this.listing = listing;
        this.chunk = chunk;
    }

    /**
     * Starts the pass of an approved version that changes the marks (once: an event republished at start finds it
     * started) and runs it to its end, or until another runner holds it; returns how many chunks it passed here.
     */
    int itemRevised(ItemVersionApproved approved) {
        if (!listing.followsRevision(approved)) {
            return 0;
        }
        passes.startSuperseding(approved.code(), approved.version());
        return run(approved.code(), approved.version());
    }

    /** Runs a started pass to its end, or until another runner holds it; returns how many chunks it passed here. */
    int run(String item, int version) {
        return passes.run(item, version, chunk, (after, size) -> remark(item, after, size));
    }

    /** Passes the next chunk in its own transaction; false when the pass is finished or another runner holds it. */
    boolean nextChunk(String item, int version) {
        return passes.nextChunk(item, version, chunk, (after, size) -> remark(item, after, size));
    }

    /** The passes no runner has moved for {@link ReevaluatingHolders#STALLED}, for the tick to run again. */
    List<ResumablePasses.Pass> stalled() {
        return passes.stalled(ReevaluatingHolders.STALLED);
    }

    private ResumablePasses.Chunk remark(String item, UUID after, int size) {
        CreditFile.Holders holders = creditFile.holdersAfter(Set.of(item), Listing.SHOWN, after, size);
        listing.evaluate(holders.subjects());
        return new ResumablePasses.Chunk(holders.lastRecord(), holders.records(), holders.subjects().size());
    }
}
