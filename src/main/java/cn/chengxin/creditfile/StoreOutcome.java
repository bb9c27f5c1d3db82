package cn.chengxin.creditfile;

import java.util.UUID;

/** What storing one record did: stored (with its record key), a replay (nothing written), or refused. */
public record StoreOutcome(Kind kind, UUID recordKey, String code, String message) {

    public enum Kind {
        STORED, DUPLICATE, REFUSED
    }

    static StoreOutcome stored(UUID key) {
        return new StoreOutcome(Kind.STORED, key, null, null);
    }

    static StoreOutcome duplicate(UUID key) {
        return new StoreOutcome(Kind.DUPLICATE, key, null, null);
    }

    /**
     * The refusal of a correction or revocation of a record its department never sent under that item for that
     * subject: the one problem of such a row, whether found before it is stored or when it is (issue #4).
     */
    public static StoreOutcome unknownRecord() {
        return refused("RECORD_UNKNOWN", "本部门未报送过该事项下该主体的这条记录（部门记录编号不存在）："
                + "更正（UPDATE）或撤销（REVOKE）须针对已报送的记录，新记录请以 ADD 报送");
    }

    /**
     * The refusal of a correction or revocation naming a record its department sent for another subject or under
     * another item: a version cannot move a record (each subject's file, lists and score hang on it, and the history
     * would read as if the record had always been the other's). The department revokes it where it is and adds the
     * record anew, under a key of its own since the revoked record keeps its key (issue #4).
     */
    public static StoreOutcome recordElsewhere() {
        return refused("RECORD_SUBJECT_OR_ITEM_CHANGED", "该部门记录编号已登记在本部门报送的另一主体或另一信息项下，"
                + "更正（UPDATE）和撤销（REVOKE）不能改变记录的主体或信息项：如需改到此主体或信息项，请先撤销原记录"
                + "（按原主体、原事项报送 REVOKE），再以新的部门记录编号新增（ADD）；只想撤销原记录的，请填写原主体和原事项");
    }

    /** The refusal of a correction or revocation of a revoked record ({@link VersionStates#refusal}). */
    static StoreOutcome recordRevoked() {
        return refused("RECORD_REVOKED", "该记录已撤销，不能再更正或撤销；如需重新公示，请以新的部门记录编号新增（ADD）");
    }

    /**
     * The refusal of a new record under an item withdrawn for a revoked basis, whose records are being withdrawn
     * ({@link CreditFile#store}): what ingestion refuses as ITEM_WITHDRAWN once it reads the withdrawal.
     */
    static StoreOutcome itemBasisRevoked() {
        return refused("ITEM_WITHDRAWN", "该目录事项所依据的法律法规已废止或失效，已废止并撤回其记录：不再接收新增记录");
    }

    /** The refusal of a correction or revocation of an archived record ({@link VersionStates#refusal}). */
    static StoreOutcome recordArchived() {
        return refused("RECORD_ARCHIVED", "该记录保存期满已归档，归档数据不再更正或撤销");
    }

    static StoreOutcome refused(String code, String message) {
        return new StoreOutcome(Kind.REFUSED, null, code, message);
    }
}
