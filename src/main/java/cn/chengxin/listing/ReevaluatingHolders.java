package cn.chengxin.listing;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import cn.chengxin.creditfile.CreditFile;
import cn.chengxin.listing.domain.ListRule;
import cn.chengxin.listing.persistence.JdbcListing;
import cn.chengxin.shared.jdbc.ResumablePasses;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Takes a saved rule version to the subjects already holding shown records of its items, so that a new or widened
 * rule reaches them without waiting for their next record (RULES.md §7; issue #5). A court-defaulter or penalty item
 * has hundreds of thousands of holders in a city: the pass runs after the rule's commit, one chunk of records' holders
 * per transaction ({@link ResumablePasses}), and its row ({@link RuleReevaluation}) moves with each chunk in the same
 * transaction. A crash or a failed chunk loses that chunk only; running the pass again goes on after the last chunk
 * committed. Evaluation is idempotent (one open entry per list, subject and record), so a chunk passed twice
 * proposes nothing twice.
 */
@Component
class ReevaluatingHolders {

    /** A pass with no chunk committed for this long has lost its runner (a failed chunk): the tick takes it up. */
    static final Duration STALLED = ResumablePasses.STALLED;

    private final JdbcListing store;
    private final ResumablePasses passes;
    private final CreditFile creditFile;
    private final Listing listing;
    private final int chunk;

    ReevaluatingHolders(JdbcListing store, CreditFile creditFile, Listing listing,
                        @Value("${chengxin.listing.reevaluation-chunk:2000}") int chunk) {
        this.store = store;
        this.passes = store.rulePasses();
        this.creditFile = creditFile;
        this.listing = listing;
        this.chunk = chunk;
    }

    /**
     * Starts the pass of the rule version if it has none (a rule saved before passes were kept, or an event
     * republished at start) and runs it to its end, or until another runner holds it; returns how many entries it
     * proposed or ended here.
     */
    int run(String code, int version) {
        // Only the current version of the code, and only an enabled one, is passed (ListRuleSaved).
        if (store.currentRule(code).filter(r -> r.version() == version && r.enabled()).isPresent()) {
            passes.start(code, version);
        }
        AtomicInteger changed = new AtomicInteger();
        passes.run(code, version, chunk, (after, size) -> evaluate(code, version, after, size, changed));
        return changed.get();
    }

    /** Passes the next chunk in its own transaction; false when the pass is finished or another runner holds it. */
    boolean nextChunk(String code, int version) {
        return passes.nextChunk(code, version, chunk, (after, size) -> evaluate(code, version, after, size,
                new AtomicInteger()));
    }

    /** The passes no runner has moved for {@link #STALLED}, for the tick to run again. */
    List<ResumablePasses.Pass> stalled() {
        return passes.stalled(STALLED);
    }

    /** The holders of the next records of the rule version's items, evaluated in the chunk's transaction. */
    private ResumablePasses.Chunk evaluate(String code, int version, UUID after, int size, AtomicInteger changed) {
        Set<String> items = store.rule(code, version).map(ListRule::itemCodes).orElse(Set.of());
        CreditFile.Holders holders = creditFile.holdersAfter(items, Listing.SHOWN, after, size);
        Listing.Evaluation done = listing.evaluate(holders.subjects());
        store.countReevaluation(code, version, done.proposed(), done.ended());
        changed.addAndGet(done.proposed() + done.ended());
        return new ResumablePasses.Chunk(holders.lastRecord(), holders.records(), holders.subjects().size());
    }
}
