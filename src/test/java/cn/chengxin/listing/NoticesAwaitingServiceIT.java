package cn.chengxin.listing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import cn.chengxin.account.Notices;
import cn.chengxin.listing.domain.SeriousGround;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.TestCitizens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static cn.chengxin.support.AsStaff.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gaps review xxxv P7 (session xxxvi): the listing job asks only about the notices that still wait for service
 * ({@code listing.notice_awaiting}), in turn, and an exit notice past the time it is asked about (NoticeServing
 * #askedUntil) leaves that set instead of being drawn again and again; it stays a notice, unserved, in the clerks'
 * queue. A read is learnt within the passes the live set takes, however many stale notices there are.
 */
@IntegrationTest
class NoticesAwaitingServiceIT {

    private static final int STALE = 2_000;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    Listing listing;

    @Autowired
    cn.chengxin.account.ElectronicServiceAgreements agreements;

    @Autowired
    Notices notices;

    @Autowired
    Clock clock;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aReadIsLearntWithinTheLiveSetsPassesWhateverTheStaleExitNoticesWhichLeaveTheSet() throws Exception {
        UUID stale = registered("柏久未读");
        UUID staleEntry = notified(stale, "sa");
        // 2,000 exit notices issued 40 days ago that nobody read, awaiting service as the upgrade (V428) or their
        // issue left them: asked for thirty days, they are past it. Asked longest ago, they would take the first ten
        // passes of 200 if they stayed in the set: the new reader's notice, younger than every live one, would wait
        // for all of them and the live set, 2,000 more than the passes allowed (live / 200 + 1) cover, whatever the
        // size of the live set (10,000 took 5 s under load for the same proof; session xxxvii).
        jdbc.sql("""
                INSERT INTO listing.notice (id, entry_id, subject_id, kind, title, body, issued_at, self_service_notice)
                SELECT gen_random_uuid(), ?, ?, 'EXIT', '移出告知书', '已移出', now() - interval '40 days',
                       gen_random_uuid()
                FROM generate_series(1, ?)""").params(staleEntry, stale, STALE).update();
        jdbc.sql("""
                INSERT INTO listing.notice_awaiting (notice_id, subject_id, asked_until, asked_at)
                SELECT id, subject_id, issued_at + interval '30 days', issued_at FROM listing.notice
                WHERE entry_id = ? AND kind = 'EXIT'""").param(staleEntry).update();
        try {
            long live = jdbc.sql("""
                    SELECT count(*) FROM listing.notice_awaiting WHERE asked_until IS NULL OR asked_until > now()""")
                    .query(Long.class).single();

            UUID reader = registered("柏新读");
            UUID entry = notified(reader, "sb");
            ListNotice prior = listing.noticesOfEntry(entry).stream()
                    .filter(n -> n.kind() == ListNotice.Kind.PRIOR).findFirst().orElseThrow();
            assertThat(waiting(prior.id())).as("an owed notice joins the set as it is issued").isTrue();
            cn.chengxin.account.Notice copy = notices.of(reader).stream()
                    .filter(n -> n.kind().equals("LIST_PRIOR")).findFirst().orElseThrow();
            cn.chengxin.support.ElectronicServiceAgreed.agree(agreements, subjects, reader);
            notices.markRead(reader, copy.id());

            // Each pass asks 200 of the live set, longest unasked first: the stale ones take no turn.
            long passes = 0;
            while (listing.deliveriesOfNotice(prior.id()).isEmpty() && passes <= live / 200 + 1) {
                listing.activateDue();
                passes++;
            }
            assertThat(listing.deliveriesOfNotice(prior.id())).singleElement()
                    .extracting(NoticeDelivery::channel).isEqualTo(NoticeDelivery.Channel.SELF_SERVICE);
            assertThat(passes).as("passes the live set (%d) takes", live).isLessThanOrEqualTo(live / 200 + 1);
            assertThat(waiting(prior.id())).as("served: out of the set").isFalse();
            assertThat(jdbc.sql("""
                    SELECT count(*) FROM listing.notice_awaiting a JOIN listing.notice n ON n.id = a.notice_id
                    WHERE n.entry_id = ? AND n.kind = 'EXIT'""").param(staleEntry).query(Long.class).single())
                    .as("the stale exit notices left the set").isZero();
            assertThat(jdbc.sql("""
                    SELECT count(*) FROM listing.notice n WHERE n.entry_id = ? AND n.kind = 'EXIT'
                      AND NOT EXISTS (SELECT 1 FROM listing.notice_delivery d WHERE d.notice_id = n.id)""")
                    .param(staleEntry).query(Long.class).single())
                    .as("still notices, unserved, for the clerks to serve").isEqualTo(STALE);
        } finally {
            jdbc.sql("""
                    DELETE FROM listing.notice_awaiting WHERE notice_id IN (
                        SELECT id FROM listing.notice WHERE entry_id = ? AND kind = 'EXIT')""").param(staleEntry)
                    .update();
            jdbc.sql("DELETE FROM listing.notice WHERE entry_id = ? AND kind = 'EXIT'").param(staleEntry).update();
        }
    }

    private boolean waiting(UUID notice) {
        return jdbc.sql("SELECT count(*) FROM listing.notice_awaiting WHERE notice_id = ?").param(notice)
                .query(Long.class).single() == 1;
    }

    private UUID notified(UUID subject, String who) throws Exception {
        UUID entry = as("maker-" + who, () -> listing.propose(subject, ListType.BLACK,
                SeriousGround.FAIR_COMPETITION_AND_SOCIAL_ORDER, "国办发〔2020〕49号", "严重违法失信",
                LocalDate.now(clock).minusMonths(1), LocalDate.now(clock).plusYears(1)));
        assertThat(as("checker-" + who, () -> listing.approve(entry, "核实无误"))).isEqualTo(EntryStatus.NOTIFIED);
        return entry;
    }

    private UUID registered(String name) {
        TestCitizens.Person person = TestCitizens.register(subjects, name);
        return subjects.find(subjects.validate(null, person.number())).orElseThrow();
    }
}
