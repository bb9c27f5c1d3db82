package cn.chengxin.listing;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.chengxin.listing.persistence.JdbcListing;
import cn.chengxin.shared.jdbc.ResumablePasses;
import cn.chengxin.subject.SubjectRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Marks again, once, the subjects whose last-negative-record mark was stored before the mark counted only records in
 * use (RULES.md §4, §6, §7): one whose only negative records had expired or been repaired still holds a date and is
 * denied the green channel and 容缺受理 until a record of theirs changes. A one-time pass, started by V121, takes every
 * dated mark in pseudonym order, a chunk per transaction ({@link ResumablePasses}, listing.catch_up_pass, its position
 * in after_pseudonym); the listing's tick takes it up as the catch-up of V84. It re-marks only: no record is
 * announced again to another module, and a mark whose date stays keeps its stamp, so the check index re-reads only
 * the marks that change. Marking is idempotent, so a chunk passed twice changes nothing more.
 * <p>
 * Version 2, started by V193, evaluates every dated subject again ({@link Listing#evaluate}) once a responsible
 * person's copy of his organisation's record stopped counting as his own dishonesty ({@link
 * cn.chengxin.listing.domain.OwnConduct}; RULES.md §1, §7): a copy no longer dates his mark, and the entries that rest
 * on one — proposals waiting for review and entries in force alike — end with an exit notice saying why, measures
 * stopping with them. Every holder of a copy in use holds a dated mark (the copy dated it), so the pass finds them
 * all. Evaluation is idempotent too, as a saved rule's pass relies on ({@link ReevaluatingHolders}).
 */
@Component
class RecheckingNegativeMarks {

    /** The pass's row in listing.catch_up_pass, as V121 (version 1) and V193 (version 2) insert it. */
    static final String JOB = "NEGATIVE_MARK_IN_USE";
    static final int VERSION = 2;

    private final JdbcListing store;
    private final ResumablePasses passes;
    private final SubjectRegistry subjects;
    private final Listing listing;
    private final int chunk;

    RecheckingNegativeMarks(JdbcListing store, SubjectRegistry subjects, Listing listing,
                            @Value("${chengxin.listing.reevaluation-chunk:2000}") int chunk) {
        this.store = store;
        this.passes = store.catchUpPasses();
        this.subjects = subjects;
        this.listing = listing;
        this.chunk = chunk;
    }

    /** Runs the pass to its end, or until another runner holds it; returns how many chunks it passed here. */
    int run() {
        return passes.run(JOB, VERSION, chunk, (ignored, size) -> remark(size));
    }

    /** Passes the next chunk in its own transaction; false when the pass is finished or another runner holds it. */
    boolean nextChunk() {
        return passes.nextChunk(JOB, VERSION, chunk, (ignored, size) -> remark(size));
    }

    /** The pass, if no runner has moved it for {@link ReevaluatingHolders#STALLED} and it is unfinished. */
    List<ResumablePasses.Pass> stalled() {
        return passes.stalled(ReevaluatingHolders.STALLED).stream()
                .filter(p -> p.code().equals(JOB) && p.version() == VERSION).toList();
    }

    /**
     * In the chunk's transaction, which holds the pass's row: its position is a pseudonym, not the uuid the passes
     * keep, so the chunk moves it here.
     */
    private ResumablePasses.Chunk remark(int size) {
        List<String> marked = store.datedMarksAfter(store.catchUpPseudonym(JOB, VERSION), size);
        Map<UUID, String> holders = subjects.subjectsUnder(marked);
        listing.evaluate(holders.keySet());
        if (!marked.isEmpty()) {
            store.passCatchUpPseudonym(JOB, VERSION, marked.get(marked.size() - 1));
        }
        return new ResumablePasses.Chunk(null, marked.size(), holders.size());
    }
}
