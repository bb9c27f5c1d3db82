package cn.chengxin.listing.domain;

import java.time.LocalDate;

import cn.chengxin.catalog.domain.ItemDefinition;
import cn.chengxin.catalog.domain.Sharing;

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

    /**
     * Whether an entry resting on a record may appear on the public lists, by the record's catalogue item: RULES.md §2
     * (sharing attribute: 公开公示 / 政务共享 / 授权查询; 《河南省社会信用条例》第十一条、第十八条) and §10 — only an item
     * shared publicly is disclosed to the public, as the disclosures page does; an entry on a 政务共享 or 授权查询 item
     * (a volunteer's hours, tax arrears) keeps its effect in checks and for the subject, but is never published. Judged
     * by the item in force ({@code now}) and by the version the record was stored under ({@code storedUnder}): the
     * stricter of the two holds, as publication discloses personal data. Without an item in force nothing is
     * published; a stored version the catalogue no longer knows leaves the item in force to decide.
     */
    public static boolean publishesItem(ItemDefinition now, ItemDefinition storedUnder) {
        return now != null && now.sharing() == Sharing.PUBLIC
                && (storedUnder == null || storedUnder.sharing() == Sharing.PUBLIC);
    }

    /** Whether a person born on {@code birthDate} (null: unknown) may be named on a public list on {@code today}. */
    public static boolean namesPerson(LocalDate birthDate, LocalDate today) {
        return birthDate != null && !birthDate.plusYears(AGE_OF_MAJORITY).isAfter(today);
    }
}
