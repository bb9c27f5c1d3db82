package cn.chengxin.listing;

import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One entry's step of the tick in a transaction of its own (gaps review xxxviii S4): a failure — its row locked past
 * the lock timeout, the audit log refusing — rolls back that entry's change alone, is logged, and is left for the
 * next tick, while the other entries take effect or end. A new transaction even under a caller's, so that one entry
 * committed stays committed whatever the next does.
 */
@Component
class EntryTransactions {

    private static final Logger log = LoggerFactory.getLogger(EntryTransactions.class);

    private final TransactionTemplate own;

    EntryTransactions(PlatformTransactionManager transactions) {
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * @param step what is done, for the log (e.g. "expiry")
     * @return whether the step committed having changed the entry; false also when it failed
     */
    boolean run(String step, UUID entryId, BooleanSupplier work) {
        try {
            return Boolean.TRUE.equals(own.execute(status -> work.getAsBoolean()));
        } catch (RuntimeException e) {
            log.warn("Lists: {} of entry {} failed and is left for the next tick: {}", step, entryId, e.toString());
            return false;
        }
    }

    /** A step of the tick not about one entry (learning the notices' reads), guarded as one entry's is. */
    void run(String step, Runnable work) {
        try {
            own.executeWithoutResult(status -> work.run());
        } catch (RuntimeException e) {
            log.warn("Lists: {} failed and is left for the next tick: {}", step, e.toString());
        }
    }
}
