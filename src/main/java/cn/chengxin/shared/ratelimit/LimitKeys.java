package cn.chengxin.shared.ratelimit;

/**
 * What a limit's key (a client address, a phone) is stored as: a keyed pseudonym, never the key in clear
 * (gaps-review-xxxiii N7; PIPL: an address or phone is personal information). Provided by the module holding the
 * platform's index key.
 */
public interface LimitKeys {

    /** The pseudonym {@code key} is counted under. */
    String pseudonym(String key);
}
