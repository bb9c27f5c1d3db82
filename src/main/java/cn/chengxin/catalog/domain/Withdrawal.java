package cn.chengxin.catalog.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The withdrawal (废止) of an item: proposed by one person with its kind, the reason and the document it rests on,
 * approved by another ({@link FourEyes}), as every change of an item is.
 * <p>
 * Nothing is collected outside the catalogue (RULES.md §2), so a withdrawn item takes no new record, whatever the kind.
 * What becomes of the records delivered under it depends on why the item goes ({@link Kind}):
 * <ul>
 * <li>{@link Kind#REVISION} (目录修订): no retroactive deletion. The records keep their state and their windows (§4),
 * and its departments may still correct and revoke them — a factual error must stay correctable and a revoked decision
 * revocable (§5) whatever became of the item.</li>
 * <li>{@link Kind#BASIS_REVOKED} (依据废止/失效): the law or regulation the item rested on was repealed or declared
 * invalid, so nothing collected under it may be shown or used any longer: its records are withdrawn within 1 working
 * day of the notice (§5, Henan Art. 42), each with the revoking document as its reason
 * ({@link #recordRevocationReason()}).</li>
 * </ul>
 *
 * @param reason why the item goes (shown to staff with the version)
 * @param basis  the document the withdrawal rests on: the catalogue's revision, e.g. 《某市公共信用信息补充目录（2026年版）》,
 *               or the one that revoked the item's legal basis, e.g. 《某省人民代表大会常务委员会关于废止〈某条例〉的决定》
 * @param kind   why the item goes: what becomes of its records
 */
public record Withdrawal(String reason, String basis, Kind kind) {

    static final int LONGEST_REASON = 500;
    static final int LONGEST_BASIS = 300;

    /** Why an item is withdrawn; the label is how staff read it. */
    public enum Kind {
        /** The catalogue was revised and no longer lists the item: its records stay as they are. */
        REVISION("目录修订"),
        /** The item's legal basis was repealed or declared invalid: its records are withdrawn (RULES.md §5). */
        BASIS_REVOKED("依据废止/失效");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A revision's withdrawal, as every withdrawal was before the kind was asked. */
    public Withdrawal(String reason, String basis) {
        this(reason, basis, Kind.REVISION);
    }

    /** A revision's proposal (the kind most withdrawals are): see {@link #forProposal(String, String, Kind)}. */
    public static List<ItemRules.Violation> forProposal(String reason, String basis) {
        return forProposal(reason, basis, Kind.REVISION);
    }

    /**
     * What a proposal must state: its kind, a reason and the document it rests on, each of a readable length. A
     * withdrawal for a revoked basis withdraws every record of the item, each telling its subject which document
     * revoked the basis: the document must be named, as a revision's must.
     */
    public static List<ItemRules.Violation> forProposal(String reason, String basis, Kind kind) {
        List<ItemRules.Violation> out = new ArrayList<>();
        if (kind == null) {
            out.add(new ItemRules.Violation("WITHDRAWAL_KIND_MISSING", "kind",
                    "废止须选择原因：目录修订，或所依据的法律法规废止/失效"));
        }
        if (reason == null || reason.strip().length() < 4) {
            out.add(new ItemRules.Violation("WITHDRAWAL_REASON_MISSING", "reason", "废止须说明理由（至少 4 个字）"));
        } else if (reason.strip().length() > LONGEST_REASON) {
            out.add(new ItemRules.Violation("WITHDRAWAL_REASON_TOO_LONG", "reason",
                    "废止理由不超过 " + LONGEST_REASON + " 字"));
        }
        if (basis == null || basis.strip().length() < 4) {
            out.add(new ItemRules.Violation("WITHDRAWAL_BASIS_MISSING", "basis", kind == Kind.BASIS_REVOKED
                    ? "依据废止/失效的，须写明废止或宣布失效的文件（文号或名称）"
                    : "废止须写明依据：修订目录的文件（文号或名称）"));
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

    /**
     * Whether approving this withdrawal withdraws the records delivered under the item: only when their legal basis
     * was revoked (RULES.md §5, Henan Art. 42); a revision keeps them with their windows (§4).
     */
    public boolean withdrawsRecords() {
        return kind == Kind.BASIS_REVOKED;
    }

    /**
     * Why each record withdrawn with the item was revoked, as its subject reads it on their file (撤销原因): the basis
     * was revoked, by the document named. Refused for a revision, which withdraws no record.
     */
    public String recordRevocationReason() {
        if (!withdrawsRecords()) {
            throw new IllegalStateException("a revision of the catalogue withdraws no record");
        }
        return "所依据的法律法规已废止或失效（" + basis.strip() + "），该信息不再展示和使用";
    }
}
