package cn.chengxin.account;

import java.time.Instant;
import java.util.List;

/**
 * A citizen's own account as the platform holds it, for the person's copy (PIPL Art. 45; gaps review xlvi AA1): the
 * phone masked as every screen masks it, when the account was opened and its real name last checked and how, its last
 * sign-in and whether it is suspended, the confirmations of electronic service and what the window decided about the
 * person's accounts. Never a secret: no password hash, no sealed phone, no code; no staff or account id. Citizens have
 * no second factor: the account is bound to its phone, which the real-name check ties to the person.
 *
 * @param realNameChecked how the real name was last checked ({@link RealNameCheck}): at registration or a change of
 *                        phone, or at the window when the person's new phone was bound there
 * @param suspendedAt     when the credit office suspended the account, null while it can be used
 */
public record OwnAccount(String phoneMasked, Instant registeredAt, Instant realNameCheckedAt,
                         RealNameCheck realNameChecked, Instant lastSignInAt, Instant suspendedAt,
                         List<WindowDecision> windowDecisions) {

    public OwnAccount {
        windowDecisions = List.copyOf(windowDecisions);
    }

    /** How the name, the number and the phone were found to be one person's. */
    public enum RealNameCheck {
        /**
         * Online, at registration or at 更换手机号码: the real-name provider confirmed name, number and phone together
         * and the code texted to the phone was typed back.
         */
        ONLINE,
        /**
         * At the credit office's window (gaps review xxix K4): the person's identity seen in person, the new phone
         * checked with the provider and its code read out, bound when a second staff member approved.
         */
        WINDOW
    }

    /**
     * A step the credit office's window proposed about the person's account (suspend, resume, unbind, bind a new phone:
     * 双人复核) and its decision, the staff named as the log names them; {@code newPhoneMasked} only for a new phone.
     */
    public record WindowDecision(String action, String reason, Instant proposedAt, String proposedBy, String status,
                                 Instant decidedAt, String decidedBy, String newPhoneMasked) {
    }
}
