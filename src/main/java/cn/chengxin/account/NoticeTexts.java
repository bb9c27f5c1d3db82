package cn.chengxin.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import cn.chengxin.account.domain.NoticeSms;
import cn.chengxin.account.domain.TextRetries;
import cn.chengxin.account.persistence.JdbcAccounts;
import cn.chengxin.account.persistence.JdbcNotices;
import cn.chengxin.shared.JobOutcome;
import cn.chengxin.subject.PersonalDataProtection;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the notices' texts from the outbox (issue #8 "Notifications"; gaps review xxxiii N6). {@link Notices} writes a
 * notice to be texted QUEUED in the caller's transaction, so a text is neither sent for a decision rolled back nor lost
 * when the instance dies after the commit; this job, on every instance, claims the due ones row by row ({@code FOR
 * UPDATE SKIP LOCKED} and a lease: {@link JdbcNotices#claimDue}) and sends them off the request threads. A text the
 * gateway refuses is FAILED and tried again after a doubling wait ({@link TextRetries}); after the last try it is given
 * up, and {@link #givenUp()} counts those for the operator. Neither the phone nor the text is ever logged.
 *
 * <p>The one-time codes of registration, recovery and phone change do not come here: the citizen waits for them on
 * the page, a code is worth minutes, and a retry an hour later would only confuse; they stay with {@link SmsDispatch}.
 */
@Component
public class NoticeTexts implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(NoticeTexts.class);

    private static final int BATCH = 50;
    /**
     * How long a claimed text is left to its sender before another may take it (a provider answers in seconds; the
     * HTTP gateway gives up after 10 s). It runs from the claim of the batch and is renewed just before each text is
     * sent (S9 of gaps-review-xxxviii): a batch of slow answers may take longer than the lease, one text never should.
     */
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final JdbcNotices store;
    private final JdbcAccounts accounts;
    private final PersonalDataProtection protection;
    private final SmsGateway sms;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final TextRetries retries;

    NoticeTexts(JdbcNotices store, JdbcAccounts accounts, PersonalDataProtection protection, SmsGateway sms,
                Clock clock, PlatformTransactionManager transactions,
                @Value("${chengxin.sms.outbox-attempts:5}") int attempts,
                @Value("${chengxin.sms.outbox-retry-after:PT1M}") Duration retryAfter) {
        this.store = store;
        this.accounts = accounts;
        this.protection = protection;
        this.sms = sms;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.retries = new TextRetries(attempts, retryAfter);
    }

    @Scheduled(fixedDelayString = "${chengxin.sms.outbox-tick:PT5S}",
            initialDelayString = "${chengxin.sms.outbox-tick:PT5S}")
    void tick() {
        try {
            sendDue();
        } catch (RuntimeException e) {
            log.error("Notice texts: the outbox could not be read: {}", e.getClass().getSimpleName());
            JobOutcome.failed("outbox", e);
        }
    }

    /**
     * Sends every text due now, batch after batch, on the calling thread: the scheduler's, or a test's and the
     * development page's, which read what was sent right after an action.
     *
     * @return how many were sent
     */
    public int sendDue() {
        int sent = 0;
        while (true) {
            Instant now = clock.instant();
            List<JdbcNotices.DueText> due = transaction.execute(tx -> store.claimDue(now, now.plus(LEASE), BATCH));
            if (due == null || due.isEmpty()) {
                return sent;
            }
            for (JdbcNotices.DueText text : due) {
                if (stillOurs(text) && send(text)) {
                    sent++;
                }
            }
        }
    }

    /**
     * Renews the text's lease before it is sent; false when another sender took it while the texts before it were
     * sent (its lease was over), which then sends it: one text, one send.
     */
    private boolean stillOurs(JdbcNotices.DueText text) {
        Instant now = clock.instant();
        return Boolean.TRUE.equals(transaction.execute(tx -> store.renewClaim(text.id(), text.attempts(),
                now.plus(LEASE))));
    }

    private boolean send(JdbcNotices.DueText text) {
        Optional<JdbcAccounts.SealedPhone> phone = text.windowPhone() != null ? Optional.of(text.windowPhone())
                : accounts.phoneOf(text.subjectId());
        if (phone.isEmpty()) {
            // The account was closed or its phone removed since: nobody to text.
            outcome(text, Notice.Sms.NONE, null);
            return false;
        }
        try {
            String message = text.windowPhone() != null ? NoticeSms.atWindow(text.title()) : NoticeSms.of(text.title());
            // The notice's id is the provider's client message id, the same on every try: a try that timed out after
            // the provider accepted it is dropped there as a double (S9 of gaps-review-xxxviii).
            sms.send(protection.open(phone.get().cipher(), phone.get().keyVersion(), CitizenAccounts.PHONE_PURPOSE),
                    message, text.id().toString());
        } catch (RuntimeException e) {
            Instant next = retries.nextTry(text.attempts(), clock.instant()).orElse(null);
            // Neither the text nor the phone is logged; the citizen still finds the notice in self-service.
            log.warn("Notice {} ({}) not texted, try {}: {}; {}", text.id(), text.kind(), text.attempts(),
                    e.getClass().getSimpleName(), next == null ? "given up" : "tried again at " + next);
            outcome(text, Notice.Sms.FAILED, next);
            return false;
        }
        outcome(text, Notice.Sms.SENT, null);
        return true;
    }

    private void outcome(JdbcNotices.DueText text, Notice.Sms result, Instant nextTry) {
        transaction.executeWithoutResult(tx -> store.smsOutcome(text.id(), text.attempts(), result, nextTry));
    }

    /** Texts given up after their last try: the notice is in 消息通知, but the person was not texted (N8 reads it). */
    public long givenUp() {
        return store.textsGivenUp();
    }

    /** Texts waiting to be sent or tried again. */
    public long waiting() {
        return store.textsWaiting();
    }

    /**
     * The outbox as the system administrator's 用户管理 page and the gauges show it (gaps review xxxiii N6/N8, session
     * xxxv): texts queued (not yet tried, or being sent), failing (to be tried again), given up after the last try and
     * sent in the last day, and how long the oldest text not yet sent has waited (zero: none waits). Counts only.
     */
    public Figures figures() {
        Instant now = clock.instant();
        JdbcNotices.TextFigures f = store.textFigures(now.minus(SENT_WINDOW));
        Duration oldest = f.oldestWaiting() == null || f.oldestWaiting().isAfter(now) ? Duration.ZERO
                : Duration.between(f.oldestWaiting(), now);
        return new Figures(f.queued(), f.failing(), f.givenUp(), f.sentRecently(), oldest, now);
    }

    /** How far back "sent" is counted. */
    static final Duration SENT_WINDOW = Duration.ofDays(1);

    /** See {@link #figures()}; {@code at} is when they were read. */
    public record Figures(long queued, long failing, long givenUp, long sentLastDay, Duration oldestWaiting,
                          Instant at) {
    }

    /** The figures as last read for the gauges: one read of the outbox per {@link #GAUGE_REFRESH}, not one per gauge. */
    private volatile Figures gauged;
    static final Duration GAUGE_REFRESH = Duration.ofSeconds(15);

    private Figures gauged() {
        Figures last = gauged;
        if (last == null || !clock.instant().isBefore(last.at().plus(GAUGE_REFRESH))) {
            last = figures();
            gauged = last;
        }
        return last;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("chengxin.notice.texts.given_up", this, t -> t.gauged().givenUp())
                .description("Notices' texts given up after their last try").register(registry);
        Gauge.builder("chengxin.notice.texts.waiting", this, t -> t.gauged().queued() + t.gauged().failing())
                .description("Notices' texts waiting to be sent or tried again").register(registry);
        Gauge.builder("chengxin.notice.texts.queued", this, t -> t.gauged().queued())
                .description("Notices' texts not yet tried, or being sent").register(registry);
        Gauge.builder("chengxin.notice.texts.failing", this, t -> t.gauged().failing())
                .description("Notices' texts the gateway refused, to be tried again").register(registry);
        Gauge.builder("chengxin.notice.texts.sent_last_day", this, t -> t.gauged().sentLastDay())
                .description("Notices' texts sent, of the notices of the last 24 hours").register(registry);
        Gauge.builder("chengxin.notice.texts.oldest_waiting", this, t -> t.gauged().oldestWaiting().toSeconds())
                .description("How long the oldest text not yet sent has waited").baseUnit("seconds")
                .register(registry);
    }
}
