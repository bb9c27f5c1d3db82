package cn.chengxin.account;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import cn.chengxin.account.persistence.JdbcAccounts;
import cn.chengxin.account.persistence.JdbcNotices;
import cn.chengxin.subject.PersonalDataProtection;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.TestCitizens;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.support.Principals;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Gaps review xxxiii N6: a notice's text waits in the outbox (account.notice, QUEUED) written with the notice, so one
 * queued when the instance stopped is sent by the next run of the job; one the gateway refuses is tried again after a
 * wait, and given up, and counted, after the last try.
 */
@IntegrationTest
class NoticeTextsIT {

    @Autowired
    Notices notices;

    @Autowired
    NoticeTexts noticeTexts;

    @Autowired
    CitizenAccounts citizens;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    DevSmsGateway sms;

    @Autowired
    JdbcNotices store;

    @Autowired
    JdbcAccounts accounts;

    @Autowired
    PersonalDataProtection protection;

    @Autowired
    Clock clock;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Test
    void aTextQueuedWhenTheInstanceStoppedIsSentByTheNextRunOfTheJob() {
        TestCitizens.Person person = TestCitizens.register(subjects, "方宁远");
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        citizens.registerVerified(subject, person.phone(), "Fang-Ningyuan-2026");

        // Written and committed; then the instance stops before any text goes out: nothing is sent from memory.
        UUID id = notices.notify(subject, "REPAIR_DECIDED", "您的信用修复申请已受理（方宁远测试）", "正文", "/me/repairs");
        assertThat(sms(id)).isEqualTo("QUEUED");
        assertThat(textsTo(person.phone())).noneMatch(t -> t.contains("方宁远测试"));

        // The next run, on any instance, finds it in the outbox.
        assertThat(noticeTexts.sendDue()).isPositive();

        assertThat(sms(id)).isEqualTo("SENT");
        assertThat(textsTo(person.phone())).filteredOn(t -> t.contains("方宁远测试")).singleElement()
                .satisfies(t -> assertThat(t).doesNotContain(person.number()));
        assertThat(noticeTexts.sendDue()).as("a sent text is not sent again").isZero();
    }

    @Test
    void aRefusedTextIsTriedAgainAfterAWaitAndAfterTheLastTryGivenUpAndCounted() {
        noticeTexts.sendDue(); // what other tests left queued goes first, through the development gateway
        TestCitizens.Person person = TestCitizens.register(subjects, "戴秋白");
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        citizens.registerVerified(subject, person.phone(), "Dai-Qiubai-2026");
        AtomicInteger refusals = new AtomicInteger();
        SmsGateway refusing = (phone, text) -> {
            refusals.incrementAndGet();
            throw new IllegalStateException("provider down");
        };
        // The same job with a provider that is down, and two tries in all.
        NoticeTexts down = new NoticeTexts(store, accounts, protection, refusing, clock, transactions, 2,
                Duration.ofMinutes(1));
        long givenUpBefore = noticeTexts.givenUp();

        UUID lost = notices.notify(subject, "OBJECTION_RECEIVED", "您的异议已受理（戴秋白一）", "正文", "/me/objections");
        UUID retried = notices.notify(subject, "OBJECTION_RECEIVED", "您的异议已受理（戴秋白二）", "正文", "/me/objections");
        assertThat(down.sendDue()).isZero();
        assertThat(refusals).hasValue(2);
        assertThat(List.of(sms(lost), sms(retried))).containsOnly("FAILED");
        assertThat(attempts(lost)).isEqualTo(1);
        // Not due again before the wait is over.
        assertThat(down.sendDue()).isZero();
        assertThat(refusals).hasValue(2);
        assertThat(noticeTexts.givenUp()).isEqualTo(givenUpBefore);

        // The wait is over for the first: its second and last try fails too, and it is given up.
        waitOver(lost);
        assertThat(down.sendDue()).isZero();
        assertThat(refusals).hasValue(3);
        assertThat(sms(lost)).isEqualTo("FAILED");
        assertThat(attempts(lost)).isEqualTo(2);
        assertThat(noticeTexts.givenUp()).isEqualTo(givenUpBefore + 1);
        waitOver(lost);
        assertThat(down.sendDue()).as("a text given up is not tried again").isZero();
        assertThat(refusals).hasValue(3);

        // The provider is back when the second's wait is over: it is sent.
        waitOver(retried);
        assertThat(noticeTexts.sendDue()).isEqualTo(1);
        assertThat(sms(retried)).isEqualTo("SENT");
        assertThat(textsTo(person.phone())).anyMatch(t -> t.contains("戴秋白二")).noneMatch(t -> t.contains("戴秋白一"));
        assertThat(noticeTexts.givenUp()).isEqualTo(givenUpBefore + 1);
    }

    /**
     * Gaps review xxxiii N6/N8 (session xxxv): the system administrator's 用户管理 page shows the outbox by state — queued,
     * failing, given up, sent in the last day, the oldest text's wait — with the same counts as the gauges; counts
     * only, no phone.
     */
    @Test
    void theUsersPageAndTheGaugesCountTheTextsByState() throws Exception {
        noticeTexts.sendDue();
        TestCitizens.Person person = TestCitizens.register(subjects, "柯望舒");
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        citizens.registerVerified(subject, person.phone(), "Ke-Wangshu-2026");
        NoticeTexts down = new NoticeTexts(store, accounts, protection, (phone, text) -> {
            throw new IllegalStateException("provider down");
        }, clock, transactions, 2, Duration.ofMinutes(1));
        NoticeTexts.Figures before = noticeTexts.figures();

        UUID givenUp = notices.notify(subject, "OBJECTION_RECEIVED", "异议已受理（柯望舒一）", "正文", "/me/objections");
        UUID failing = notices.notify(subject, "OBJECTION_RECEIVED", "异议已受理（柯望舒二）", "正文", "/me/objections");
        down.sendDue();
        waitOver(givenUp);
        down.sendDue();
        UUID sent = notices.notify(subject, "OBJECTION_RECEIVED", "异议已受理（柯望舒三）", "正文", "/me/objections");
        assertThat(noticeTexts.sendDue()).isEqualTo(1);
        UUID queued = notices.notify(subject, "OBJECTION_RECEIVED", "异议已受理（柯望舒四）", "正文", "/me/objections");
        assertThat(List.of(sms(givenUp), sms(failing), sms(sent), sms(queued)))
                .containsExactly("FAILED", "FAILED", "SENT", "QUEUED");
        // The failing one waits since it was written, a day and more once its notice is backdated.
        jdbc.sql("UPDATE account.notice SET created_at = created_at - interval '2 days' WHERE id = ?").param(failing)
                .update();

        NoticeTexts.Figures after = noticeTexts.figures();

        assertThat(after.queued()).isEqualTo(before.queued() + 1);
        assertThat(after.failing()).isEqualTo(before.failing() + 1);
        assertThat(after.givenUp()).isEqualTo(before.givenUp() + 1);
        assertThat(after.sentLastDay()).isEqualTo(before.sentLastDay() + 1);
        assertThat(after.oldestWaiting()).isGreaterThanOrEqualTo(Duration.ofDays(2));

        String page = mvc.perform(get("/console/users").with(authentication(Principals.staff("texts-admin",
                        "CREDIT_OFFICE", Permission.CONSOLE_HOME, Permission.ACCOUNT_USER_MANAGE))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        NoticeTexts.Figures shown = noticeTexts.figures();
        assertThat(page).contains("通知短信发送情况")
                .contains("data-field=\"texts-queued\">" + shown.queued() + "<")
                .contains("data-field=\"texts-failing\">" + shown.failing() + "<")
                .contains("data-field=\"texts-sent\">" + shown.sentLastDay() + "<")
                .doesNotContain(person.phone());
        assertThat(page).containsPattern("data-field=\"texts-given-up\"[^>]*>" + shown.givenUp() + "<")
                .containsPattern("data-field=\"texts-oldest\">\\d[\\d,]{3,} 分钟<");

        // The gauges read the same figures.
        io.micrometer.core.instrument.simple.SimpleMeterRegistry registry =
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        noticeTexts.bindTo(registry);
        assertThat(registry.get("chengxin.notice.texts.queued").gauge().value()).isEqualTo(shown.queued());
        assertThat(registry.get("chengxin.notice.texts.failing").gauge().value()).isEqualTo(shown.failing());
        assertThat(registry.get("chengxin.notice.texts.given_up").gauge().value()).isEqualTo(shown.givenUp());
        assertThat(registry.get("chengxin.notice.texts.sent_last_day").gauge().value()).isEqualTo(shown.sentLastDay());
        assertThat(registry.get("chengxin.notice.texts.oldest_waiting").gauge().value())
                .isGreaterThanOrEqualTo(Duration.ofDays(2).toSeconds());
    }

    /**
     * S9 of gaps-review-xxxviii: a provider so slow that a batch outlasts its lease. Another sender takes the texts
     * whose lease is over, but the first renews each text's lease before sending it and leaves those taken from it:
     * each text goes to the provider once, under its notice's id.
     */
    @Test
    void aBatchSlowerThanItsLeaseIsNotTextedTwiceWhenASecondSenderTakesItsTail() {
        noticeTexts.sendDue(); // what other tests left queued goes first
        TestCitizens.Person person = TestCitizens.register(subjects, "钟慢信");
        UUID subject = subjects.find(subjects.validate(null, person.number())).orElseThrow();
        citizens.registerVerified(subject, person.phone(), "Zhong-Manxin-2026");
        List<UUID> ours = List.of(
                notices.notify(subject, "OBJECTION_RECEIVED", "异议已受理（钟慢信一）", "正文", "/me/objections"),
                notices.notify(subject, "OBJECTION_RECEIVED", "异议已受理（钟慢信二）", "正文", "/me/objections"),
                notices.notify(subject, "OBJECTION_RECEIVED", "异议已受理（钟慢信三）", "正文", "/me/objections"));
        MovingClock time = new MovingClock(clock.instant());
        List<String> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<String> bySecond = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicReference<NoticeTexts> second = new java.util.concurrent.atomic.AtomicReference<>();
        AtomicInteger calls = new AtomicInteger();
        // Each text takes 70 s; while the first sender's second text is under way (140 s after its claim, the 2-minute
        // lease over), the second sender's tick runs.
        NoticeTexts first = new NoticeTexts(store, accounts, protection, new Recording(sent, id -> {
            time.advance(Duration.ofSeconds(70));
            if (calls.incrementAndGet() == 2) {
                second.get().sendDue();
            }
        }), time, transactions, 5, Duration.ofMinutes(1));
        second.set(new NoticeTexts(store, accounts, protection, new Recording(sent, bySecond::add), time,
                transactions, 5, Duration.ofMinutes(1)));

        first.sendDue();

        List<String> ids = ours.stream().map(UUID::toString).toList();
        assertThat(sent).as("each text once, under its notice's id").filteredOn(ids::contains)
                .containsExactlyInAnyOrderElementsOf(ids);
        assertThat(bySecond).as("the tail was taken by the second sender").filteredOn(ids::contains)
                .containsExactly(ids.get(2));
        assertThat(ours).allSatisfy(id -> assertThat(sms(id)).isEqualTo("SENT"));
    }

    /** A gateway noting the message id of each text, then doing what the test asks. */
    private record Recording(List<String> sent, java.util.function.Consumer<String> then) implements SmsGateway {

        @Override
        public void send(String phone, String text) {
            throw new IllegalStateException("a notice's text is sent under its id");
        }

        @Override
        public void send(String phone, String text, String messageId) {
            sent.add(messageId);
            then.accept(messageId);
        }
    }

    /** A clock the test moves: the provider's slowness without waiting for it. */
    private static final class MovingClock extends Clock {

        private volatile java.time.Instant now;

        MovingClock(java.time.Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneId.of("Asia/Shanghai");
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private String sms(UUID notice) {
        return jdbc.sql("SELECT sms FROM account.notice WHERE id = ?").param(notice).query(String.class).single();
    }

    private int attempts(UUID notice) {
        return jdbc.sql("SELECT sms_attempts FROM account.notice WHERE id = ?").param(notice).query(Integer.class)
                .single();
    }

    /** As if the wait before the next try had passed: the notice's next try moved a day back. */
    private void waitOver(UUID notice) {
        jdbc.sql("UPDATE account.notice SET sms_due_at = sms_due_at - interval '1 day' WHERE id = ?").param(notice)
                .update();
    }

    private List<String> textsTo(String phone) {
        String masked = phone.substring(0, 3) + "****" + phone.substring(7);
        return sms.recent().stream().filter(m -> m.maskedPhone().equals(masked)).map(DevSmsGateway.Message::text)
                .toList();
    }
}
