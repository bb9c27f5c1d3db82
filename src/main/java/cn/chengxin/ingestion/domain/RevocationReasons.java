package cn.chengxin.ingestion.domain;

import java.util.Optional;

import cn.chengxin.creditfile.RecordAction;

/**
 * Why a department revokes its record (撤销原因, issue #4), such as 原处罚决定已被复议撤销: kept with the revoked version
 * and shown with it, to the credit office's staff, to auditors and to the subject, who is owed the reason a record
 * about them was withdrawn (RULES.md §5, PIPL Art. 50). It is optional and checked as the record's other free text is:
 * within a length, and holding nothing the platform must not take in ({@link ForbiddenContent}), as it is shown as
 * written.
 * Only a revocation carries one: on a row that adds or corrects a record nothing would keep it, and such a row most
 * likely meant REVOKE, so it is refused rather than silently dropped.
 */
public final class RevocationReasons {

    static final int MAX_LENGTH = 200;

    private RevocationReasons() {
    }

    /** As stored and shown: without surrounding white space; {@code null} when there is none. */
    public static String normalised(String text) {
        return FreeText.normalised(text);
    }

    /** @param action what the row does; empty when it says something else, which is its own problem */
    public static Optional<FreeText.Problem> check(Optional<RecordAction> action, String text) {
        if (normalised(text) != null && action.isPresent() && action.get() != RecordAction.REVOKE) {
            return Optional.of(new FreeText.Problem("REVOCATION_REASON_WITHOUT_REVOKE",
                    "撤销原因只能填写在撤销（REVOKE）行，新增和更正不保存撤销原因：如要撤销该记录，请将操作填为 REVOKE"));
        }
        return FreeText.check(text, "撤销原因", MAX_LENGTH, "REVOCATION_REASON_TOO_LONG");
    }
}
