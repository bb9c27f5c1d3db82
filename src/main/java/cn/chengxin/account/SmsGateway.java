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
     * Sends a text under the sender's own id for it ({@code messageId}, the notice's id for a notice's text), the same
     * on every try, so that a provider that de-duplicates on a client message id sends a text once although a try timed
     * out after it was accepted and was made again (S9 of gaps-review-xxxviii). A gateway without such an id sends it
     * as {@link #send(String, String)}.
     */
    default void send(String phone, String text, String messageId) {
        send(phone, text);
    }

    /**
     * Whether texts can be sent at all. Without a provider, registration and password recovery say so before anything
     * is looked up, rather than answer as if a code had been sent.
     */
    default boolean available() {
        return true;
    }
}
