package cn.chengxin.repair.domain;

import java.util.Optional;

import cn.chengxin.creditfile.RecordStatus;

/**
 * Why an open repair application ended without a decision on the repair (G8). RULES.md §6: repair ends the display of
 * a negative record still shown; once the record left display — revoked by its department or deleted by an objection
 * (RULES.md §5), its publication over (RULES.md §4), repaired another way (a linked copy repaired with its origin),
 * archived — nothing is left to repair. A record replaced by a new version (a correction, RULES.md §5) is not the record
 * the applicant proved performance of and signed the commitment for: they apply again for the version now shown. Either
 * way the application ends ({@code ENDED}) with the reason the applicant reads, rather than wait for a refusal that would
 * read as a negative decision. {@link #WITHDRAWN}: the applicant withdrew it.
 */
public enum RepairEnd {
    REVOKED("所涉记录已撤销，本申请终结，无需修复"),
    EXPIRED("所涉记录公示期满，已停止公示，本申请终结，无需修复"),
    REPAIRED("所涉记录已经其他途径修复，本申请终结，无需修复"),
    ARCHIVED("所涉记录已归档，不再公示，本申请终结，无需修复"),
    CHANGED("所涉记录已变更（提供单位报送了新的版本），本申请终结；如需修复，请就变更后的记录重新申请"),
    WITHDRAWN("申请人撤回申请");

    private final String reason;

    RepairEnd(String reason) {
        this.reason = reason;
    }

    /** The reason as kept with the application and told to the applicant (Chinese, as notices are stored). */
    public String reason() {
        return reason;
    }

    /**
     * What ends an open application whose record now stands in {@code status}: nothing while it is shown (有效, or
     * 异议中, which pauses it instead) and not replaced since the application was filed.
     *
     * @param replaced whether the record's current version was stored after the application was filed
     */
    public static Optional<RepairEnd> of(RecordStatus status, boolean replaced) {
        return switch (status) {
            case REVOKED, DECLINED -> Optional.of(REVOKED);
            case EXPIRED -> Optional.of(EXPIRED);
            case REPAIRED -> Optional.of(REPAIRED);
            case ARCHIVED -> Optional.of(ARCHIVED);
            case CORRECTED -> Optional.of(CHANGED);
            case ACTIVE, IN_DISPUTE -> replaced ? Optional.of(CHANGED) : Optional.empty();
        };
    }
}
