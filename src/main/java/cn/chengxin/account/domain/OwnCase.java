package cn.chengxin.account.domain;

/**
 * 回避: an official does not handle a case in which they are the party (《中华人民共和国公务员法》第七十六条: 涉及本人利害关系的
 * 应当回避; 《中华人民共和国行政许可法》第四十八条 and 《中华人民共和国行政处罚法》第四十三条 likewise). A clerk who is the subject of a
 * repair, an objection or a list entry neither proposes nor decides any step of it (RULES.md §5, §6, §7; issue #8: "a
 * reviewer approving a repair they applied for themselves → refused"). The clerk is known by the blind index of the
 * identity number registered with their staff account, the case by its subject's pseudonym: the same index, so equal
 * values are the same person. A clerk whose number was never registered cannot be recognised and is not refused.
 */
public final class OwnCase {

    private OwnCase() {
    }

    /**
     * @param clerkIndex       the blind index registered with the acting staff account, {@code null} when none is
     * @param subjectPseudonym the pseudonym of the case's subject
     * @return whether the clerk must stand aside
     */
    public static boolean mustStandAside(String clerkIndex, String subjectPseudonym) {
        return clerkIndex != null && subjectPseudonym != null && clerkIndex.equalsIgnoreCase(subjectPseudonym);
    }
}
