package cn.chengxin.ingestion.domain;

import cn.chengxin.creditfile.RecordAction;

/**
 * A revocation (REVOKE) names the record it closes: the item, the subject, the department's own key and a higher
 * version (issue #4). It need not repeat the record: its content fields and decision date are optional, and the
 * credit file takes what it leaves out from the version it revokes. What it does give is checked as on any row.
 */
public final class Revocations {

    private Revocations() {
    }

    /** Whether a row of this action must carry the required content fields and the decision date. */
    public static boolean asksForContent(RecordAction action) {
        return action != RecordAction.REVOKE;
    }
}
