package cn.chengxin.account;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A provider that takes its time: each text waits until the test releases it, and the gateway notes the thread that
 * called it. A page that waited for it would answer only after the release.
 */
final class HeldSmsGateway implements SmsGateway, AutoCloseable {

    private final CountDownLatch released = new CountDownLatch(1);
    private final CountDownLatch called = new CountDownLatch(1);
    private final List<String> threads = new CopyOnWriteArrayList<>();
    private final List<String> texts = new CopyOnWriteArrayList<>();

    @Override
    public void send(String phone, String text) {
        threads.add(Thread.currentThread().getName());
        called.countDown();
        try {
            released.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        texts.add(text);
    }

    /** Whether a text was given to the gateway within a few seconds. */
    boolean called() throws InterruptedException {
        return called.await(10, TimeUnit.SECONDS);
    }

    List<String> threads() {
        return threads;
    }

    List<String> texts() {
        return texts;
    }

    void release() {
        released.countDown();
    }

    @Override
    public void close() {
        release();
    }
}
