package cn.chengxin.account;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a system administrator proposed and a security administrator decides (RULES.md §10: granting access is the
 * security administrator's work): a department's two scopes, with the duty they serve, or a new department of the
 * credit office's kind, which sees every record.
 *
 * @param departmentId the department whose scopes change; null for a new credit office
 * @param proposedBy   the proposer's staff user id, which the decider's is compared with
 */
public record DepartmentProposal(UUID id, Kind kind, UUID departmentId, String code, String name,
                                 List<String> dataScope, List<String> sharedReadScope, String reason,
                                 String proposedBy, String proposerName, Instant proposedAt, Status status) {

    public DepartmentProposal {
        dataScope = List.copyOf(dataScope);
        sharedReadScope = List.copyOf(sharedReadScope);
    }

    public enum Kind {
        /** A department's data scope and shared-read scope, replaced as a whole. */
        SCOPE,
        /** A department of the credit office's kind (there is only ever one). */
        CREDIT_OFFICE,
        /** A department of the seeded list the city does not have: 未设立 (gaps review xliii X11). */
        NOT_ESTABLISHED,
        /** A department marked 未设立 that the city has set up since: the mark undone. */
        ESTABLISHED
    }

    public enum Status {
        PENDING, APPROVED, REJECTED
    }
}
