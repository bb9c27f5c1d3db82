package cn.chengxin.creditfile;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import cn.chengxin.catalog.Catalogue;
import cn.chengxin.objection.Objections;
import cn.chengxin.objection.domain.ObjectionStatus;
import cn.chengxin.shared.CodedProblem;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.TestCitizens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A department's new version retires the record's current row while another transaction waits for that row's lock:
 * the waiter finds the row no longer current, and must go on with the version that replaced it — a second version
 * sent at once, an objection filed meanwhile — or, for a first version stored twice at once, tell a replay from a
 * conflict as it would have, had the two come one after the other. Each case holds the first transaction open until
 * the second waits for it.
 */
@IntegrationTest
class ConcurrentVersionsIT {

    @Autowired
    CreditFile creditFile;
    @Autowired
    Objections objections;
    @Autowired
    SubjectRegistry subjects;
    @Autowired
    Catalogue catalogue;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void twoVersionsOfOneRecordSentAtOnceAreStoredOneAfterTheOther() throws Exception {
        UUID subject = person("龚志明");
        String source = "CV-" + UUID.randomUUID();
        assertThat(creditFile.store(UUID.randomUUID(), "test", List.of(version(subject, source, 1, RecordAction.ADD,
                "fp-1")))).singleElement().extracting(StoreOutcome::kind).isEqualTo(StoreOutcome.Kind.STORED);

        List<StoreOutcome> third = whileHeldOpen(
                () -> creditFile.store(UUID.randomUUID(), "test", List.of(version(subject, source, 2,
                        RecordAction.UPDATE, "fp-2"))),
                () -> creditFile.store(UUID.randomUUID(), "test", List.of(version(subject, source, 3,
                        RecordAction.UPDATE, "fp-3")))).get(0);

        assertThat(third).singleElement().satisfies(o -> {
            assertThat(o.code()).as("not refused as a record never sent").isNull();
            assertThat(o.kind()).isEqualTo(StoreOutcome.Kind.STORED);
        });
        assertThat(creditFile.fileOf(subject)).singleElement().extracting(FileEntry::version).isEqualTo(3);
    }

    @Test
    void aFirstVersionStoredTwiceAtOnceIsAReplayWithItsContentAndAConflictWithOther() throws Exception {
        UUID subject = person("龚晓红");
        String source = "CA-" + UUID.randomUUID();

        List<List<StoreOutcome>> later = whileHeldOpen(
                () -> creditFile.store(UUID.randomUUID(), "test", List.of(version(subject, source, 1, RecordAction.ADD,
                        "fp-first"))),
                () -> creditFile.store(UUID.randomUUID(), "test", List.of(version(subject, source, 1, RecordAction.ADD,
                        "fp-other"))),
                () -> creditFile.store(UUID.randomUUID(), "test", List.of(version(subject, source, 1, RecordAction.ADD,
                        "fp-first"))));

        UUID key = creditFile.fileOf(subject).get(0).recordKey();
        assertThat(later.get(0)).singleElement().satisfies(o -> {
            assertThat(o.kind()).isEqualTo(StoreOutcome.Kind.REFUSED);
            assertThat(o.code()).isEqualTo("RECORD_VERSION_CONFLICT");
        });
        assertThat(later.get(1)).singleElement().satisfies(o -> {
            assertThat(o.kind()).isEqualTo(StoreOutcome.Kind.DUPLICATE);
            assertThat(o.recordKey()).isEqualTo(key);
        });
    }

    @Test
    void anObjectionFiledWhileItsDepartmentStoresANewVersionMarksThatVersion() throws Exception {
        UUID subject = person("龚丽君");
        String source = "CO-" + UUID.randomUUID();
        creditFile.store(UUID.randomUUID(), "test", List.of(version(subject, source, 1, RecordAction.ADD, "fp-1")));
        UUID key = creditFile.fileOf(subject).get(0).recordKey();

        UUID objection = whileHeldOpen(
                () -> creditFile.store(UUID.randomUUID(), "test", List.of(version(subject, source, 2,
                        RecordAction.UPDATE, "fp-2"))),
                () -> objections.file(subject, key, "案件已执行完毕", "本人")).get(0);

        assertThat(objections.find(objection).status()).isEqualTo(ObjectionStatus.RECEIVED);
        assertThat(creditFile.fileOf(subject)).singleElement().satisfies(e -> {
            assertThat(e.version()).isEqualTo(2);
            assertThat(e.status()).as("marked at once (RULES.md §5)").isEqualTo(RecordStatus.IN_DISPUTE);
        });
    }

    @Test
    void anObjectionFiledWhileItsDepartmentRevokesTheRecordIsRefusedAndNothingStaysOpen() throws Exception {
        UUID subject = person("龚建新");
        String source = "CR-" + UUID.randomUUID();
        creditFile.store(UUID.randomUUID(), "test", List.of(version(subject, source, 1, RecordAction.ADD, "fp-1")));
        UUID key = creditFile.fileOf(subject).get(0).recordKey();

        Object filed = whileHeldOpen(
                () -> creditFile.store(UUID.randomUUID(), "test", List.of(version(subject, source, 2,
                        RecordAction.REVOKE, "fp-2"))),
                () -> {
                    try {
                        return objections.file(subject, key, "案件已执行完毕", "本人", List.of());
                    } catch (CodedProblem refused) {
                        return refused.code();
                    }
                }).get(0);

        assertThat(filed).isEqualTo("OBJECTION_RECORD_UNKNOWN");
        assertThat(objections.of(subject)).as("no case without the mark").isEmpty();
        assertThat(creditFile.fileOf(subject)).singleElement().extracting(FileEntry::status)
                .isEqualTo(RecordStatus.REVOKED);
    }

    /**
     * Runs {@code first} in a transaction kept open until each of {@code then}, started meanwhile on threads of their
     * own, waits for a lock; then commits it and returns what each of {@code then} returned.
     */
    @SafeVarargs
    private <T> List<T> whileHeldOpen(Runnable first, Supplier<T>... then) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(1 + then.length);
        java.util.concurrent.atomic.AtomicInteger holder = new java.util.concurrent.atomic.AtomicInteger();
        try {
            Future<?> held = threads.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(t -> {
                first.run();
                holder.set(jdbc.sql("SELECT pg_backend_pid()").query(Integer.class).single());
                done.countDown();
                try {
                    commit.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
            List<Future<T>> waiting = java.util.Arrays.stream(then)
                    .map(s -> threads.submit(s::get)).toList();
            for (int attempt = 0; attempt < 400 && waitingBehind(holder.get()) < then.length; attempt++) {
                Thread.sleep(25);
            }
            assertThat(waitingBehind(holder.get())).as("the others wait for the first").isEqualTo(then.length);
            commit.countDown();
            held.get(30, TimeUnit.SECONDS);
            List<T> results = new java.util.ArrayList<>();
            for (Future<T> w : waiting) {
                results.add(w.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            commit.countDown();
            threads.shutdownNow();
        }
    }

    /**
     * Sessions waiting for a lock of {@code holder}'s session, directly or queued behind another of its waiters (a
     * second waiter for a row waits for the first one's tuple lock): only this test's sessions, whatever other tests or
     * background jobs wait for meanwhile.
     */
    private long waitingBehind(int holder) {
        return jdbc.sql("""
                WITH RECURSIVE behind(pid) AS (
                    SELECT pid FROM pg_stat_activity WHERE :holder = ANY (pg_blocking_pids(pid))
                    UNION
                    SELECT a.pid FROM pg_stat_activity a JOIN behind b ON b.pid = ANY (pg_blocking_pids(a.pid)))
                SELECT count(*) FROM behind""").param("holder", holder).query(Long.class).single();
    }

    private UUID person(String name) {
        TestCitizens.Person p = TestCitizens.register(subjects, name);
        return subjects.find(subjects.validate(null, p.number())).orElseThrow();
    }

    /** A version of a court-defaulter record decided a month ago, as ingestion hands it over. */
    private NewRecord version(UUID subject, String source, int version, RecordAction action, String fingerprint) {
        int itemVersion = catalogue.active().stream().filter(i -> i.code().equals("P_COURT_DEFAULTER")).findFirst()
                .orElseThrow().version();
        LocalDate decided = LocalDate.now().minusMonths(1);
        return new NewRecord(subject, "P_COURT_DEFAULTER", itemVersion, "COURT", source, version, action,
                "(2026)豫1702执88号", decided, Map.of("case_number", "(2026)豫1702执88号", "court", "驿城区人民法院",
                "obligation", "给付货款", "performance", "全部未履行", "behaviour", "违反限制消费令"),
                decided.plusYears(2), decided.plusYears(5), fingerprint, null, null, null);
    }
}
