package cn.chengxin.account;

/**
 * Sends a text message to a phone (one-time codes, notices' texts). Production sets {@code chengxin.sms.gateway=http}
 * for {@link HttpSmsGateway} (a provider's HTTPS endpoint, by settings), or plugs in its own implementation as a bean;
 * development uses {@code DevSmsGateway}, which shows messages on a dev-only page. A failure is thrown (the outbox of
 * {@link NoticeTexts} tries a notice's text again). Implementations must never log the phone or the message text: it
 * carries one-time codes.
 */
public interface SmsGateway {

    void send(String phone, String text);

    /**
     * Whether texts can be sent at all. Without a provider, registration and password recovery say so before anything
     * is looked up, rather than answer as if a code had been sent.
     */
    default boolean available() {
        return true;
    }
}
