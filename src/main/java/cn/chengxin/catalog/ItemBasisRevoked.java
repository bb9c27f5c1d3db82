package cn.chengxin.catalog;

/**
 * Published, in the approval's transaction, when a checker approves the withdrawal (废止) of an item whose legal basis
 * was revoked ({@link cn.chengxin.catalog.domain.Withdrawal.Kind#BASIS_REVOKED}): the records delivered under the item
 * are to be withdrawn within 1 working day (RULES.md §5, Henan Art. 42). {@link ItemVersionApproved} is published for
 * the same version too. Read the reason each record is to show from {@link Catalogue#basisRevocation}, and report
 * progress with {@link Catalogue#countRecordsWithdrawn}.
 */
public record ItemBasisRevoked(String code, int version) {
}
