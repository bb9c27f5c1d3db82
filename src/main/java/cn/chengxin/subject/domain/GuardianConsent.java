package cn.chengxin.subject.domain;

import java.time.LocalDate;

/**
 * RULES.md §6 (PIPL Art. 28, 31): the personal information of a child under 14 is sensitive and is processed only
 * with a guardian's consent. The platform cannot verify a guardian online, so what the child would decide alone
 * (opening a self-service account, letting an institution pull a report) is refused and done at the credit office's
 * window instead.
 */
public final class GuardianConsent {

    /** The age from which a person decides alone about their personal information (PIPL Art. 31). */
    public static final int AGE = 14;

    private GuardianConsent() {
    }

    /**
     * Whether a person born on {@code birthDate} is under 14 on {@code day}: the 14th birthday is the first day they
     * decide alone (one born on 29 February turns 14 on 28 February). An unknown birth date does not require a
     * guardian: the registry holds adults whose birth date it was never given, and a resident identity number always
     * carries one, so no child registered by that number is let through by this.
     */
    public static boolean required(LocalDate birthDate, LocalDate day) {
        return birthDate != null && birthDate.plusYears(AGE).isAfter(day);
    }
}
