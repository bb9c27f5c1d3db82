package cn.chengxin.account;

import cn.chengxin.subject.domain.IdentityDocument;

/**
 * Real-name verification of an applicant (RULES.md §9: self-query only with real-name verification; issue #3): whether
 * the name, the identity number and the phone number belong to one person, as a mobile operator's three-factor check
 * or the 公安 CTID service a city contracts answers it. The registry only knows that a name goes with a number, which
 * anyone holding a leaked list knows too; the phone is what ties an account to the person. Asked before any code is
 * texted. Production names its provider by configuration ({@code chengxin.realname.verifier}, as
 * {@code chengxin.sms.gateway} names the SMS provider); without one, online registration is refused
 * ({@link UnconfiguredRealNameVerifier}), never waved through. Implementations must never log what they are given.
 */
public interface RealNameVerifier {

    enum Verdict {
        /** The three belong to one person. */
        MATCH,
        /** They do not (which of them is wrong is not told: the applicant is answered alike). */
        MISMATCH,
        /** No answer could be had: the applicant is sent to the window, not refused as a stranger. */
        UNAVAILABLE
    }

    Verdict verify(String name, IdentityDocument document, String phone);

    /** Whether a provider is configured at all: without one, the pages say so before anything is typed. */
    default boolean available() {
        return true;
    }
}
