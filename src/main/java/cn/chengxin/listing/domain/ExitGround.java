package cn.chengxin.listing.domain;

import java.util.Optional;

import cn.chengxin.catalog.domain.RepairAuthority;

/**
 * Why a reviewer proposes to take an entry off its list by hand (移出), from a closed list: issue #5 names the exits
 * (expiry, repair, objection upheld, basis revoked), and RULES.md §7 lists no one without a legal basis, so no one is
 * taken off without one either. Each ground but {@link #OTHER} names the document it rests on ({@code reference}): the
 * objection decision, the repair application, the revoking decision, or the issuer's own document number; every
 * proposal gives its reasons. The exit notice and the entry's page quote the ground in its Chinese label.
 */
public enum ExitGround {

    OBJECTION_UPHELD("异议成立"),
    REPAIRED("信用修复"),
    BASIS_REVOKED("认定依据被撤销"),
    ISSUER_REMOVED("作出机关决定移出"),
    OTHER("其他依法移出的情形"),
    /**
     * The person corrected the dishonest conduct within the prior notice period and proved it (驻政办〔2017〕102号
     * 四(三): "对在规定期限内纠正失信行为的，不再作为联合惩戒对象"; RULES.md §7): only before a black-list entry takes
     * effect ({@link #onlyInNotice}); its reference is the proof's (a tax receipt, a payment voucher). Filed by the
     * person in self-service or at the counter, it holds the entry's effect until decided.
     */
    CORRECTED_IN_NOTICE("告知期内纠正失信行为");

    /** The longest document number a proposal names, as the table keeps it. */
    public static final int MAX_REFERENCE = 200;

    private final String label;

    ExitGround(String label) {
        this.label = label;
    }

    /** The ground in Chinese, as the exit notice and the audit log (kept in Chinese) quote it. */
    public String label() {
        return label;
    }

    /** Whether the ground rests on a document whose number the proposal must give. */
    public boolean needsReference() {
        return this != OTHER;
    }

    /** Whether the ground ends only an entry in its prior notice period, before it takes effect. */
    public boolean onlyInNotice() {
        return this == CORRECTED_IN_NOTICE;
    }

    /** Why a proposal on this ground is incomplete, if it is: its document number missing or too long. */
    public Optional<String> referenceProblem(String reference) {
        boolean blank = reference == null || reference.isBlank();
        if (needsReference() && blank) {
            return Optional.of("「" + label + "」须写明所依据的文书号或编号");
        }
        if (!blank && reference.strip().length() > MAX_REFERENCE) {
            return Optional.of("文书号或编号不能超过 " + MAX_REFERENCE + " 个字");
        }
        return Optional.empty();
    }

    /**
     * Why an entry resting on a record of an item whose end another authority decides is not taken off by hand, if it
     * is not (RULES.md §7: a court defaulter is removed by the court within 3 working days after performance; a sector
     * list by its department): the issuer deletes or revokes its record, and the entry ends with it by itself — as a
     * repair of such a record is refused (REPAIR_BY_OTHER_AUTHORITY). Empty for the platform's own items.
     */
    public static Optional<String> refusalFor(RepairAuthority authority) {
        if (authority == null || authority.platform()) {
            return Optional.empty();
        }
        String issuer = switch (authority) {
            case COURT -> "人民法院";
            case LISTING_DEPARTMENT -> "作出列入决定的部门";
            case PLATFORM -> throw new IllegalStateException();
        };
        return Optional.of("该条目所依据的信用记录由" + issuer + "作出，是否移出由" + issuer + "决定：由其删除、撤销或更正该记录后，"
                + "平台自动移出名单，信用办不能手工移出");
    }
}
