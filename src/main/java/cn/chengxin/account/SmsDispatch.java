package cn.chengxin.account;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

import cn.chengxin.shared.City;
import cn.chengxin.shared.DomainProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Texts the codes of registration and password recovery off the request thread, on a few threads with a bounded
 * queue. A code is texted only when the number has an account (recovery) or the applicant was found (registration);
 * waiting for the provider on the request thread made those answers slower, and so told whether a number has an
 * account (RULES.md §10: identity data is sensitive; issue #3). Handed over once the request's transaction commits, so
 * that no code is texted for a request that was undone. A text the queue cannot take is given up as a provider's
 * failure is: the page answers alike, and the citizen asks again.
 */
@Component
public class SmsDispatch implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SmsDispatch.class);

    private final SmsGateway gateway;
    private final City city;
    private final ThreadPoolExecutor senders;
    private final AtomicInteger inFlight = new AtomicInteger();

    SmsDispatch(SmsGateway gateway, @Value("${chengxin.sms.senders:2}") int senders,
                @Value("${chengxin.sms.queue:500}") int queue, City city) {
        this.gateway = gateway;
        this.city = city;
        AtomicInteger number = new AtomicInteger();
        this.senders = new ThreadPoolExecutor(senders, senders, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue),
                task -> {
                    Thread thread = new Thread(task, "sms-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    /** Whether texts can be sent at all (a provider is configured). */
    public boolean available() {
        return gateway.available();
    }

    /**
     * Refuses a request that needs a code when no text can be sent. Called before anything about the number is looked
     * at or stored, so that every number gets this same answer and nothing is kept (RULES.md §10).
     */
    public void requireAvailable() {
        if (!available()) {
            throw unavailable(city.creditOffice());
        }
    }

    /** {@code creditOffice}: the window the person is sent to ({@link City#creditOffice}). */
    static AccountProblem unavailable(String creditOffice) {
        return new AccountProblem("SMS_UNAVAILABLE", DomainProblem.Kind.UNAVAILABLE,
                "短信服务暂不可用，暂时不能在线注册或找回密码：请携带本人身份证件到" + creditOffice + "服务窗口办理，或联系平台管理员");
    }

    /**
     * Texts {@code text} to the phone {@code phone} gives, on a sender thread, after the current transaction commits
     * (at once without one); returns without waiting for the provider.
     *
     * @param phone  read on the sender thread: a phone kept sealed is opened there, off the request's time too
     * @param failed told, on the sender thread, when the text could not be sent; never with the phone or the text
     */
    public void send(Supplier<String> phone, String text, Consumer<RuntimeException> failed) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    handOver(phone, text, failed);
                }
            });
        } else {
            handOver(phone, text, failed);
        }
    }

    private void handOver(Supplier<String> phone, String text, Consumer<RuntimeException> failed) {
        Map<String, String> context = MDC.getCopyOfContextMap();
        inFlight.incrementAndGet();
        try {
            senders.execute(() -> {
                if (context != null) {
                    MDC.setContextMap(context);
                }
                try {
                    gateway.send(phone.get(), text);
                } catch (RuntimeException e) {
                    tell(failed, e);
                } finally {
                    MDC.clear();
                    inFlight.decrementAndGet();
                }
            });
        } catch (RejectedExecutionException e) {
            inFlight.decrementAndGet();
            tell(failed, e);
        }
    }

    private static void tell(Consumer<RuntimeException> failed, RuntimeException e) {
        try {
            failed.accept(e);
        } catch (RuntimeException again) {
            // Neither the phone nor the text is logged: the text carries a one-time code.
            log.warn("Text not sent ({}), and its failure not recorded: {}", e.getClass().getSimpleName(),
                    again.getClass().getSimpleName());
        }
    }

    /**
     * Waits until every text handed over so far has been given to the provider (or given up), at most {@code atMost}:
     * for the development page of texts and for tests, which read what was sent right after a request.
     *
     * @return whether none is left
     */
    public boolean awaitIdle(Duration atMost) {
        long until = System.nanoTime() + atMost.toNanos();
        while (inFlight.get() > 0) {
            if (System.nanoTime() > until) {
                return false;
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    @Override
    public void destroy() throws InterruptedException {
        senders.shutdown();
        senders.awaitTermination(5, TimeUnit.SECONDS);
    }
}
