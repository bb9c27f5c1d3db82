package cn.chengxin.measures;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import cn.chengxin.exchange.Exchange;
import cn.chengxin.listing.ListEntry;
import cn.chengxin.listing.Listing;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.TestCitizens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.TaskScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check index against changes committed long after they took their change number: the cursor has stepped over
 * the gap by then (here at once: no patience), and only a reconciliation reads them.
 */
@IntegrationTest
class CheckIndexIT {

    @Autowired
    Listing listing;

    @Autowired
    Exchange exchange;

    @Autowired
    Clock clock;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CheckIndex runningIndex;

    @Autowired
    TaskScheduler scheduler;

    /**
     * Gaps review xxxiii N4: every scheduled job shared one thread, so a job waiting (an exchange push to a partner
     * answering after 30 s, a nightly pass) held back the index's refresh every 250 ms, and an activation reached
     * checks only when it ended. With one job held for the whole test, the activation still reaches the running index.
     */
    @Test
    void aJobHeldUpDoesNotHoldBackTheIndex() throws Exception {
        String number = TestCitizens.register(subjects, "谭守时").number();
        UUID subject = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, number)).orElseThrow();
        String pseudonym = subjects.pseudonymOf(subject).orElseThrow();
        UUID entry = notifiedEntry(subject, pseudonym);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        ScheduledFuture<?> slowJob = scheduler.schedule(() -> {
            running.countDown();
            try {
                held.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, Instant.now());
        try {
            assertThat(running.await(30, TimeUnit.SECONDS)).as("the slow job holds a scheduler thread").isTrue();
            jdbc.sql("UPDATE listing.entry SET status = 'EFFECTIVE', effective_from = now(), "
                    + "change_seq = nextval('listing.change_seq') WHERE id = ?").param(entry).update();

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (runningIndex.inForce(pseudonym).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(runningIndex.inForce(pseudonym)).as("refreshed while the other job waits")
                    .extracting(ListEntry::id).containsExactly(entry);
            assertThat(held.getCount()).as("the slow job was still waiting").isOne();
        } finally {
            held.countDown();
            slowJob.cancel(false);
            jdbc.sql("UPDATE listing.entry SET status = 'REJECTED', change_seq = nextval('listing.change_seq') "
                    + "WHERE id = ?").param(entry).update();
        }
    }

    /**
     * Gaps review xxxviii S1: a change whose transaction commits after the cursor stepped over its number is read again
     * at the next refresh (the numbers stepped over are kept and read until they show), not only at the reconciliation
     * every 5 minutes; the reconciliation agrees.
     */
    @Test
    void anActivationAndAnExitCommittedAfterTheCursorSteppedOverThemReachChecksAtTheNextRefresh() throws Exception {
        String number = TestCitizens.register(subjects, "濮文涛").number();
        UUID subject = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, number)).orElseThrow();
        String pseudonym = subjects.pseudonymOf(subject).orElseThrow();
        UUID entry = notifiedEntry(subject, pseudonym);
        UUID other = notifiedEntry(subject, pseudonym);
        CheckIndex index = new CheckIndex(listing, exchange, subjects, clock, Runnable::run, Duration.ZERO);
        index.refresh();

        numberedThenCommittedLate(entry, "status = 'EFFECTIVE', effective_from = now()", other, index);
        assertThat(index.inForce(pseudonym)).as("the activation stepped over, read again at the next refresh")
                .extracting(ListEntry::id).containsExactly(entry);
        index.reconcile();
        assertThat(index.inForce(pseudonym)).extracting(ListEntry::id).containsExactly(entry);

        numberedThenCommittedLate(entry, "status = 'EXITED', exited_at = now(), exit_reason = '测试'", other, index);
        assertThat(index.inForce(pseudonym)).as("the exit stepped over, read again at the next refresh").isEmpty();
        index.reconcile();
        assertThat(index.inForce(pseudonym)).isEmpty();

        jdbc.sql("UPDATE listing.entry SET status = 'REJECTED' WHERE id = ?").param(other).update();
    }

    /**
     * Numbers the change in a transaction left open (as the daily activation numbers every due entry before writing
     * their notices), commits a later change meanwhile, lets the index step over the gap, then commits.
     */
    private void numberedThenCommittedLate(UUID entry, String change, UUID other, CheckIndex index)
            throws Exception {
        try (Connection late = dataSource.getConnection()) {
            late.setAutoCommit(false);
            try (PreparedStatement update = late.prepareStatement("UPDATE listing.entry SET " + change
                    + ", change_seq = nextval('listing.change_seq') WHERE id = ?")) {
                update.setObject(1, entry);
                assertThat(update.executeUpdate()).isOne();
            }
            jdbc.sql("UPDATE listing.entry SET change_seq = nextval('listing.change_seq') WHERE id = ?")
                    .param(other).update();
            index.refresh();
            late.commit();
        }
        index.refresh();
    }

    private UUID notifiedEntry(UUID subject, String pseudonym) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO listing.entry (id, list_type, subject_id, subject_pseudonym, subject_name, subject_kind,
                                           masked_number, department_code, legal_basis, reasons, status,
                                           proposed_by, proposed_at, effective_from)
                VALUES (?, 'BLACK', ?, ?, '濮文涛', 'PERSON', '4117****', 'COURT', '依据', '理由', 'NOTIFIED', 'test', ?,
                        now() + interval '1 year')""")
                .params(id, subject, pseudonym, Timestamp.from(Instant.now())).update();
        return id;
    }
}
