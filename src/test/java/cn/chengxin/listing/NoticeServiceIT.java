package cn.chengxin.listing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.chengxin.account.Notices;
import cn.chengxin.listing.domain.SeriousGround;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.NewOrganisation;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Principals;
import cn.chengxin.support.TestCitizens;
import cn.chengxin.support.TestCreditCodes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static cn.chengxin.support.AsStaff.as;
import static cn.chengxin.support.ConsoleStaff.staff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Service (送达) of list notices (RULES.md §7, issue #5): a black-list entry takes effect only once its written prior
 * notice has been served and its notice days have passed since; a read in self-service serves it, otherwise a clerk
 * records service, which an organisation always needs.
 */
@IntegrationTest
class NoticeServiceIT {

    /** The usual prior notice of a department's black-list proposal (ListRule.usualNoticeDays). */
    private static final int NOTICE_DAYS = 5;

    @Autowired
    MockMvc mvc;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    Listing listing;

    @Autowired
    ExitProposals exits;

    @Autowired
    Notices notices;

    @Autowired
    Clock clock;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSubjectWithoutAnAccountStaysInTheNoticeStateUntilAClerkRecordsServiceThenTakesEffectAfterTheNoticeDays()
            throws Exception {
        UUID subject = registered("柏送达");
        UUID entry = notified(subject, "pa");
        assertThat(listing.entry(entry).orElseThrow().effectiveFrom()).as("no day of effect before service").isNull();
        ListNotice prior = prior(entry);
        assertThat(prior.body()).contains("自本告知书送达之日起满" + NOTICE_DAYS + "日后生效");

        // The notice days have long passed since it was written, as once they counted from approval: nobody served it.
        issuedDaysAgo(entry, 10);
        jdbc.sql("UPDATE listing.entry SET effective_from = now() - interval '1 day' WHERE id = ?").param(entry)
                .update();
        listing.activateDue();
        assertThat(listing.entry(entry).orElseThrow().status()).isEqualTo(EntryStatus.NOTIFIED);
        assertThat(unservedPage()).contains("notice-" + prior.id());

        // A service recorded today: the entry takes effect at midnight after the notice days counted from today.
        LocalDate today = LocalDate.now(clock);
        recordService(prior.id(), "IN_PERSON", today, "本人到窗口签收").andExpect(flash().attribute("successKey",
                "lists.served"));
        listing.activateDue();
        assertThat(listing.entry(entry).orElseThrow()).satisfies(e -> {
            assertThat(e.status()).isEqualTo(EntryStatus.NOTIFIED);
            assertThat(e.effectiveFrom()).isEqualTo(startOf(today.plusDays(NOTICE_DAYS + 1)));
        });
        assertThat(unservedPage()).doesNotContain("notice-" + prior.id());

        // The postal receipt found later shows an earlier service: the earliest counts, and both records are kept.
        recordService(prior.id(), "POST", today.minusDays(NOTICE_DAYS + 1), "邮寄回执").andExpect(
                flash().attribute("successKey", "lists.served"));
        assertThat(listing.entry(entry).orElseThrow().effectiveFrom()).isEqualTo(startOf(today));
        listing.activateDue();
        assertThat(listing.entry(entry).orElseThrow().status()).isEqualTo(EntryStatus.EFFECTIVE);
        assertThat(listing.deliveriesOfNotice(prior.id())).extracting(NoticeDelivery::channel)
                .containsExactly(NoticeDelivery.Channel.IN_PERSON, NoticeDelivery.Channel.POST);
        assertThatThrownBy(() -> jdbc.sql("UPDATE listing.notice_delivery SET note = 'x' WHERE notice_id = ?")
                .param(prior.id()).update()).as("history kept").hasMessageContaining("append-only");

        // The subject's part of the audit log has each service.
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'listing.notice.serve' AND detail LIKE ?")
                .param("%" + prior.id() + "%").query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aServiceByHandIsRefusedWithReasonsAndAnotherDepartmentsNoticeIsUnknown() throws Exception {
        UUID entry = notified(registered("柏退回"), "pr");
        ListNotice prior = prior(entry);
        LocalDate today = LocalDate.now(clock);
        recordService(prior.id(), "SMS", today, "").andExpect(flash().attribute("failureCode", "LIST_SERVICE_INVALID"));
        recordService(prior.id(), "POST", today.plusDays(1), "")
                .andExpect(flash().attribute("failureCode", "LIST_SERVICE_INVALID"));
        recordService(prior.id(), "ANNOUNCEMENT", today, " ")
                .andExpect(flash().attribute("failureCode", "LIST_SERVICE_INVALID"));
        assertThat(listing.deliveriesOfNotice(prior.id())).isEmpty();

        // An announcement, the last resort, counts as served when its period has passed.
        recordService(prior.id(), "ANNOUNCEMENT", today, "邮寄两次均被退回，查无此人")
                .andExpect(flash().attribute("successKey", "lists.served"));
        assertThat(listing.entry(entry).orElseThrow().effectiveFrom())
                .isEqualTo(startOf(today.plusDays(listing.announcementDays() + NOTICE_DAYS + 1)));

        // A department sees and serves only its own entries' notices.
        mvc.perform(get("/console/lists/notices/{id}/print", prior.id()).with(authentication(
                        Principals.staff("market-clerk", "MARKET", Permission.LIST_PROPOSE))))
                .andExpect(status().isNotFound());
        String print = mvc.perform(get("/console/lists/notices/{id}/print", prior.id())
                        .with(staff("office-s", "list:propose", "list:review")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(print).contains("送达回证", "信用惩戒事先告知书", "柏退回", listing.entry(entry).orElseThrow()
                .maskedNumber());
    }

    @Test
    void aCitizenReadingTheNoticeInSelfServiceIsServedAndSeesWhenAndHow() throws Exception {
        UUID subject = registered("柏阅读");
        UUID entry = notified(subject, "pc");
        ListNotice prior = prior(entry);

        String page = mvc.perform(get("/me/lists").with(authentication(Principals.citizen(subjects, subject))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        LocalDate today = LocalDate.now(clock);
        assertThat(page).contains("已送达：个人中心阅读，" + today);
        assertThat(listing.deliveriesOfNotice(prior.id())).singleElement()
                .extracting(NoticeDelivery::channel).isEqualTo(NoticeDelivery.Channel.SELF_SERVICE);
        assertThat(listing.entry(entry).orElseThrow().effectiveFrom())
                .isEqualTo(startOf(today.plusDays(NOTICE_DAYS + 1)));

        // Read among the citizen's messages instead: learnt by the platform at its next pass.
        UUID other = registered("柏消息");
        UUID second = notified(other, "pd");
        cn.chengxin.account.Notice copy = notices.of(other).stream().filter(n -> n.kind().equals("LIST_PRIOR"))
                .findFirst().orElseThrow();
        notices.markRead(other, copy.id());
        Instant read = notices.of(other).stream().filter(n -> n.id().equals(copy.id())).findFirst().orElseThrow()
                .readAt();
        // A pass asks about a few hundred notices taken in turn: those the other tests left unserved may come first.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> {
            listing.activateDue();
            return !listing.deliveriesOfNotice(prior(second).id()).isEmpty();
        });
        assertThat(listing.deliveriesOfNotice(prior(second).id())).singleElement().satisfies(d -> {
            assertThat(d.channel()).isEqualTo(NoticeDelivery.Channel.SELF_SERVICE);
            assertThat(d.servedAt()).isEqualTo(read);
        });
        assertThat(listing.entry(second).orElseThrow().effectiveFrom()).isNotNull();
    }

    @Test
    void anOrganisationsEntryNeedsARecordedService() throws Exception {
        String code = TestCreditCodes.next();
        UUID organisation = subjects.registerOrganisation(new NewOrganisation(subjects.validate(null, code),
                "驻马店市送达商贸有限公司", LocalDate.of(2015, 3, 1), List.of(), false));
        UUID entry = notified(organisation, "po");
        ListNotice prior = prior(entry);
        issuedDaysAgo(entry, 10);
        jdbc.sql("UPDATE listing.entry SET effective_from = now() - interval '1 day' WHERE id = ?").param(entry)
                .update();
        listing.activateDue();
        assertThat(listing.entry(entry).orElseThrow().status()).isEqualTo(EntryStatus.NOTIFIED);
        assertThat(unservedPage()).contains("notice-" + prior.id());

        recordService(prior.id(), "POST", LocalDate.now(clock).minusDays(NOTICE_DAYS + 1), "挂号信回执")
                .andExpect(flash().attribute("successKey", "lists.served"));
        listing.activateDue();
        assertThat(listing.entry(entry).orElseThrow().status()).isEqualTo(EntryStatus.EFFECTIVE);

        // The exit notice is owed too, through the same channel, and waits in the same list.
        as("officer-o", () -> exits.propose(entry, cn.chengxin.listing.domain.ExitGround.BASIS_REVOKED,
                "驻市监撤〔2026〕1号", "原决定已被撤销"));
        as("officer-p", () -> {
            exits.approve(entry, "");
            return null;
        });
        ListNotice exit = listing.noticesOfEntry(entry).stream().filter(n -> n.kind() == ListNotice.Kind.EXIT)
                .findFirst().orElseThrow();
        assertThat(unservedPage()).contains("notice-" + exit.id());
        recordService(exit.id(), "IN_PERSON", LocalDate.now(clock), "").andExpect(
                flash().attribute("successKey", "lists.served"));
        assertThat(unservedPage()).doesNotContain("notice-" + exit.id());
    }

    /**
     * 待送达告知书 is paged by key (after the last notice of a page), not by OFFSET: the pages follow each other in the
     * notices' order without a gap or a repeat, also when a notice of an earlier page is served meanwhile (OFFSET then
     * skipped one), and the console links the next page by the last notice shown.
     */
    @Test
    void theUnservedNoticesArePagedByKeyWithoutSkippingOneWhenAnEarlierIsServed() throws Exception {
        List<ListNotice> oldest = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            UUID entry = notified(registered("柏分页" + "甲乙丙丁".charAt(i)), "pg" + i);
            // Before every other test's notices: these are the first four in the order.
            jdbc.sql("UPDATE listing.notice SET issued_at = timestamptz '2001-02-03 04:05:06+08' + make_interval(mins => ?)"
                    + " WHERE entry_id = ?").params(i, entry).update();
            oldest.add(prior(entry));
        }
        Listing.UnservedPage first = listing.unserved(null, null, 2);
        assertThat(first.notices()).extracting(u -> u.notice().id())
                .containsExactly(oldest.get(0).id(), oldest.get(1).id());
        assertThat(first.paged()).isFalse();
        assertThat(first.next()).isEqualTo(oldest.get(1).id());

        // The first page's first notice served: the second page still starts with the third (OFFSET 2 gave the fourth).
        recordService(oldest.get(0).id(), "IN_PERSON", LocalDate.now(clock), "本人到窗口签收");
        Listing.UnservedPage second = listing.unserved(null, first.next(), 2);
        assertThat(second.notices()).extracting(u -> u.notice().id())
                .containsExactly(oldest.get(2).id(), oldest.get(3).id());
        assertThat(second.paged()).isTrue();

        String page = mvc.perform(get("/console/lists/notices").param("after", oldest.get(1).id().toString())
                        .with(staff("office-s", "list:propose", "list:review"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("notice-" + oldest.get(2).id(), "notice-" + oldest.get(3).id(),
                        "rel=\"first\" href=\"/console/lists/notices\"")
                .doesNotContain("notice-" + oldest.get(1).id());
        assertThat(unservedPage()).contains("notice-" + oldest.get(1).id())
                .doesNotContain("notice-" + oldest.get(0).id());
        for (int i = 1; i < 4; i++) {
            recordService(oldest.get(i).id(), "IN_PERSON", LocalDate.now(clock), "本人到窗口签收");
        }
    }

    private UUID notified(UUID subject, String who) throws Exception {
        UUID entry = as("maker-" + who, () -> listing.propose(subject, ListType.BLACK,
                SeriousGround.FAIR_COMPETITION_AND_SOCIAL_ORDER, "国办发〔2020〕49号", "严重违法失信",
                LocalDate.now(clock).minusMonths(1), LocalDate.now(clock).plusYears(1)));
        assertThat(as("checker-" + who, () -> listing.approve(entry, "核实无误"))).isEqualTo(EntryStatus.NOTIFIED);
        return entry;
    }

    private ListNotice prior(UUID entry) {
        return listing.noticesOfEntry(entry).stream().filter(n -> n.kind() == ListNotice.Kind.PRIOR).findFirst()
                .orElseThrow();
    }

    private void issuedDaysAgo(UUID entry, int days) {
        jdbc.sql("UPDATE listing.notice SET issued_at = issued_at - make_interval(days => ?) WHERE entry_id = ?")
                .params(days, entry).update();
    }

    private org.springframework.test.web.servlet.ResultActions recordService(UUID notice, String channel,
                                                                          LocalDate day, String note)
            throws Exception {
        return mvc.perform(post("/console/lists/notices/{id}/service", notice).param("channel", channel)
                        .param("day", day.toString()).param("note", note)
                        .with(staff("office-s", "list:propose", "list:review")).with(csrf()))
                .andExpect(status().is3xxRedirection());
    }

    private String unservedPage() throws Exception {
        return mvc.perform(get("/console/lists/notices").with(staff("office-s", "list:propose", "list:review")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(clock.getZone()).toInstant();
    }

    private UUID registered(String name) {
        TestCitizens.Person person = TestCitizens.register(subjects, name);
        return subjects.find(subjects.validate(null, person.number())).orElseThrow();
    }
}
