package cn.chengxin.account.domain;

import java.util.regex.Pattern;

import cn.chengxin.shared.privacy.IdentityRedaction;

/**
 * The text message that goes with a notice. A text message passes through the operator's and the provider's systems
 * and stays on a phone anyone may pick up, so it carries only the notice's title and the pointer to self-service —
 * never the body — and anything in the title shaped like an identity or credit-code number is masked (RULES.md §10:
 * identity numbers are masked everywhere, never sent in the clear), as are a passport, a travel permit or a mobile
 * number, as every screen masks them ({@link IdentityRedaction}).
 */
public final class NoticeSms {

    /** 15 to 18 characters of digits and capital letters with at least 14 digits: an identity number or credit code. */
    private static final Pattern NUMBER_LIKE = Pattern.compile("(?<![0-9A-Za-z])(?=(?:[A-Z]*\\d){14})[0-9A-Z]{15,18}"
            + "(?![0-9A-Za-z])");
    private static final int MAX_TITLE = 60;

    private NoticeSms() {
    }

    public static String of(String title) {
        String masked = NUMBER_LIKE.matcher(IdentityRedaction.redact(title.strip())).replaceAll(m -> mask(m.group()));
        String shortened = masked.length() > MAX_TITLE ? masked.substring(0, MAX_TITLE) + "…" : masked;
        return "【信用平台】" + shortened + "。详情请登录个人中心“消息通知”查看。";
    }

    /**
     * The text to a phone typed at the credit office's window, for a person with no account (gaps review xxxi M2): the
     * title alone, which says what to do, masked as {@link #of} masks it; no pointer to self-service they cannot use.
     */
    public static String atWindow(String title) {
        String masked = NUMBER_LIKE.matcher(title.strip()).replaceAll(m -> mask(m.group()));
        return "【信用平台】" + masked;
    }

    private static String mask(String number) {
        return number.substring(0, 4) + "*".repeat(number.length() - 8) + number.substring(number.length() - 4);
    }
}
