package cn.chengxin.listing;

import java.util.List;
import java.util.UUID;

import cn.chengxin.listing.persistence.JdbcListing;
import cn.chengxin.shared.jdbc.ResumablePasses;
import cn.chengxin.subject.SubjectRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Brings the persons refused a black- or grey-list entry for want of a birth date before such refusals were kept
 * (V71) onto the credit office's list of whose date to complete: a one-time pass, started by V84, evaluates every
 * person without a birth date again, and only them (a passport or a travel permit carries no date; the rest of the
 * population was never refused for it). The pass runs a chunk of persons per transaction ({@link ResumablePasses},
 * listing.catch_up_pass); the listing's tick takes it up as it takes up any pass no runner moves, after a start or a
 * failed chunk. Evaluation is idempotent, so a chunk passed twice adds nothing.
 */
@Component
class CatchingUpAwaitingBirthDates {

    /** The pass's row in listing.catch_up_pass, as V84 inserts it. */
    static final String JOB = "AWAITING_BIRTH_DATE";
    static final int VERSION = 1;

    private final ResumablePasses passes;
    private final SubjectRegistry subjects;
    private final Listing listing;
    private final int chunk;

    CatchingUpAwaitingBirthDates(JdbcListing store, SubjectRegistry subjects, Listing listing,
                                 @Value("${chengxin.listing.reevaluation-chunk:2000}") int chunk) {
        this.passes = store.catchUpPasses();
        this.subjects = subjects;
        this.listing = listing;
        this.chunk = chunk;
    }

    /** Runs the pass to its end, or until another runner holds it; returns how many chunks it passed here. */
    int run() {
        return passes.run(JOB, VERSION, chunk, this::evaluate);
    }

    /** The pass, if no runner has moved it for {@link ReevaluatingHolders#STALLED} and it is unfinished. */
    List<ResumablePasses.Pass> stalled() {
        return passes.stalled(ReevaluatingHolders.STALLED).stream()
                .filter(p -> p.code().equals(JOB) && p.version() == VERSION).toList();
    }

    private ResumablePasses.Chunk evaluate(UUID after, int size) {
        List<UUID> persons = subjects.personsWithoutBirthDateAfter(after, size);
        listing.evaluate(persons);
        UUID last = persons.isEmpty() ? null : persons.get(persons.size() - 1);
        return new ResumablePasses.Chunk(last, persons.size(), persons.size());
    }
}
