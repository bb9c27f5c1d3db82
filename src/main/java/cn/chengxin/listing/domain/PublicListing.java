package cn.chengxin.listing.domain;

import java.time.LocalDate;

/**
 * Whom the public site's lists may name. RULES.md §6 and §10: personal information of a minor is not published by
 * default (a child's under 14 is sensitive information and needs a guardian's consent: PIPL Art. 28, 31), so a
 * person's entry is listed publicly, and found by the public search, only while the person is 18 or older on the day
 * the page is viewed; nor the entry of a person whose birth date nobody knows, as a missing date must not lift that
 * protection (as with the black list and the disclosures). The entry itself stays in force: the person sees it in
 * self-service, staff in the console, and its rewards or measures apply. Organisations are always named.
 */
public final class PublicListing {

    static final int AGE_OF_MAJORITY = 18;

    private PublicListing() {
    }

    /** Whether a person born on {@code birthDate} (null: unknown) may be named on a public list on {@code today}. */
    public static boolean namesPerson(LocalDate birthDate, LocalDate today) {
        return birthDate != null && !birthDate.plusYears(AGE_OF_MAJORITY).isAfter(today);
    }
}
