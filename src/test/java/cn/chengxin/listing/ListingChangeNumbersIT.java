package cn.chengxin.listing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import cn.chengxin.account.ApiClients;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.listing.persistence.JdbcListing;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.support.HeldTransaction;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.TestCitizens;
import cn.chengxin.support.TestRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Session xl (gaps review xxxviii S1's rest): list evaluation takes no change number it does not use. A number taken
 * and never stored is a gap every follower of the feed (the exchange's upward follower, the lifts, the check index)
 * waits its patience for and reads again for a day; re-evaluating a listed person, proposing an entry already open
 * (also two proposals racing) and marking an unchanged last negative record took one each.
 */
@IntegrationTest
class ListingChangeNumbersIT {

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
    JdbcListing store;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void reEvaluatingAListedPersonTakesNoNumberOfTheEntriesNorOfTheMarks() throws Exception {
        ListEntry proposal = proposalOnASeriousPenalty("欧阳复");
        long entries = last("listing.change_seq");
        long marks = last("listing.mark_seq");

        for (int i = 0; i < 20; i++) {
            listing.evaluate(Set.of(proposal.subjectId()));
        }
        // The same person twice in one evaluation (as a chunk naming them twice would) proposes nothing twice.
        listing.evaluate(List.of(proposal.subjectId(), proposal.subjectId()));

        assertThat(last("listing.change_seq")).as("numbers of the entries' feed").isEqualTo(entries);
        assertThat(last("listing.mark_seq")).as("numbers of the marks' feed").isEqualTo(marks);
        assertThat(listing.entriesOf(proposal.subjectId())).extracting(ListEntry::id).containsExactly(proposal.id());
    }

    @Test
    void aProposalOfAnEntryAlreadyOpenTakesNoNumber() throws Exception {
        ListEntry proposal = proposalOnASeriousPenalty("欧阳乐");
        long before = last("listing.change_seq");

        assertThat(store.propose(again(proposal, proposal.recordKey()), Instant.now())).isFalse();

        assertThat(last("listing.change_seq")).isEqualTo(before);
    }

    /**
     * Two evaluations proposing the same entry at once: the second waits for the first's commit, then finds its entry.
     * One entry, one number, the number the entry holds: no gap.
     */
    @Test
    void twoProposalsOfOneEntryAtOnceMakeOneEntryAndTakeOneNumber() throws Exception {
        ListEntry listed = proposalOnASeriousPenalty("欧阳和");
        UUID recordKey = UUID.randomUUID();
        long before = last("listing.change_seq");
        Boolean second;
        try (HeldTransaction<Boolean> first = HeldTransaction.open(transactions, "race-first",
                () -> store.propose(again(listed, recordKey), Instant.now()))) {
            assertThat(first.result()).isTrue();
            CompletableFuture<Boolean> racing = CompletableFuture.supplyAsync(() -> new TransactionTemplate(transactions)
                    .execute(s -> store.propose(again(listed, recordKey), Instant.now())), work -> {
                Thread thread = new Thread(work, "race-second");
                thread.setDaemon(true);
                thread.start();
            });
            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                    SELECT count(*) FROM pg_stat_activity
                    WHERE wait_event_type = 'Lock' AND pid <> pg_backend_pid()
                      AND (query LIKE '%pg_advisory_xact_lock(hashtextextended(%' OR query LIKE '%INSERT INTO listing.entry%')""")
                    .query(Long.class).single() == 1);
            first.commit();
            second = racing.get();
        }

        assertThat(second).as("the second found the first's entry").isFalse();
        List<Long> numbers = jdbc.sql("SELECT change_seq FROM listing.entry WHERE subject_id = ? AND record_key = ?")
                .params(listed.subjectId(), recordKey).query(Long.class).list();
        assertThat(numbers).as("one entry").hasSize(1);
        assertThat(last("listing.change_seq")).as("one number taken, the entry's").isEqualTo(before + 1)
                .isEqualTo(numbers.get(0));
    }

    /**
     * An evaluation inserts a missing mark plainly (session xlii); another transaction storing the same mark meanwhile
     * makes that insert fail on the key once it commits, and the evaluation then stores its date over it as the
     * upsert does, instead of failing.
     */
    @Test
    void aMarkStoredMeanwhileByAnotherTransactionIsUpdatedNotAFailure() throws Exception {
        ListEntry proposal = proposalOnASeriousPenalty("欧阳信");
        String pseudonym = proposal.subjectPseudonym();
        LocalDate day = mark(pseudonym);
        jdbc.sql("DELETE FROM listing.negative_mark WHERE subject_pseudonym = ?").param(pseudonym).update();
        try (HeldTransaction<Integer> other = HeldTransaction.open(transactions, "mark-first",
                () -> jdbc.sql("INSERT INTO listing.negative_mark (subject_pseudonym, last_negative) "
                        + "VALUES (?, DATE '2001-01-01')").param(pseudonym).update())) {
            CompletableFuture<Listing.Evaluation> evaluation = CompletableFuture.supplyAsync(
                    () -> listing.evaluate(Set.of(proposal.subjectId())), work -> {
                        Thread thread = new Thread(work, "mark-second");
                        thread.setDaemon(true);
                        thread.start();
                    });
            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                    SELECT count(*) FROM pg_stat_activity
                    WHERE wait_event_type = 'Lock' AND pid <> pg_backend_pid()
                      AND query LIKE '%INSERT INTO listing.negative_mark%'""").query(Long.class).single() == 1);
            other.commit();
            evaluation.get(1, TimeUnit.MINUTES);
        }

        assertThat(mark(pseudonym)).as("the evaluation's date, over the other transaction's").isEqualTo(day);
    }

    private LocalDate mark(String pseudonym) {
        return jdbc.sql("SELECT last_negative FROM listing.negative_mark WHERE subject_pseudonym = ?").param(pseudonym)
                .query(LocalDate.class).single();
    }

    /** The same list, person and record as {@code entry}, resting on {@code recordKey}, under a new id. */
    private JdbcListing.NewEntry again(ListEntry entry, UUID recordKey) {
        return new JdbcListing.NewEntry(UUID.randomUUID(), entry.listType(), entry.ruleCode(), entry.ruleVersion(),
                entry.subjectId(), entry.subjectPseudonym(), entry.subjectName(), entry.subjectKind().name(),
                entry.maskedNumber(), recordKey, entry.departmentCode(), entry.legalBasis(), entry.reasons(),
                entry.actDay(), "system", entry.validUntil(), entry.published(), entry.seriousGround());
    }

    private ListEntry proposalOnASeriousPenalty(String name) throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, name);
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        TestRecords.penalty(mvc, apiClients, directory, person.number(), person.name(), "P_ADMIN_PENALTY_SERIOUS",
                "驻市监罚〔2026〕" + (int) (Math.random() * 900 + 100) + "号");
        ListEntry proposal = await().atMost(Duration.ofSeconds(10)).until(() -> listing.entriesOf(subject).stream()
                .filter(e -> "GREY_ADMIN_PENALTY_SERIOUS".equals(e.ruleCode()) && e.status() == EntryStatus.PROPOSED)
                .findFirst().orElse(null), e -> e != null);
        // The record's own evaluation is over once its mark is there.
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("SELECT count(*) FROM listing.negative_mark "
                + "WHERE subject_pseudonym = ? AND last_negative IS NOT NULL").param(proposal.subjectPseudonym())
                .query(Long.class).single() == 1);
        return proposal;
    }

    private long last(String sequence) {
        return jdbc.sql("SELECT last_value FROM " + sequence).query(Long.class).single();
    }
}
