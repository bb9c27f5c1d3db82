package cn.chengxin.creditfile;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.creditfile.persistence.JdbcRecords;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Announces the subjects a batch's chunks changed ({@link RecordsChanged}: lists and scores follow records, RULES.md
 * §7) from creditfile.changed_subject (V462), where each stored chunk leaves them, rather than one event per chunk: a
 * subject is announced once per window however many of its records it brought, and a slice's subjects are adjacent
 * in the indexes by subject that the reactions read (issue #4: a chunk's subjects, in no order, lay on as many pages).
 * A slice of {@link #SLICE} subjects, lowest ids first, is taken per transaction, in which its event is published, so
 * that it is announced exactly when it leaves the table (as {@link AnnouncingMigratedChanges} does). The batch
 * announces what is left at its end ({@link CreditFile#announceQueuedChanges}); meanwhile, and after a crash, this
 * does every few seconds.
 */
@Component
class QueuedReactions {

    /** As many subjects as a chunk of ingestion had: a reaction's reads and writes stay the size they were. */
    static final int SLICE = 2_000;

    private final JdbcRecords records;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate sliceTransaction;

    QueuedReactions(JdbcRecords records, ApplicationEventPublisher events, PlatformTransactionManager transactions) {
        this.records = records;
        this.events = events;
        this.sliceTransaction = new TransactionTemplate(transactions);
    }

    @Scheduled(fixedDelayString = "${chengxin.creditfile.reactions-window:PT10S}",
            initialDelayString = "${chengxin.creditfile.reactions-window:PT10S}")
    void announceNow() {
        announce();
    }

    /** Announces every subject queued (none that another instance is announcing now); returns how many. */
    int announce() {
        int announced = 0;
        int slice;
        do {
            slice = sliceTransaction.execute(s -> announceSlice());
            announced += slice;
        } while (slice == SLICE);
        return announced;
    }

    private int announceSlice() {
        List<UUID> subjects = records.takeChanged(SLICE);
        if (!subjects.isEmpty()) {
            events.publishEvent(new RecordsChanged(null, Set.copyOf(subjects), "ingestion"));
        }
        return subjects.size();
    }
}
