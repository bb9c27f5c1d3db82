package cn.chengxin.account.domain;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The violation register's ban (征信机构违规经营"黑名单", 国办发〔2016〕98号 四(一); RULES.md §7, last line; gaps review xxx
 * L4): an institution entered in it, once a second administrator confirmed the entry, is issued no new key from the
 * entry's first day to its last, both included (Beijing dates). Institutions carry no unified social credit code on
 * this platform yet, so a key proposed afresh is matched to a banned institution by its organisation's name, written
 * alike: full-width and half-width forms, case and spaces do not count ("某某银行（股份）" is "某某银行(股份)").
 */
public final class InstitutionBan {

    /**
     * The longest ban the register takes: five years, the longest negative information is kept (RULES.md §4;
     * 征信业管理条例 Art. 16).
     */
    public static final int MAX_YEARS = 5;

    private InstitutionBan() {
    }

    /** Whether a ban from {@code from} to {@code until} holds on {@code today}. */
    public static boolean inForce(LocalDate from, LocalDate until, LocalDate today) {
        return !today.isBefore(from) && !today.isAfter(until);
    }

    /** Whether the period is one the register takes: a first day, a last day not before it, at most five years. */
    public static boolean validPeriod(LocalDate from, LocalDate until) {
        return from != null && until != null && !until.isBefore(from) && !until.isAfter(from.plusYears(MAX_YEARS));
    }

    /** Whether two organisation names name the same organisation, as far as the names tell. */
    public static boolean sameOrganisation(String a, String b) {
        return a != null && b != null && !key(a).isEmpty() && key(a).equals(key(b));
    }

    private static String key(String organisation) {
        return Normalizer.normalize(organisation, Normalizer.Form.NFKC).replaceAll("\\s+", "")
                .toLowerCase(Locale.ROOT);
    }
}
