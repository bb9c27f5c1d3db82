package cn.chengxin.account;

/**
 * Sends a text message to a phone (real-name verification codes). Production plugs in a provider's
 * implementation as a bean; development uses {@code DevSmsGateway}, which shows messages on a dev-only
 * page. Implementations must never log the message text: it carries one-time codes.
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
