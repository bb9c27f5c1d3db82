package cn.chengxin.creditfile;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.creditfile.persistence.JdbcRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells the modules that derive from records — lists, scores, the exchange — of the record states a migration changed
 * (V88), as {@link CreditFile} tells them of its own changes: a migration writes past it and leaves the records it
 * changed in creditfile.unannounced_change (V89). A chunk of them is taken per transaction, in which its
 * {@link RecordsChanged} and {@link RecordStatesChanged} are published, so that a chunk is announced exactly when it
 * leaves the table; the first time shortly after a start, with nothing to do on every later run.
 */
@Component
class AnnouncingMigratedChanges {

    private static final Logger log = LoggerFactory.getLogger(AnnouncingMigratedChanges.class);
    private static final int CHUNK = 1000;

    private final JdbcRecords records;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate chunkTransaction;

    AnnouncingMigratedChanges(JdbcRecords records, ApplicationEventPublisher events,
                              PlatformTransactionManager transactions) {
        this.records = records;
        this.events = events;
        this.chunkTransaction = new TransactionTemplate(transactions);
    }

    @Scheduled(fixedDelayString = "${chengxin.creditfile.announce-interval:PT1M}",
            initialDelayString = "${chengxin.creditfile.announce-interval:PT1M}")
    void announceNow() {
        int announced = announce();
        if (announced > 0) {
            log.info("State changes made by a migration announced for {} records", announced);
        }
    }

    /** Announces every change left; returns how many records. */
    int announce() {
        int announced = 0;
        int chunk;
        do {
            chunk = chunkTransaction.execute(s -> announceChunk());
            announced += chunk;
        } while (chunk > 0);
        return announced;
    }

    private int announceChunk() {
        List<RecordStatesChanged.ChangedRecord> changed = records.takeUnannounced(CHUNK);
        if (changed.isEmpty()) {
            return 0;
        }
        Set<UUID> subjects = new HashSet<>();
        changed.forEach(r -> subjects.add(r.subjectId()));
        events.publishEvent(new RecordsChanged(null, subjects, "migration"));
        events.publishEvent(new RecordStatesChanged(changed, "migration"));
        return changed.size();
    }
}
