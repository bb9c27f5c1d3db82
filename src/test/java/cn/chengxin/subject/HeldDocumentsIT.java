package cn.chengxin.subject;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.FurtherDocument;
import cn.chengxin.subject.domain.IdentityDocument;
import cn.chengxin.support.AsStaff;
import cn.chengxin.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * One person, one credit file whatever document they show (gaps review xli V4; RULES.md §1), when a further document
 * is approved while a department's first record under the same number registers a subject: two transactions on two
 * connections, the first held open after its write until the second has made its check (or waits for the first).
 * Without a lock both take, each misses the other's uncommitted row and the number ends up held twice.
 */
@IntegrationTest
class HeldDocumentsIT {

    @Autowired
    SubjectRegistry registry;

    @Autowired
    SubjectDocuments documents;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void aRegistrationWhileTheNumberIsApprovedAsAFurtherDocumentFindsItsHolder() throws Exception {
        IdentityDocument renewed = passport();
        UUID holder = personWithProposal(renewed);

        UUID registered = whileOpen(() -> approve(holder), () -> registry.registerPerson(person(renewed))).join();

        assertThat(registered).as("the department's record goes to the holder's file").isEqualTo(holder);
        assertThat(registry.find(renewed)).contains(holder);
        assertThat(registeredUnder(renewed)).as("no second subject under the further document").isZero();
    }

    @Test
    void anApprovalWhileTheNumberRegistersIsRefused() throws Exception {
        IdentityDocument renewed = passport();
        UUID holder = personWithProposal(renewed);

        CompletableFuture<Object> approval = whileOpen(() -> registry.registerPerson(person(renewed)),
                () -> approve(holder));

        assertThat(catchThrowable(approval::join)).cause().extracting("code").isEqualTo("SUBJECT_DOCUMENT_TAKEN");
        assertThat(registry.find(renewed).orElseThrow()).as("the subject registered first holds it").isNotEqualTo(holder);
        assertThat(documents.of(holder)).singleElement().extracting(FurtherDocument::status)
                .isEqualTo(FurtherDocument.Status.PENDING);
    }

    @Test
    void aBulkRegistrationWhileTheNumberIsApprovedRegistersNoneOfItsBatch() throws Exception {
        IdentityDocument renewed = passport();
        IdentityDocument stranger = passport();
        UUID holder = personWithProposal(renewed);

        CompletableFuture<List<UUID>> bulk = whileOpen(() -> approve(holder),
                () -> registry.registerPeopleInBulk(List.of(person(stranger), person(renewed))));

        assertThat(catchThrowable(bulk::join)).as("the caller registers the batch one by one instead")
                .cause().isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
        assertThat(registry.find(renewed)).contains(holder);
        assertThat(registeredUnder(renewed) + registeredUnder(stranger)).as("all or nothing").isZero();
        assertThat(registry.registerPerson(person(renewed))).as("one by one").isEqualTo(holder);
    }

    /**
     * Runs {@code first} in a transaction held open after it, then {@code second} in a transaction of its own on
     * another connection; the first commits once the second is done or waits for a lock the first holds.
     */
    private <T> CompletableFuture<T> whileOpen(Supplier<?> first, Supplier<T> second) throws Exception {
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Object> opened = CompletableFuture.supplyAsync(() -> transactions.execute(tx -> {
            Object result = first.get();
            written.countDown();
            try {
                commit.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return result;
        }), threads);
        assertThat(written.await(30, TimeUnit.SECONDS)).as("the first transaction wrote").isTrue();
        CompletableFuture<T> then = CompletableFuture.supplyAsync(() -> transactions.execute(tx -> second.get()),
                threads);
        await().atMost(Duration.ofSeconds(20)).until(() -> then.isDone() || waitingForTheLock());
        commit.countDown();
        opened.join();
        try {
            then.get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException expected) {
            // the caller asserts it
        }
        return then;
    }

    private boolean waitingForTheLock() {
        return jdbc.sql("""
                        SELECT count(*) FROM pg_stat_activity
                        WHERE wait_event_type = 'Lock' AND wait_event = 'advisory'
                          AND query LIKE '%subject.held-documents%' AND pid <> pg_backend_pid()""")
                .query(Long.class).single() > 0;
    }

    private Object approve(UUID holder) {
        try {
            return AsStaff.as("held-b", () -> {
                documents.approve(documents.of(holder).get(0).id(), "与原件核对一致");
                return null;
            });
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A person registered under one passport, with a proposal (not yet approved) of their renewed one. */
    private UUID personWithProposal(IdentityDocument renewed) throws Exception {
        UUID holder = registry.registerPerson(person(passport()));
        AsStaff.as("held-a", () -> documents.propose(holder, DocumentType.PASSPORT.name(), renewed.number(), null,
                null, "护照换发证明", "护照已换发"));
        return holder;
    }

    private long registeredUnder(IdentityDocument document) {
        return jdbc.sql("SELECT count(*) FROM subject.subject WHERE document_type = ? AND number_index = decode(?, "
                        + "'hex')").params(document.type().name(), registry.pseudonymOf(document))
                .query(Long.class).single();
    }

    private IdentityDocument passport() {
        return registry.validate(DocumentType.PASSPORT,
                "E" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)));
    }

    private static NewPerson person(IdentityDocument document) {
        return new NewPerson(document, "JANE DOE", null, null, List.of(), List.of(), false);
    }
}
