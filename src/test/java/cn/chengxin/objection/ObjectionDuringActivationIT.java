package cn.chengxin.objection;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.chengxin.account.ApiClients;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.listing.EntryStatus;
import cn.chengxin.listing.ListEntry;
import cn.chengxin.listing.Listing;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.TestCitizens;
import cn.chengxin.support.TestRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static cn.chengxin.support.AsStaff.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Gaps review xxxviii S8: an objection filed as the entry's notice period ends holds the entry (RULES.md §7) although
 * the tick activating it runs while the filing's transaction is under way. The two meet on the record's row: the
 * tick waits for the filing, then finds the entry disputed. The filing is held part-way deterministically: another
 * transaction's uncommitted case on the same record makes its insert wait, and is rolled back once the tick waits too.
 */
@IntegrationTest
class ObjectionDuringActivationIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiClients apiClients;

    @Autowired
    StaffDirectory directory;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    Listing listing;

    @Autowired
    Objections objections;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void anObjectionCommittingWhileTheTickActivatesTheEntryHoldsIt() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "司马异");
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        TestRecords.penalty(mvc, apiClients, directory, person.number(), person.name(), "P_ADMIN_PENALTY_SERIOUS",
                "驻市监罚〔2026〕" + (int) (Math.random() * 900 + 100) + "号");
        ListEntry proposal = await().atMost(Duration.ofSeconds(10)).until(() -> listing.entriesOf(subject).stream()
                .filter(e -> "GREY_ADMIN_PENALTY_SERIOUS".equals(e.ruleCode()) && e.status() == EntryStatus.PROPOSED)
                .findFirst().orElse(null), e -> e != null);
        as("checker-s8", () -> listing.approve(proposal.id(), "核实无误"));
        // The last moment of its notice period (the tick does not look at the list).
        jdbc.sql("UPDATE listing.entry SET status = 'PUBLIC_NOTICE', effective_from = now() - interval '1 second' "
                + "WHERE id = ?").param(proposal.id()).update();
        long effectiveNotices = effectiveNotices(proposal.id());

        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Future<?> blocker = pool.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(s -> {
                jdbc.sql("""
                        INSERT INTO objection.objection (id, subject_id, record_key, item_code, department_code, reasons,
                                                         filed_by, filed_at, status, due_on, received_on)
                        VALUES (gen_random_uuid(), ?, ?, 'P_ADMIN_PENALTY_SERIOUS', 'MARKET', '占位', 'test', now(),
                                'RECEIVED', current_date + 15, current_date)""")
                        .params(subject, proposal.recordKey()).update();
                inserted.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                s.setRollbackOnly();
            }));
            inserted.await();
            Future<UUID> filing = pool.submit(() -> objections.file(subject, proposal.recordKey(), "处罚决定已被撤销",
                    "本人"));
            // The filing is under way: its case waits for the other transaction's.
            await().atMost(Duration.ofSeconds(30)).until(() -> waitingOn("%INSERT INTO objection.objection%"));
            Future<Integer> tick = pool.submit(listing::activateDue);
            // The tick either waits for the filing (on the record's row) or, were nothing to stop it, is done.
            await().atMost(Duration.ofSeconds(30)).until(() -> tick.isDone() || waitingOn("%FOR SHARE%"));
            release.countDown();
            blocker.get();
            filing.get();
            tick.get();
        } finally {
            release.countDown();
            pool.shutdown();
        }

        ListEntry entry = listing.entry(proposal.id()).orElseThrow();
        assertThat(entry.status()).as("held by the objection filed in its notice period")
                .isEqualTo(EntryStatus.PUBLIC_NOTICE);
        assertThat(entry.disputed()).isTrue();
        assertThat(effectiveNotices(proposal.id())).as("no effective notice from the tick").isEqualTo(effectiveNotices);
    }

    private long effectiveNotices(UUID entry) {
        return listing.noticesOfEntry(entry).stream().filter(n -> n.kind().name().equals("EFFECTIVE")).count();
    }

    private boolean waitingOn(String query) {
        return jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE ? "
                + "AND pid <> pg_backend_pid()").param(query).query(Long.class).single() > 0;
    }
}
