package cn.chengxin.measures;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.chengxin.exchange.Exchange;
import cn.chengxin.listing.ListEntry;
import cn.chengxin.listing.Listing;
import cn.chengxin.subject.NewPerson;
import cn.chengxin.subject.SubjectJoining;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.support.AsStaff;
import cn.chengxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * S2 of gaps-review-xxxviii: the memory of registered subjects on an instance that did not approve a join. It holds
 * the joined subject's pseudonym as registered; following the approved joins, it answers the joined document with the
 * kept subject, whose file holds both entries, rather than from the joined subject's file, empty after the join.
 */
@IntegrationTest
class KnownSubjectsIT {

    private static final LocalDate BORN = LocalDate.of(1981, 6, 12);

    @Autowired
    SubjectRegistry registry;

    @Autowired
    SubjectJoining joining;

    @Autowired
    Listing listing;

    @Autowired
    Exchange exchange;

    @Autowired
    Clock clock;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anotherInstanceAnswersTheJoinedDocumentWithTheKeptFileOnceItFollowedTheJoins() throws Exception {
        String old = passport();
        String renewed = passport();
        UUID kept = holder(old);
        UUID joined = holder(renewed);
        String keptPseudonym = registry.pseudonymOf(kept).orElseThrow();
        String joinedPseudonym = registry.pseudonymOf(joined).orElseThrow();
        UUID keptEntry = effectiveEntry(kept, keptPseudonym);
        UUID joinedEntry = effectiveEntry(joined, joinedPseudonym);

        // The other instance: its own index and memory over the same database, both read before the join.
        CheckIndex index = new CheckIndex(listing, exchange, registry, clock, Runnable::run, Duration.ZERO);
        index.refresh();
        KnownSubjects other = new KnownSubjects(registry::holdersAmong, registry::eachPseudonymPrefix,
                joining::approvedCount, joining::joinedPseudonyms, Runnable::run, clock);
        other.loadInBackground();
        other.followJoins();
        assertThat(other.holder(joinedPseudonym)).isEqualTo(joinedPseudonym);
        assertThat(index.inForce(joinedPseudonym)).extracting(ListEntry::id).containsExactly(joinedEntry);

        // Approved on this instance: the entries move to the kept subject; the other's index follows its feeds.
        UUID proposal = AsStaff.as("known-join-a", () -> joining.propose(kept, "PASSPORT", renewed,
                "护照换发记录 2026-12", "新旧护照为同一人"));
        AsStaff.as("known-join-b", () -> {
            joining.approve(proposal, "核验无误");
            return null;
        });
        index.refresh();
        index.reconcile();
        assertThat(index.inForce(joinedPseudonym)).as("the joined file is empty").isEmpty();

        other.followJoins();

        assertThat(other.holder(joinedPseudonym)).isEqualTo(keptPseudonym);
        assertThat(other.registered(joinedPseudonym)).isTrue();
        assertThat(index.inForce(other.holder(joinedPseudonym))).extracting(ListEntry::id)
                .containsExactlyInAnyOrder(keptEntry, joinedEntry);
        assertThat(other.holdersAmong(List.of(joinedPseudonym, keptPseudonym)))
                .containsEntry(joinedPseudonym, keptPseudonym).containsEntry(keptPseudonym, keptPseudonym);

        jdbc.sql("UPDATE listing.entry SET status = 'REJECTED' WHERE id IN (?, ?)").params(keptEntry, joinedEntry)
                .update();
    }

    private UUID holder(String passport) {
        return registry.registerPerson(new NewPerson(registry.validate(DocumentType.PASSPORT, passport), "罗森",
                BORN, null, List.of(), List.of(), false));
    }

    private static String passport() {
        return "E" + (10_000_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(89_999_999));
    }

    /** A black-list entry in force since yesterday, written as the listing module keeps it. */
    private UUID effectiveEntry(UUID subject, String pseudonym) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO listing.entry (id, list_type, subject_id, subject_pseudonym, subject_name, subject_kind,
                                           masked_number, department_code, legal_basis, reasons, status,
                                           proposed_by, proposed_at, reviewed_by, reviewed_at, effective_from)
                VALUES (?, 'BLACK', ?, ?, '罗森', 'PERSON', 'E1******', 'COURT', '依据', '理由', 'EFFECTIVE', 'test', ?,
                        'reviewer', ?, now() - interval '1 day')""")
                .params(id, subject, pseudonym, Timestamp.from(Instant.now()), Timestamp.from(Instant.now()))
                .update();
        return id;
    }
}
