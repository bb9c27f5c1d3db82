package cn.chengxin.catalog.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The withdrawal (废止) of an item when the city revises its catalogue: proposed by one person with the reason and the
 * document that revised the catalogue, approved by another ({@link FourEyes}), as every change of an item is.
 * <p>
 * Nothing is collected outside the catalogue (RULES.md §2), so a withdrawn item takes no new record. Withdrawal is no
 * retroactive deletion: the records delivered under the item keep their state and their windows (§4), and its
 * departments may still correct and revoke them — a factual error must stay correctable and a revoked decision
 * revocable (§5) whatever became of the item.
 *
 * @param reason why the item goes (shown to staff with the version)
 * @param basis  the document of the catalogue revision, e.g. 《某市公共信用信息补充目录（2026年版）》
 */
public record Withdrawal(String reason, String basis) {

    static final int LONGEST_REASON = 500;
    static final int LONGEST_BASIS = 300;

    /** What a proposal must state: a reason and the revision's document, each of a readable length. */
    public static List<ItemRules.Violation> forProposal(String reason, String basis) {
        List<ItemRules.Violation> out = new ArrayList<>();
        if (reason == null || reason.strip().length() < 4) {
            out.add(new ItemRules.Violation("WITHDRAWAL_REASON_MISSING", "reason", "废止须说明理由（至少 4 个字）"));
        } else if (reason.strip().length() > LONGEST_REASON) {
            out.add(new ItemRules.Violation("WITHDRAWAL_REASON_TOO_LONG", "reason",
                    "废止理由不超过 " + LONGEST_REASON + " 字"));
        }
        if (basis == null || basis.strip().length() < 4) {
            out.add(new ItemRules.Violation("WITHDRAWAL_BASIS_MISSING", "basis",
                    "废止须写明依据：修订目录的文件（文号或名称）"));
        } else if (basis.strip().length() > LONGEST_BASIS) {
            out.add(new ItemRules.Violation("WITHDRAWAL_BASIS_TOO_LONG", "basis",
                    "废止依据不超过 " + LONGEST_BASIS + " 字"));
        }
        return out;
    }

    /**
     * Whether a withdrawn item takes a row: a correction or revocation of a record delivered before, yes; a new
     * record ({@code startsARecord}), no (RULES.md §2, §5).
     */
    public static boolean takes(boolean startsARecord) {
        return !startsARecord;
    }
}
