package cn.chengxin.listing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.chengxin.account.ElectronicServiceAgreements;
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
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
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
 * notice has been served and its notice days have passed since; a read in self-service or a text serves it only under
 * the citizen's confirmation of electronic service (《行政处罚法》第六十一条), otherwise a clerk records service, which
 * an organisation always needs.
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
    ElectronicServiceAgreements agreements;

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
        // Under the confirmation of electronic service (《行政处罚法》第六十一条; without it, the tests below).
        cn.chengxin.support.ElectronicServiceAgreed.agree(agreements, subjects, subject);
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
        cn.chengxin.support.ElectronicServiceAgreed.agree(agreements, subjects, other);
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

    // ---- electronic service (《行政处罚法》第六十一条; gaps review xl U13): a read in 个人中心 or a text serves a notice
    // only while the citizen's 电子送达确认书 is in force at that moment; without it the read informs, the page says so,
    // and the notice waits in the clerks' queue.

    @Test
    void aReadServesOnlyWhileTheConfirmationOfElectronicServiceIsInForce() throws Exception {
        UUID subject = registered("柏电送");
        UsernamePasswordAuthenticationToken citizen = Principals.citizen(subjects, subject);
        UUID entry = notified(subject, "ea");
        ListNotice prior = prior(entry);

        // No confirmation: the citizen reads the notice in full, is told that this is not service, and is offered it.
        String page = lists(citizen);
        assertThat(page).contains("data-notice=\"" + prior.id() + "\"", "data-field=\"eservice-off\"", "不视为送达",
                "href=\"/me/electronic-service\"").doesNotContain("已送达：");
        assertThat(listing.deliveriesOfNotice(prior.id())).as("a read without the confirmation serves nothing").isEmpty();
        assertThat(listing.entry(entry).orElseThrow().effectiveFrom()).as("no period started").isNull();
        assertThat(queued(prior.id())).as("still the clerks' to serve").isTrue();

        // Read among the messages too, before agreeing: the platform's next pass learns the read and serves nothing.
        readCopy(subject, "LIST_PRIOR");
        askedAtOnce(prior.id());
        assertThat(listing.deliveriesOfNotice(prior.id())).isEmpty();

        // The box not ticked, or a text changed since the page was shown: refused, nothing recorded.
        agree(citizen, false, ElectronicServiceAgreements.TERMS_VERSION)
                .andExpect(flash().attribute("failureCode", "ESERVICE_NOT_CONFIRMED"));
        agree(citizen, true, "2000-01-01").andExpect(flash().attribute("failureCode", "ESERVICE_TERMS_CHANGED"));
        assertThat(agreements.of(subject)).isEmpty();

        agree(citizen, true, ElectronicServiceAgreements.TERMS_VERSION)
                .andExpect(flash().attribute("successKey", "me.eservice.agreed"));
        assertThat(agreements.inForce(subject)).hasValueSatisfying(a -> {
            assertThat(a.termsVersion()).isEqualTo(ElectronicServiceAgreements.TERMS_VERSION);
            assertThat(a.agreedBy()).isEqualTo(((cn.chengxin.account.CitizenPrincipal) citizen.getPrincipal()).actorId());
        });
        assertThat(audited(subject, "account.citizen.eservice.agree"))
                .singleElement().asString().contains("ESERVICE_AGREED", ElectronicServiceAgreements.TERMS_VERSION);
        // The read before the agreement still serves nothing, however often it is learnt.
        askedAtOnce(prior.id());
        assertThat(listing.deliveriesOfNotice(prior.id())).isEmpty();

        // Read with the confirmation in force: served now, the notice period counted from today.
        assertThat(lists(citizen)).contains("data-field=\"eservice-on\"", "已送达：个人中心阅读，" + LocalDate.now(clock));
        assertThat(listing.deliveriesOfNotice(prior.id())).singleElement()
                .extracting(NoticeDelivery::channel).isEqualTo(NoticeDelivery.Channel.SELF_SERVICE);
        assertThat(listing.entry(entry).orElseThrow().effectiveFrom())
                .isEqualTo(startOf(LocalDate.now(clock).plusDays(NOTICE_DAYS + 1)));
        assertThat(queued(prior.id())).isFalse();

        // Withdrawn: a notice issued later and read is not served; it waits for the clerks. The history is kept.
        mvc.perform(post("/me/electronic-service/withdraw").with(authentication(citizen)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("successKey", "me.eservice.withdrawn"));
        assertThat(audited(subject, "account.citizen.eservice.withdraw")).singleElement().asString()
                .contains("ESERVICE_WITHDRAWN");
        assertThat(agreements.of(subject)).singleElement().satisfies(a -> assertThat(a.withdrawnAt()).isNotNull());
        UUID later = notified(subject, "eb");
        assertThat(lists(citizen)).contains("data-notice=\"" + prior(later).id() + "\"", "data-field=\"eservice-off\"");
        assertThat(listing.deliveriesOfNotice(prior(later).id())).isEmpty();
        assertThat(listing.entry(later).orElseThrow().effectiveFrom()).isNull();
        assertThat(queued(prior(later).id())).isTrue();
        mvc.perform(post("/me/electronic-service/withdraw").with(authentication(citizen)).with(csrf()))
                .andExpect(flash().attribute("failureCode", "ESERVICE_NOT_AGREED"));
    }

    @Test
    void aTextServesOnlyUnderAConfirmationInForceWhenItWasSent() throws Exception {
        UUID without = registered("柏无确认");
        UUID unagreed = notified(without, "ec");
        textSent(without);
        askedAtOnce(prior(unagreed).id());
        assertThat(listing.deliveriesOfNotice(prior(unagreed).id())).as("texted without the confirmation").isEmpty();

        UUID with = registered("柏有确认");
        cn.chengxin.support.ElectronicServiceAgreed.agree(agreements, subjects, with);
        UUID agreed = notified(with, "ed");
        Instant sent = textSent(with);
        askedAtOnce(prior(agreed).id());
        assertThat(listing.deliveriesOfNotice(prior(agreed).id())).singleElement().satisfies(d -> {
            assertThat(d.channel()).isEqualTo(NoticeDelivery.Channel.SMS);
            assertThat(d.servedAt()).isEqualTo(sent);
        });
    }

    @Test
    void theConfirmationPageShowsItsTextInChineseAndEnglishAndTheRecordOfAgreements() throws Exception {
        UUID subject = registered("柏确认书");
        UsernamePasswordAuthenticationToken citizen = Principals.citizen(subjects, subject);
        String chinese = mvc.perform(get("/me/electronic-service").with(authentication(citizen)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(chinese).contains("电子送达确认书", "《中华人民共和国行政处罚法》第六十一条", "个人中心", "手机号码",
                "可以随时撤回", "id=\"eservice-agree\"", "name=\"version\" value=\""
                        + ElectronicServiceAgreements.TERMS_VERSION + "\"", "暂无确认记录")
                .doesNotContain("id=\"eservice-withdraw\"");

        agree(citizen, true, ElectronicServiceAgreements.TERMS_VERSION);
        String english = mvc.perform(get("/me/electronic-service").param("lang", "en").with(authentication(citizen)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(english).contains("Confirmation of electronic service", "Article 61", "You agreed to electronic service",
                "id=\"eservice-withdraw\"", "In force").doesNotContain("id=\"eservice-agree\"", "??");
        assertThat(mvc.perform(get("/me/lists").param("lang", "en").with(authentication(citizen)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("reading a list notice here serves it");
        assertThat(mvc.perform(get("/me").with(authentication(citizen))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).contains("href=\"/me/electronic-service\"");
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

    private org.springframework.test.web.servlet.ResultActions agree(UsernamePasswordAuthenticationToken citizen,
                                                                    boolean confirmed, String version)
            throws Exception {
        return mvc.perform(post("/me/electronic-service").param("confirmed", String.valueOf(confirmed))
                        .param("version", version).with(authentication(citizen)).with(csrf()))
                .andExpect(status().is3xxRedirection());
    }

    private String lists(UsernamePasswordAuthenticationToken citizen) throws Exception {
        return mvc.perform(get("/me/lists").with(authentication(citizen))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
    }

    /** The subject's self-service copy of the notice of {@code kind} read among their messages. */
    private void readCopy(UUID subject, String kind) {
        notices.markRead(subject, notices.of(subject).stream().filter(n -> n.kind().equals(kind)).findFirst()
                .orElseThrow().id());
    }

    /** The text of the subject's prior notice reached the gateway (as NoticeTexts records it); when it was queued. */
    private Instant textSent(UUID subject) {
        cn.chengxin.account.Notice copy = notices.of(subject).stream().filter(n -> n.kind().equals("LIST_PRIOR"))
                .findFirst().orElseThrow();
        jdbc.sql("UPDATE account.notice SET sms = 'SENT', sms_due_at = NULL WHERE id = ?").param(copy.id()).update();
        return copy.createdAt();
    }

    /** The notice first in turn for the next pass of the platform's learning, and that pass run: it was asked. */
    private void askedAtOnce(UUID notice) {
        jdbc.sql("UPDATE listing.notice_awaiting SET asked_at = timestamptz '1990-01-01 00:00+08' WHERE notice_id = ?")
                .param(notice).update();
        listing.activateDue();
        assertThat(jdbc.sql("SELECT asked_at > timestamptz '1990-01-02 00:00+08' FROM listing.notice_awaiting"
                        + " WHERE notice_id = ?").param(notice).query(Boolean.class).optional().orElse(true))
                .as("the pass asked about it (or served it: it left the set)").isTrue();
    }

    private java.util.List<String> audited(UUID subject, String action) {
        return jdbc.sql("SELECT detail FROM audit.event WHERE action = ? AND subject_pseudonym = ? ORDER BY seq")
                .params(action, subjects.pseudonymOf(subject).orElseThrow()).query(String.class).list();
    }

    /**
     * Whether the clerks' queue (待送达告知书) lists the notice: its page that starts right after the notice before it in
     * the queue's order (the queue is the longest waiting first, and other tests leave notices in it).
     */
    private boolean queued(UUID notice) throws Exception {
        java.util.Optional<UUID> before = jdbc.sql("""
                        SELECT p.id FROM listing.notice p, listing.notice n WHERE n.id = ?
                          AND (p.issued_at, p.id) < (n.issued_at, n.id) ORDER BY p.issued_at DESC, p.id DESC LIMIT 1""")
                .param(notice).query(UUID.class).optional();
        var page = get("/console/lists/notices").with(staff("office-s", "list:propose", "list:review"));
        before.ifPresent(id -> page.param("after", id.toString()));
        return mvc.perform(page).andExpect(status().isOk()).andReturn().getResponse().getContentAsString()
                .contains("notice-" + notice);
    }

    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(clock.getZone()).toInstant();
    }

    private UUID registered(String name) {
        TestCitizens.Person person = TestCitizens.register(subjects, name);
        return subjects.find(subjects.validate(null, person.number())).orElseThrow();
    }
}
