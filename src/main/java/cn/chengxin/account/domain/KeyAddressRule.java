package cn.chengxin.account.domain;

import java.util.Optional;

/**
 * Where a key may be used from must be decided, not left out (gaps review xxxi M7; RULES.md §10, GB/T 22239-2019
 * §8.1.4.2 / §8.1.3.1: access to interfaces restricted by source where the callers are known). A department's system
 * and an institution's server call from known networks, so their keys name those networks; "any address" stays
 * possible — a system behind changing addresses — but only as an explicit choice with a written reason, which the
 * approving administrator reads. A partner platform's key may still name none. A reason is kept only for a key that
 * names no network: with networks named, it would explain nothing.
 */
public final class KeyAddressRule {

    /** The longest reason kept: a sentence or two, not a document. */
    public static final int MAX_REASON = 200;

    private KeyAddressRule() {
    }

    /**
     * The reason to keep with the key, empty when it names networks or, for a kind that may, gives none.
     *
     * @param addressesRequired whether the key's kind must name networks or give a reason
     * @throws Refused when a key that must be restricted names no network and gives no reason, or the reason is too long
     */
    public static Optional<String> reasonToKeep(boolean addressesRequired, AllowedAddresses addresses, String reason) {
        if (!addresses.any()) {
            return Optional.empty();
        }
        String written = reason == null ? "" : reason.strip();
        if (written.length() > MAX_REASON) {
            throw new Refused(true);
        }
        if (written.isEmpty()) {
            if (addressesRequired) {
                throw new Refused(false);
            }
            return Optional.empty();
        }
        return Optional.of(written);
    }

    /** Whether a key is usable from anywhere with nobody having said why: to mark, and to count on 工作台. */
    public static boolean unexplained(AllowedAddresses addresses, String reason) {
        return addresses.any() && (reason == null || reason.isBlank());
    }

    /** The key's reach is not settled: no networks and no reason, or a reason too long to keep. */
    public static final class Refused extends RuntimeException {

        private final boolean tooLong;

        Refused(boolean tooLong) {
            super(tooLong ? "reason longer than " + MAX_REASON : "no networks and no reason");
            this.tooLong = tooLong;
        }

        public boolean tooLong() {
            return tooLong;
        }
    }
}
