package cn.chengxin.listing.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.chengxin.catalog.domain.Category;
import cn.chengxin.catalog.domain.CourtListingTerm;
import cn.chengxin.catalog.domain.ItemDefinition;
import cn.chengxin.catalog.domain.Nature;
import cn.chengxin.catalog.domain.Severity;
import cn.chengxin.listing.ListType;
import cn.chengxin.subject.domain.SubjectKind;

/**
 * An entry rule (RULES.md §7): a shown record of one of {@code itemCodes} — and, if set, whose content field
 * {@code conditionField} is at least {@code conditionMin} — proposes its subject for the list. Versioned: an
 * edit adds a version; entries remember the version that proposed them.
 *
 * @param validityMonths how long an entry stays in force from the decision date; null: while the record is published
 *                       (a court's listing: as long as the court decided, {@link #COURT_LISTING_MONTHS})
 * @param noticeDays     black list: days between the prior notice and effect; red list: the public notice period
 * @param seriousGround  black list: which of the four grounds of 国办发〔2020〕49号 the rule lists for ({@link
 *                       SeriousGround}); required there, and none on the other lists
 */
public record ListRule(String code, int version, ListType listType, String name, Set<String> itemCodes,
                       String conditionField, BigDecimal conditionMin, String legalBasis, Integer validityMonths,
                       int noticeDays, String exitConditions, boolean enabled, SeriousGround seriousGround) {

    /**
     * Items whose subjects a court has listed itself (失信被执行人, 法释〔2017〕7号): the court decided, served its
     * decision and hears corrections, so the platform mirrors the court's list at once, without a prior notice of
     * its own (RULES.md §7). Every other black-list rule is the platform's own listing.
     */
    static final Set<String> LISTED_BY_COURT = CourtListingTerm.ITEMS;

    /**
     * The longest validity a rule of the court's items may give (RULES.md §7; 法释〔2017〕7号第二条第一款): two years, the
     * term of the grounds of 第一条第二项至第六项, applied only to a record that carries no last day of the court's own
     * and whose grounds are not 第一条第一项 ({@link EntryLifecycle#validUntil(String, java.util.Map, java.time.LocalDate,
     * Integer, java.time.LocalDate)}). One to three more years are the court's own decision for aggravating grounds,
     * which reaches the platform as the record's last day. Left empty, the rule leaves the term to the court: the
     * record's last day, none for 第一条第一项, two years otherwise.
     */
    public static final int COURT_LISTING_MONTHS = 24;

    public ListRule {
        itemCodes = Set.copyOf(itemCodes);
        seriousGround = listType == ListType.BLACK ? seriousGround : null;
    }

    /** A rule of the grey or red list, which names no serious ground (or a black one without: refused on saving). */
    public ListRule(String code, int version, ListType listType, String name, Set<String> itemCodes,
                    String conditionField, BigDecimal conditionMin, String legalBasis, Integer validityMonths,
                    int noticeDays, String exitConditions, boolean enabled) {
        this(code, version, listType, name, itemCodes, conditionField, conditionMin, legalBasis, validityMonths,
                noticeDays, exitConditions, enabled, null);
    }

    /** A black-list rule naming none of the four grounds of 国办发〔2020〕49号 (RULES.md §7): it may not be saved. */
    public boolean lacksSeriousGround() {
        return listType == ListType.BLACK && seriousGround == null;
    }

    /**
     * The notice days a rule of the list usually gives, as the base rules do (V12): a written prior notice of 5 days
     * before black-listing, a public notice of 7 before red-listing (RULES.md §7), none for the grey list, whose
     * closer supervision reduces no right. A new rule starts from them, and a department's proposal by hand, under no
     * rule, waits as long.
     */
    public static int usualNoticeDays(ListType type) {
        return switch (type) {
            case BLACK -> 5;
            case RED -> 7;
            case GREY -> 0;
        };
    }

    /** Whether every item the rule names is one a court lists itself ({@link #LISTED_BY_COURT}). */
    public boolean listedByCourt() {
        return !itemCodes.isEmpty() && LISTED_BY_COURT.containsAll(itemCodes);
    }

    /**
     * The days between the prior notice and effect (black list) or of the public notice (red list). RULES.md §7:
     * written prior notice before black-listing, public notice before red-listing, so a rule of either saved with
     * none before this was required still gives one day, unless a court listed its subjects.
     */
    public int priorNoticeDays() {
        return noticeRequired() ? Math.max(1, noticeDays) : noticeDays;
    }

    /**
     * Whether an entry by this rule must wait for a notice: a black-list one for the written prior notice (国办发〔2020〕
     * 49号) unless a court listed its subjects; a red-list one for its public notice (《河南省社会信用条例》第二十八条).
     * Public for an entry migrated from an older system ({@link MigratedEntry}), which must show that notice's days.
     */
    public boolean noticeRequired() {
        return listType == ListType.BLACK && !listedByCourt() || listType == ListType.RED;
    }

    /** Whether a shown record of {@code itemCode} with this content proposes its subject. */
    public boolean proposes(String itemCode, Map<String, String> content) {
        if (!enabled || !itemCodes.contains(itemCode)) {
            return false;
        }
        if (conditionField == null || conditionField.isBlank()) {
            return true;
        }
        String value = content.get(conditionField);
        try {
            return value != null && new BigDecimal(value.strip()).compareTo(conditionMin) >= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * Whether a record of {@code item} may put its subject on this rule's list: only negative items on the grey and
     * black lists, and on the black list only those usable for punishment — RULES.md §2: penalties by simple
     * procedure, minor acts promptly corrected and unconfirmed fee arrears are not (河南省社会信用条例 Art. 13,
     * 27) — and of serious severity ({@link #seriousEnough}); only good items on the red list. Whose subject: see
     * {@link #admits(ListType, ItemDefinition, ItemDefinition, SubjectKind)}.
     */
    public static boolean admits(ListType type, ItemDefinition item) {
        return switch (type) {
            case BLACK -> item.nature() == Nature.NEGATIVE && item.usableForPunishment() && seriousEnough(item);
            case GREY -> item.nature() == Nature.NEGATIVE;
            case RED -> item.nature() == Nature.GOOD;
        };
    }

    /**
     * Whether a record stored under the item version {@code collectedUnder} may put its subject on the list while
     * {@code inForce} is the item's version in force: both must admit it ({@link #admits}). A later version that stops
     * the item's use for punishment stops it at once; one that starts it does not reach back to the records collected
     * before, whose collection was not for that use — RULES.md §2 (no use beyond what the law authorised the collection
     * for; 《河南省社会信用条例》第十三条) and §7 (black-listing only on a legal basis, 国办发〔2020〕49号). A simple-procedure
     * penalty collected as not usable for punishment stays so when a later version widens the item. {@code null} for
     * either: not admitted.
     */
    public static boolean admits(ListType type, ItemDefinition inForce, ItemDefinition collectedUnder) {
        return inForce != null && collectedUnder != null && admits(type, inForce) && admits(type, collectedUnder);
    }

    /**
     * Whether a record stored under the item version {@code collectedUnder} may put a subject of {@code kind} on the
     * list ({@link #admits(ListType, ItemDefinition, ItemDefinition)}), and the item is about subjects of that kind: a
     * person is never listed under an organisation's item, as when he holds a copy of his organisation's record as its
     * legal representative or responsible person (RULES.md §1: recorded on him; §7: listed only as the subject the
     * basis names; {@link OwnConduct}).
     */
    public static boolean admits(ListType type, ItemDefinition inForce, ItemDefinition collectedUnder,
                                 SubjectKind kind) {
        return admits(type, inForce, collectedUnder) && about(inForce, kind) && about(collectedUnder, kind);
    }

    /** Whether the item is about subjects of {@code kind} (the catalogue's subject type, RULES.md §2). */
    static boolean about(ItemDefinition item, SubjectKind kind) {
        return switch (item.subjectType()) {
            case PERSON -> kind == SubjectKind.PERSON;
            case ORGANISATION -> kind == SubjectKind.ORGANISATION;
        };
    }

    /**
     * Whether an item is grave enough for the serious-dishonesty list (RULES.md §7, 国办发〔2020〕49号: only serious
     * conduct on its four grounds; §4 severity classes): an item of serious severity, or a court's or sector
     * authority's own serious list (严重失信主体名单信息: tax, market regulation, court defaulters all carry 严重). A
     * general (一般) item — tax arrears, exam cheating, a general penalty — may put its subject under closer
     * supervision (grey list), never on the black list.
     */
    static boolean seriousEnough(ItemDefinition item) {
        return item.severity() == Severity.SERIOUS || item.category() == Category.SERIOUS_DISHONESTY_LIST;
    }

    /** Whether the rule names an item in force that the black list refuses for its severity alone. */
    public boolean namesItemNotSerious(Map<String, ItemDefinition> active) {
        return listType == ListType.BLACK && itemCodes.stream().map(active::get).anyMatch(item -> item != null
                && item.nature() == Nature.NEGATIVE && item.usableForPunishment() && !seriousEnough(item));
    }

    /**
     * What is wrong with the items the rule names, against the items in force ({@code active}, by code): each must
     * exist and be admitted on the list ({@link #admits}); empty when they all may.
     */
    public List<String> itemProblems(Map<String, ItemDefinition> active) {
        List<String> problems = new ArrayList<>();
        for (String code : itemCodes.stream().sorted().toList()) {
            ItemDefinition item = active.get(code);
            if (item == null) {
                problems.add("事项 " + code + " 不在信息目录中或未生效");
            } else if (!admits(listType, item)) {
                problems.add(switch (listType) {
                    case BLACK -> item.nature() != Nature.NEGATIVE
                            ? "事项「" + item.name() + "」不是失信信息，不能作为列入严重失信主体名单的依据"
                            : !item.usableForPunishment()
                            ? "事项「" + item.name() + "」不可用于惩戒（简易程序处罚、轻微且及时纠正等），不能作为列入严重失信主体名单的依据"
                            : "事项「" + item.name() + "」的严重程度不是“严重”，不能作为列入严重失信主体名单的依据"
                            + "（国办发〔2020〕49号；一般失信行为可列入重点关注名单）";
                    case GREY -> "事项「" + item.name() + "」不是失信信息，不能作为列入重点关注名单的依据";
                    case RED -> "事项「" + item.name() + "」不是守信信息，不能作为列入红名单的依据";
                });
            }
        }
        return problems;
    }

    /** What is wrong with the rule as a credit office clerk wrote it; empty when it may be saved. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (code == null || !code.matches("[A-Z][A-Z0-9_]{2,63}")) {
            problems.add("规则代码应为大写字母、数字和下划线（3–64 位）");
        }
        if (name == null || name.isBlank()) {
            problems.add("规则名称不能为空");
        }
        if (itemCodes.isEmpty()) {
            problems.add("至少引用一个目录事项");
        }
        if (legalBasis == null || legalBasis.isBlank()) {
            problems.add("必须写明认定依据（法律、法规或党中央、国务院政策文件）");
        }
        if (lacksSeriousGround()) {
            // RULES.md §7: the black list only on the four grounds of 国办发〔2020〕49号, each with its legal basis.
            problems.add("严重失信主体名单规则须选择国办发〔2020〕49号规定的严重失信情形");
        }
        if (validityMonths != null && (validityMonths < 1 || validityMonths > 120)) {
            problems.add("有效期应在 1–120 个月之间");
        } else if (listedByCourt() && validityMonths != null && validityMonths > COURT_LISTING_MONTHS) {
            // 法释〔2017〕7号第二条: two years; longer only by the court's decision, which its record carries.
            problems.add("失信被执行人名单的有效期不超过 " + COURT_LISTING_MONTHS
                    + " 个月（延长 1–3 年由法院依法决定，以法院报送的纳入期限截止日为准；留空则按法院决定的期限）");
        }
        if (noticeDays < 0 || noticeDays > 60) {
            problems.add("告知或公示天数应在 0–60 天之间");
        } else if (listType == ListType.BLACK && noticeDays < 1 && noticeRequired()) {
            // RULES.md §7 (国办发〔2020〕49号): written prior notice before listing, not together with its effect.
            problems.add("列入严重失信主体名单前须书面事先告知：告知天数至少 1 天（法院公布的失信被执行人除外）");
        } else if (listType == ListType.RED && noticeDays < 1) {
            // RULES.md §7 (《河南省社会信用条例》第二十八条): public notice before red-listing, open to objections.
            problems.add("列入红名单前须向社会公示：公示天数至少 1 天");
        }
        if ((conditionField == null || conditionField.isBlank()) != (conditionMin == null)) {
            problems.add("条件字段和最小值须同时填写或同时留空");
        }
        if (exitConditions == null || exitConditions.isBlank()) {
            problems.add("须写明移出条件");
        }
        return problems;
    }
}
