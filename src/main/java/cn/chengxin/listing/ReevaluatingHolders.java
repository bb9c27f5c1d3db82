package cn.chengxin.listing;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.creditfile.CreditFile;
import cn.chengxin.creditfile.SubjectEntry;
import cn.chengxin.listing.domain.ListRule;
import cn.chengxin.listing.persistence.JdbcListing;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes a saved rule version to the subjects already holding shown records of its items, so that a new or widened
 * rule reaches them without waiting for their next record (RULES.md §7; issue #5). A court-defaulter or penalty item
 * has hundreds of thousands of holders in a city: the pass runs after the rule's commit, one chunk of records' holders
 * per transaction, and its row ({@link RuleReevaluation}) moves with each chunk in the same transaction. A crash or
 * a failed chunk loses that chunk only; running the pass again goes on after the last chunk committed. Evaluation is
 * idempotent (one open entry per list, subject and record), so a chunk passed twice proposes nothing twice.
 */
@Component
class ReevaluatingHolders {

    /** A pass with no chunk committed for this long has lost its runner (a failed chunk): the tick takes it up. */
    static final Duration STALLED = Duration.ofMinutes(2);

    private final JdbcListing store;
    private final CreditFile creditFile;
    private final Listing listing;
    private final TransactionTemplate chunkTransaction;
    private final Clock clock;
    private final int chunk;

    ReevaluatingHolders(JdbcListing store, CreditFile creditFile, Listing listing,
                        PlatformTransactionManager transactions, Clock clock,
                        @Value("${chengxin.listing.reevaluation-chunk:2000}") int chunk) {
        this.store = store;
        this.creditFile = creditFile;
        this.listing = listing;
        this.chunkTransaction = new TransactionTemplate(transactions);
        this.chunkTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.chunk = chunk;
    }

    /**
     * Starts the pass of the rule version if it has none (a rule saved before passes were kept, or an event
     * republished at start) and runs it to its end, or until another runner holds it; returns how many entries it
     * proposed or ended here.
     */
    int run(String code, int version) {
        store.startReevaluation(code, version, clock.instant());
        int changed = 0;
        Optional<Listing.Evaluation> done;
        while ((done = chunk(code, version)).isPresent()) {
            changed += done.get().proposed() + done.get().ended();
        }
        return changed;
    }

    /** Passes the next chunk in its own transaction; false when the pass is finished or another runner holds it. */
    boolean nextChunk(String code, int version) {
        return chunk(code, version).isPresent()
                && store.reevaluation(code, version).map(p -> !p.finished()).orElse(false);
    }

    /** The passes no runner has moved for {@link #STALLED}, for the tick to run again. */
    List<RuleReevaluation> stalled() {
        return store.unfinishedReevaluations(clock.instant().minus(STALLED));
    }

    private Optional<Listing.Evaluation> chunk(String code, int version) {
        return chunkTransaction.execute(tx -> {
            Optional<RuleReevaluation> pass = store.lockUnfinishedReevaluation(code, version);
            if (pass.isEmpty()) {
                return Optional.<Listing.Evaluation>empty();
            }
            Set<String> items = store.rule(code, version).map(ListRule::itemCodes).orElse(Set.of());
            List<SubjectEntry> records = creditFile.currentOfItems(items, Listing.SHOWN, pass.get().afterRecord(),
                    chunk);
            Set<UUID> holders = new HashSet<>();
            records.forEach(r -> holders.add(r.subjectId()));
            Listing.Evaluation done = listing.evaluate(holders);
            UUID after = records.isEmpty() ? pass.get().afterRecord() : records.get(records.size() - 1).entry()
                    .recordKey();
            store.advanceReevaluation(code, version, after, records.size(), holders.size(), done.proposed(),
                    done.ended(), records.size() < chunk, clock.instant());
            return Optional.of(done);
        });
    }
}
