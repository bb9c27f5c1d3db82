package cn.chengxin.listing.domain;

/**
 * Whose conduct a record is, for the lists (RULES.md §1, §7). An organisation's dishonesty is <em>recorded</em> also on
 * its legal representative, principal person in charge and directly responsible persons (RULES.md §1, Zhumadian
 * 三(二)): ingestion keeps a copy of the organisation's record in each one's file, under the organisation's item. The
 * copy is shown, reported and objected to as any record, but it is the organisation's conduct, not the person's: the
 * black list lists only the subject its legal basis names (RULES.md §7, 国办发〔2020〕49号; 法释〔2017〕7号 lists the
 * defaulting unit and names its representative, without making him a 失信被执行人), and the red list's
 * "出现失信记录即移出" and the three clean years of the green channel and 容缺受理 (RULES.md §7) are about the subject's
 * own dishonesty. So a copy proposes its holder for no list, ends none of his red entries and does not date his last
 * negative record. A measure meant to reach responsible persons (e.g. the court's 限制消费令, 法释〔2015〕17号) is a
 * measure with a basis of its own, not an entry resting on the copy.
 */
public final class OwnConduct {

    private OwnConduct() {
    }

    /** Whether a record is its holder's own conduct: not a responsible person's copy of an organisation's record. */
    public static boolean of(boolean linkedCopy) {
        return !linkedCopy;
    }
}
