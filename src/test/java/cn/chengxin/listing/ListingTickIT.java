package cn.chengxin.listing;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.TestCitizens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static cn.chengxin.support.AsStaff.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Gaps review xxxviii S4: the listing tick takes each entry in a transaction of its own. One entry that cannot end
 * (its row held by a long transaction) waits for the next tick; the others end in this one, and the audit log holds
 * one exit per entry that ended — none for an end rolled back.
 */
@IntegrationTest
class ListingTickIT {

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    Listing listing;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    java.time.Clock clock;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    OwedExitEvents owedExitEvents;

    @Test
    void anEntryWhoseRowIsHeldWaitsForTheNextTickWhileTheOthersEndEachAuditedOnce() throws Exception {
        List<UUID> entries = new ArrayList<>();
        for (String name : List.of("钟离甲", "钟离乙", "钟离丙")) {
            entries.add(effectiveGrey(name));
        }
        // Their last day passes (the clock is the system's: the day moves in the database instead).
        jdbc.sql("UPDATE listing.entry SET valid_until = current_date - 1, change_seq = nextval('listing.change_seq') "
                + "WHERE id = ANY(?::uuid[])").param(entries.toArray(UUID[]::new)).update();
        UUID held = entries.get(1);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> holder = pool.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(s -> {
                jdbc.sql("SELECT id FROM listing.entry WHERE id = ? FOR UPDATE").param(held).query(UUID.class).single();
                locked.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            locked.await();
            Future<Integer> tick = pool.submit(listing::expireDue);
            // The tick's exit waits for the held row; it is cancelled, as the lock timeout would end it 30 s later.
            Integer waiting = await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                    SELECT pid FROM pg_stat_activity
                    WHERE wait_event_type = 'Lock' AND query LIKE '%exit_reason%' AND pid <> pg_backend_pid()""")
                    .query(Integer.class).optional().orElse(null), pid -> pid != null);
            jdbc.sql("SELECT pg_cancel_backend(?)").param(waiting).query(Boolean.class).single();

            assertThat(tick.get()).as("the other two ended in this tick").isGreaterThanOrEqualTo(2);
            assertThat(listing.entry(entries.get(0)).orElseThrow().status()).isEqualTo(EntryStatus.EXITED);
            assertThat(listing.entry(entries.get(2)).orElseThrow().status()).isEqualTo(EntryStatus.EXITED);
            assertThat(listing.entry(held).orElseThrow().status()).isEqualTo(EntryStatus.EFFECTIVE);
            assertThat(entries.stream().map(this::exitsAudited).toList())
                    .as("one exit event per entry ended, none for the end rolled back").containsExactly(1L, 0L, 1L);
            assertThat(listing.noticesOfEntry(entries.get(0))).extracting(ListNotice::kind)
                    .contains(ListNotice.Kind.EXIT);
            assertThat(listing.noticesOfEntry(held)).extracting(ListNotice::kind)
                    .doesNotContain(ListNotice.Kind.EXIT);

            release.countDown();
            holder.get();
        } finally {
            release.countDown();
            pool.shutdown();
        }

        listing.expireDue();

        assertThat(listing.entry(held).orElseThrow().status()).as("at the next tick").isEqualTo(EntryStatus.EXITED);
        assertThat(entries.stream().map(this::exitsAudited).toList()).containsExactly(1L, 1L, 1L);
    }

    /**
     * Session xl (S4's rest): an end the tick made of itself records its exit event after the commit; the audit log
     * refusing it then (or the process dying before it) leaves the event owed, with the end. A later tick records it,
     * once its end's claim is over, and never again.
     */
    @Test
    void anExitEventTheAuditLogRefusedAfterTheCommitIsOwedAndRecordedOnceByALaterTick() throws Exception {
        UUID entry = effectiveGrey("钟离丁");
        UUID recorded = effectiveGrey("钟离戊");
        jdbc.sql("UPDATE listing.entry SET valid_until = current_date - 1, change_seq = nextval('listing.change_seq') "
                + "WHERE id = ANY(?::uuid[])").param(new UUID[] {entry, recorded}).update();
        String pseudonym = listing.entry(entry).orElseThrow().subjectPseudonym();
        jdbc.sql("ALTER TABLE audit.event ADD CONSTRAINT test_exit_refused CHECK (action <> 'listing.exit' "
                + "OR subject_pseudonym IS DISTINCT FROM '" + pseudonym + "') NOT VALID").update();
        try {
            listing.expireDue();
        } finally {
            jdbc.sql("ALTER TABLE audit.event DROP CONSTRAINT test_exit_refused").update();
        }

        assertThat(listing.entry(entry).orElseThrow().status()).as("the end stands").isEqualTo(EntryStatus.EXITED);
        assertThat(exitsAudited(entry)).isZero();
        assertThat(owed(entry)).as("its event owed").isTrue();
        assertThat(exitsAudited(recorded)).as("recorded after its commit").isEqualTo(1);
        assertThat(owed(recorded)).as("owing nothing once recorded").isFalse();

        java.time.Instant now = clock.instant();
        assertThat(owedExitEvents.recordOwed(now)).as("not while the end's own step may still record it").isZero();
        java.time.Instant claimOver = now.plus(OwedExitEvents.LEASE).plusSeconds(1);
        assertThat(owedExitEvents.recordOwed(claimOver)).isEqualTo(1);
        assertThat(exitsAudited(entry)).isEqualTo(1);
        assertThat(owed(entry)).isFalse();
        assertThat(jdbc.sql("SELECT detail FROM audit.event WHERE action = 'listing.exit' AND subject_pseudonym = ?")
                .param(pseudonym).query(String.class).single()).as("the event the end would have recorded")
                .contains(entry.toString(), "有效期届满");

        assertThat(owedExitEvents.recordOwed(claimOver.plus(OwedExitEvents.LEASE).plusSeconds(1))).isZero();
        assertThat(exitsAudited(entry)).as("recorded once").isEqualTo(1);
    }

    private boolean owed(UUID entry) {
        return jdbc.sql("SELECT count(*) FROM listing.exit_event_owed WHERE entry_id = ?").param(entry)
                .query(Long.class).single() == 1;
    }

    /** A grey entry proposed by hand and approved by another person: in force at once, for a year. */
    private UUID effectiveGrey(String name) throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, name);
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        UUID id = as("maker-tick", () -> listing.propose(subject, ListType.GREY, "国办发〔2020〕49号", "较重处罚",
                LocalDate.now(clock).minusMonths(1), LocalDate.now(clock).plusYears(1)));
        assertThat(as("checker-tick", () -> listing.approve(id, "核实无误"))).isEqualTo(EntryStatus.EFFECTIVE);
        return id;
    }

    private long exitsAudited(UUID entry) {
        return jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'listing.exit' AND subject_pseudonym = ?")
                .param(listing.entry(entry).orElseThrow().subjectPseudonym()).query(Long.class).single();
    }
}
