package cn.chengxin.scoring;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.catalog.ItemVersionApproved;
import cn.chengxin.creditfile.CreditFile;
import cn.chengxin.scoring.persistence.JdbcScores;
import cn.chengxin.shared.jdbc.ResumablePasses;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Follows an approved catalogue version that changes what scoring reads of an item: every subject with a counted
 * record of it is rescored, not at their next record or the nightly run. An item has hundreds of thousands of
 * holders in a city: the pass runs after the approval, one chunk of records' holders per transaction
 * ({@link ResumablePasses}, scoring.item_revision_pass), its row moved in the chunk's transaction, so a crash or a
 * failed chunk loses that chunk only. Each chunk scores by the catalogue and model in force, so a later version's
 * pass supersedes an earlier one still under way; an unchanged score is not stored again, so a chunk passed twice
 * writes nothing more.
 */
@Component
class RescoringHolders {

    /** A pass with no chunk committed for this long has lost its runner (a failed chunk): the tick takes it up. */
    static final Duration STALLED = ResumablePasses.STALLED;

    private final ResumablePasses passes;
    private final CreditFile creditFile;
    private final Scoring scoring;
    private final int chunk;

    RescoringHolders(JdbcScores store, CreditFile creditFile, Scoring scoring,
                     @Value("${chengxin.scoring.rescoring-chunk:2000}") int chunk) {
        this.passes = store.itemRevisionPasses();
        this.creditFile = creditFile;
        this.scoring = scoring;
        this.chunk = chunk;
    }

    /**
     * Starts the pass of an approved version that changes scores (once: an event republished at start finds it
     * started) and runs it to its end, or until another runner holds it; returns how many chunks it passed here.
     */
    int itemRevised(ItemVersionApproved approved) {
        if (!scoring.changesScores(approved)) {
            return 0;
        }
        passes.startSuperseding(approved.code(), approved.version());
        return run(approved.code(), approved.version());
    }

    /** Runs a started pass to its end, or until another runner holds it; returns how many chunks it passed here. */
    int run(String item, int version) {
        return passes.run(item, version, chunk, (after, size) -> rescore(item, after, size));
    }

    /** Passes the next chunk in its own transaction; false when the pass is finished or another runner holds it. */
    boolean nextChunk(String item, int version) {
        return passes.nextChunk(item, version, chunk, (after, size) -> rescore(item, after, size));
    }

    /** The passes no runner has moved for {@link #STALLED}, for the tick to run again. */
    List<ResumablePasses.Pass> stalled() {
        return passes.stalled(STALLED);
    }

    ResumablePasses passes() {
        return passes;
    }

    private ResumablePasses.Chunk rescore(String item, UUID after, int size) {
        CreditFile.Holders holders = creditFile.holdersAfter(Set.of(item), Scoring.COUNTED, after, size);
        scoring.rescore(holders.subjects());
        return new ResumablePasses.Chunk(holders.lastRecord(), holders.records(), holders.subjects().size());
    }
}
