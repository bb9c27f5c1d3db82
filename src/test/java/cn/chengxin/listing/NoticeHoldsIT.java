package cn.chengxin.listing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import cn.chengxin.listing.domain.SeriousGround;
import cn.chengxin.objection.Objections;
import cn.chengxin.objection.domain.Outcome;
import cn.chengxin.portal.TipOffDesk;
import cn.chengxin.portal.tipoff.domain.TipOffStatus;
import cn.chengxin.portal.tipoff.persistence.JdbcTipOffs;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.TestCitizens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static cn.chengxin.support.AsStaff.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * F6 (RULES.md §7): an objection raised in a black-list entry's prior notice period, or a tip-off about a red-list
 * candidate filed during its public notice, holds the entry in its notice state until it is decided: upheld (or found
 * true), the entry never takes effect; rejected, it takes effect the day after the decision.
 */
@IntegrationTest
class NoticeHoldsIT {

    @Autowired
    Listing listing;

    @Autowired
    cn.chengxin.account.ElectronicServiceAgreements agreements;

    @Autowired
    Objections objections;

    @Autowired
    ExitProposals exits;

    @Autowired
    TipOffDesk desk;

    @Autowired
    JdbcTipOffs tipOffs;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    MockMvc mvc;

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

    /**
     * L2 of gaps review xxx (驻政办〔2017〕102号 四(三)): proof of correction filed in the notice period holds the entry
     * as an objection does; rejected today, the entry takes effect tomorrow.
     */
    @Test
    void proofOfCorrectionFiledInTheNoticePeriodHoldsTheEntryUntilItIsDecided() throws Exception {
        UUID subject = registered("柏履约");
        UUID entry = servedBlackEntry(subject, "hp");
        as("citizen-hp", () -> exits.fileProof(subject, entry, "完税凭证 0099", "已缴清欠税"));

        dayAfterTheNotice(entry);
        listing.activateDue();
        assertThat(listing.entry(entry).orElseThrow().status()).as("held by the proof").isEqualTo(EntryStatus.NOTIFIED);

        as("checker-hp2", () -> {
            exits.reject(entry, "所附凭证与欠税不符");
            return null;
        });
        listing.activateDue();
        assertThat(listing.entry(entry).orElseThrow()).satisfies(e -> {
            assertThat(e.status()).isEqualTo(EntryStatus.NOTIFIED);
            assertThat(e.effectiveFrom()).isEqualTo(startOf(LocalDate.now(clock).plusDays(1)));
        });
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

    @Test
    void aRedCandidateWithATipOffFiledDuringTheNoticeStaysInNoticeAndATrueFindingWithdrawsIt() throws Exception {
        UUID subject = registered("柏红名");
        UUID entry = as("maker-hr", () -> listing.propose(subject, ListType.RED, "国办发〔2016〕98号", "市级道德模范",
                LocalDate.now(clock).minusMonths(1), LocalDate.now(clock).plusYears(1)));
        assertThat(as("checker-hr", () -> listing.approve(entry, "核实无误"))).isEqualTo(EntryStatus.PUBLIC_NOTICE);
        // The notice published three days ago and over an hour ago; the tip-off filed two hours ago, within it.
        jdbc.sql("UPDATE listing.entry SET reviewed_at = now() - interval '3 days', "
                + "effective_from = now() - interval '1 hour' WHERE id = ?").param(entry).update();
        UUID tipOff = UUID.randomUUID();
        byte[] receipt = new byte[32];
        ThreadLocalRandom.current().nextBytes(receipt);
        tipOffs.insert(new JdbcTipOffs.NewTipOff(tipOff, receipt, "柏红名", "RESIDENT_ID",
                subjects.pseudonymOf(subject).orElseThrow(), null, subject, "此人长期拖欠货款不还。", null, null,
                Instant.now().minus(java.time.Duration.ofHours(2))));

        listing.activateDue();
        assertThat(listing.entry(entry).orElseThrow().status()).isEqualTo(EntryStatus.PUBLIC_NOTICE);

        // The desk says the person reported is a red-list candidate in public notice.
        assertThat(page(get("/console/tipoffs").param("status", "RECEIVED"), 200))
                .containsPattern("(?s)柏红名</span>\\s*<span class=\"badge\" data-field=\"red-notice\">红名单公示中");
        as("handler-hr", () -> {
            desk.decide(tipOff, version(tipOff), TipOffStatus.ACCEPTED, "已受理，正在核实");
            return null;
        });
        assertThat(page(get("/console/tipoffs/{id}", tipOff), 200)).contains("data-field=\"red-notice\"",
                "name=\"finding\"");
        listing.activateDue();
        assertThat(listing.entry(entry).orElseThrow().status()).as("accepted, still open")
                .isEqualTo(EntryStatus.PUBLIC_NOTICE);

        // Resolved, the finding is required; found true, the candidacy is withdrawn.
        assertThat(page(post("/console/tipoffs/{id}", tipOff).with(csrf()).param("version", Integer.toString(version(tipOff)))
                .param("status", "RESOLVED").param("reply", "经核实，举报属实"), 422)).contains("TIPOFF_FINDING");
        mvc.perform(post("/console/tipoffs/{id}", tipOff).with(handler()).with(csrf()).param("version", Integer.toString(version(tipOff)))
                        .param("status", "RESOLVED").param("finding", "FOUNDED").param("reply", "经核实，举报属实"))
                .andExpect(status().is3xxRedirection());
        listing.activateDue();
        assertThat(listing.entry(entry).orElseThrow()).satisfies(e -> {
            assertThat(e.status()).isEqualTo(EntryStatus.EXITED);
            assertThat(e.exitReason()).contains("举报", "属实");
        });
    }

    @Test
    void aRedCandidateWhoseTipOffIsNotAcceptedTakesEffectTheDayAfter() throws Exception {
        UUID subject = registered("柏未受理");
        UUID entry = as("maker-hn", () -> listing.propose(subject, ListType.RED, "国办发〔2016〕98号", "优秀志愿者",
                LocalDate.now(clock).minusMonths(1), LocalDate.now(clock).plusYears(1)));
        as("checker-hn", () -> listing.approve(entry, "核实无误"));
        jdbc.sql("UPDATE listing.entry SET reviewed_at = now() - interval '3 days', "
                + "effective_from = now() - interval '1 hour' WHERE id = ?").param(entry).update();
        UUID tipOff = UUID.randomUUID();
        byte[] receipt = new byte[32];
        ThreadLocalRandom.current().nextBytes(receipt);
        tipOffs.insert(new JdbcTipOffs.NewTipOff(tipOff, receipt, "柏未受理", "RESIDENT_ID",
                subjects.pseudonymOf(subject).orElseThrow(), null, subject, "听说此人不诚信。", null, null,
                Instant.now().minus(java.time.Duration.ofHours(2))));
        as("handler-hn", () -> {
            desk.decide(tipOff, version(tipOff), TipOffStatus.REJECTED, "举报未提供具体失信事实，不予受理");
            return null;
        });
        listing.activateDue();
        assertThat(listing.entry(entry).orElseThrow()).satisfies(e -> {
            assertThat(e.status()).isEqualTo(EntryStatus.PUBLIC_NOTICE);
            assertThat(e.effectiveFrom()).isEqualTo(startOf(LocalDate.now(clock).plusDays(1)));
        });
    }

    private int version(UUID tipOff) {
        return tipOffs.find(tipOff).orElseThrow().version();
    }

    private UUID servedBlackEntry(UUID subject, String who) throws Exception {
        UUID entry = as("maker-" + who, () -> listing.propose(subject, ListType.BLACK,
                SeriousGround.FAIR_COMPETITION_AND_SOCIAL_ORDER, "国办发〔2020〕49号", "严重违法失信",
                LocalDate.now(clock).minusMonths(1), LocalDate.now(clock).plusYears(1)));
        assertThat(as("checker-" + who, () -> listing.approve(entry, "核实无误"))).isEqualTo(EntryStatus.NOTIFIED);
        cn.chengxin.support.ElectronicServiceAgreed.agree(agreements, subjects, subject);
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

    private String page(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
                        int expected) throws Exception {
        return mvc.perform(request.with(handler())).andExpect(status().is(expected)).andReturn().getResponse()
                .getContentAsString();
    }

    private static RequestPostProcessor handler() {
        return user("handler").authorities(new SimpleGrantedAuthority("STAFF"),
                new SimpleGrantedAuthority("tipoff:handle"));
    }

    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(clock.getZone()).toInstant();
    }

    private UUID registered(String name) {
        TestCitizens.Person person = TestCitizens.register(subjects, name);
        return subjects.find(subjects.validate(null, person.number())).orElseThrow();
    }
}
