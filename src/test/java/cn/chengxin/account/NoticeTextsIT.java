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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

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
