package cn.chengxin.listing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.chengxin.listing.domain.SeriousGround;
import cn.chengxin.objection.Objections;
import cn.chengxin.objection.domain.Outcome;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.TestCitizens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static cn.chengxin.support.AsStaff.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * F6 (RULES.md §7): an objection raised in a black-list entry's prior notice period holds the entry in its notice
 * state until it is decided: upheld, the entry never takes effect; rejected, it takes effect the day after the
 * decision.
 */
@IntegrationTest
class NoticeHoldsIT {

    @Autowired
    Listing listing;

    @Autowired
    Objections objections;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void anObjectionOnTheLastNoticeDayHoldsTheEntryUntilItIsRejectedThenItTakesEffectTheDayAfter() throws Exception {
        UUID subject = registered("柏异议");
        UUID entry = servedBlackEntry(subject, "ha");
        UUID objection = objections.fileAgainstEntry(subject, entry, "认定事实有误", "本人", List.of());

        // The day after the last notice day, on which the objection was filed: the period is over, the case is not.
        dayAfterTheNotice(entry);
        listing.activateDue();
        assertThat(listing.entry(entry).orElseThrow().status()).isEqualTo(EntryStatus.NOTIFIED);

        // Rejected (the listing maintained) today: in force from tomorrow, not from the middle of today.
        decide(objection, Outcome.UPHOLD);
        listing.activateDue();
        assertThat(listing.entry(entry).orElseThrow()).satisfies(e -> {
            assertThat(e.status()).isEqualTo(EntryStatus.NOTIFIED);
            assertThat(e.effectiveFrom()).isEqualTo(startOf(LocalDate.now(clock).plusDays(1)));
        });

        // A day later.
        jdbc.sql("UPDATE objection.objection SET decided_at = decided_at - interval '1 day' WHERE id = ?")
                .param(objection).update();
        jdbc.sql("UPDATE listing.entry SET effective_from = effective_from - interval '1 day' WHERE id = ?")
                .param(entry).update();
        listing.activateDue();
        assertThat(listing.entry(entry).orElseThrow().status()).isEqualTo(EntryStatus.EFFECTIVE);
    }

    @Test
    void anUpheldObjectionInTheNoticePeriodMeansTheEntryNeverTakesEffect() throws Exception {
        UUID subject = registered("柏成立");
        UUID entry = servedBlackEntry(subject, "hb");
        UUID objection = objections.fileAgainstEntry(subject, entry, "认定事实有误", "本人", List.of());
        dayAfterTheNotice(entry);
        listing.activateDue();
        assertThat(listing.entry(entry).orElseThrow().status()).isEqualTo(EntryStatus.NOTIFIED);

        decide(objection, Outcome.REMOVE_FROM_LIST);
        listing.activateDue();
        assertThat(listing.entry(entry).orElseThrow().status()).isEqualTo(EntryStatus.EXITED);
        assertThat(listing.noticesOfEntry(entry)).extracting(ListNotice::kind)
                .containsExactly(ListNotice.Kind.PRIOR, ListNotice.Kind.EXIT);
    }

    private UUID servedBlackEntry(UUID subject, String who) throws Exception {
        UUID entry = as("maker-" + who, () -> listing.propose(subject, ListType.BLACK,
                SeriousGround.FAIR_COMPETITION_AND_SOCIAL_ORDER, "国办发〔2020〕49号", "严重违法失信",
                LocalDate.now(clock).minusMonths(1), LocalDate.now(clock).plusYears(1)));
        assertThat(as("checker-" + who, () -> listing.approve(entry, "核实无误"))).isEqualTo(EntryStatus.NOTIFIED);
        as("clerk-" + who, () -> listing.readInSelfService(subject));
        assertThat(listing.entry(entry).orElseThrow().effectiveFrom()).isNotNull();
        return entry;
    }

    /** Its notice served and its period over as of an hour ago: due, but for what holds it. */
    private void dayAfterTheNotice(UUID entry) {
        jdbc.sql("UPDATE listing.entry SET effective_from = now() - interval '1 hour' WHERE id = ?").param(entry)
                .update();
    }

    private void decide(UUID objection, Outcome outcome) throws Exception {
        as("clerk-objection", () -> {
            objections.decide(objection, objections.find(objection).version(), outcome, "经核实，" + outcome.label());
            return null;
        });
    }

    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(clock.getZone()).toInstant();
    }

    private UUID registered(String name) {
        TestCitizens.Person person = TestCitizens.register(subjects, name);
        return subjects.find(subjects.validate(null, person.number())).orElseThrow();
    }
}
