package cn.chengxin.measures;

import java.time.LocalDate;

import cn.chengxin.listing.ListType;

/**
 * RULES.md §6: minors are never on a dishonesty list, and misconduct committed as a minor stays protected once they
 * are of age. What counts is the age at the act, not at the check: a black or grey entry of a person under 18 on the
 * day it rests on carries no measure, whatever their age now; an entry of one who was of age then keeps them, even
 * if their number says nothing more. Listing and the exchange refuse such entries; this guards the check against
 * one that got into the index anyway (another platform, an old row, a birth date corrected after listing).
 */
final class MinorsNeverPunished {

    private MinorsNeverPunished() {
    }

    /**
     * Whether the entry carries no measure: a black or grey one of a person born on {@code born} (null: unknown, it
     * is kept, as listing decided) who was under 18 on {@code judgedOn} — the day of the act, or, where the entry
     * names none, the day it took effect, which no act follows (under 18 then, under 18 at the act).
     */
    static boolean minorAt(ListType list, LocalDate born, LocalDate judgedOn) {
        return list != ListType.RED && born != null && judgedOn != null && born.plusYears(18).isAfter(judgedOn);
    }
}
