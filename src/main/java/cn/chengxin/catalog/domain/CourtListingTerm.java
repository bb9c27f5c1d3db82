package cn.chengxin.catalog.domain;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How long a court lists a defaulter (失信被执行人), as the court decided it (RULES.md §7;《最高人民法院关于公布失信被执行人
 * 名单信息的若干规定》（法释〔2017〕7号）第一条、第二条):
 * <ul>
 *     <li>第一条第一项 — 有履行能力而拒不履行生效法律文书确定义务: the provisions set no term; the defaulter stays listed
 *     until he performs or the court deletes the entry (第十条).</li>
 *     <li>第一条第二项至第六项 — obstructing or evading enforcement, breaching the asset report or the consumption
 *     restriction, refusing a settlement without reason: two years (第二条第一款), which the court may extend by one to
 *     three years for aggravating grounds (第二条第二款).</li>
 * </ul>
 * The court states the term in its decision where there is one; a court record and a row of the court's published
 * list carry its last day ({@link #END_FIELD}, the file's 截止日期) when the court delivered it. Without it, the
 * grounds (失信被执行人具体情形, {@link #BEHAVIOUR_FIELD}) tell an Art. 1(1) case, which has no end, from the others,
 * which the law lists for two years.
 */
public final class CourtListingTerm {

    /** The catalogue items a court lists itself: a person's and an organisation's court-defaulter record. */
    public static final Set<String> ITEMS = Set.of("P_COURT_DEFAULTER", "O_COURT_DEFAULTER");
    /** The content field of the grounds the court listed the defaulter for (失信被执行人具体情形). */
    public static final String BEHAVIOUR_FIELD = "behaviour";
    /** The content field of the last day of the listing, as the court decided it (纳入期限截止日). */
    public static final String END_FIELD = "listing_end";
    /** The term of 法释〔2017〕7号第二条第一款 for the grounds of 第一条第二项至第六项, in months. */
    public static final int STATUTORY_MONTHS = 24;

    /**
     * 第一条第一项 as the court's list words it: "有履行能力而拒不履行生效法律文书确定义务" (also without 而, and with
     * spaces). "拒不履行" alone is not it: a refused settlement (第六项, 无正当理由拒不履行执行和解协议) says so too.
     */
    private static final Pattern ABLE_AND_REFUSING = Pattern.compile("有履行能力而?拒不履行");

    private CourtListingTerm() {
    }

    /** Whether records of {@code itemCode} are a court's own listing ({@link #ITEMS}). */
    public static boolean listedByCourt(String itemCode) {
        return ITEMS.contains(itemCode);
    }

    /**
     * Whether the grounds name 法释〔2017〕7号第一条第一项 (able to perform and refusing): such a listing has no term. A
     * listing on several grounds, one of them this, has none either: the other grounds' two years do not end it.
     */
    public static boolean withoutTerm(String behaviour) {
        return behaviour != null && ABLE_AND_REFUSING.matcher(behaviour.replaceAll("\\s", "")).find();
    }

    /** The last day the court gave the listing in a record's content ({@link #END_FIELD}, yyyy-MM-dd), else null. */
    public static LocalDate endIn(Map<String, String> content) {
        String text = content == null ? null : content.get(END_FIELD);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
