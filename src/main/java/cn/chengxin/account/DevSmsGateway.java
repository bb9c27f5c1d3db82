package cn.chengxin.account;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Development stand-in for an SMS provider: keeps the last messages in memory for the page
 * {@code /dev/sms}, which exists only with this gateway ({@code chengxin.sms.gateway=dev}, set by the dev
 * and test profiles). Nothing is logged.
 */
@Component
@ConditionalOnProperty(name = "chengxin.sms.gateway", havingValue = "dev")
public class DevSmsGateway implements SmsGateway {

    private static final int KEEP = 50;

    private final Deque<Message> messages = new ArrayDeque<>();
    private final Clock clock;

    DevSmsGateway(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void send(String phone, String text) {
        messages.addFirst(new Message(clock.instant(), maskPhone(phone), text));
        while (messages.size() > KEEP) {
            messages.removeLast();
        }
    }

    public synchronized List<Message> recent() {
        return List.copyOf(messages);
    }

    static String maskPhone(String phone) {
        return phone.length() == 11 ? phone.substring(0, 3) + "****" + phone.substring(7) : "***";
    }

    public record Message(Instant at, String maskedPhone, String text) {
    }

}
