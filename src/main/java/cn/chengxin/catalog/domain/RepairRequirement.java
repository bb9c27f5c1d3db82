package cn.chengxin.catalog.domain;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What an item's repair asks of the applicant beyond the conditions every repair shares — proof of performance and a
 * signed 信用承诺书 (RULES.md §6: "any other legal requirement"; "Training and a credit report may be required by sector
 * rules"; issue #8: evidence of volunteer service, donations or training "as the item's rule asks"). Part of the item's
 * definition, so it is versioned with the item and changed only by maker-checker; the 信用修复告知书 and the form name
 * it, and an application without the material it asks for is refused.
 */
public enum RepairRequirement {

    /** A certificate of the credit-repair training (信用修复专题培训) the sector's rule asks for. */
    TRAINING("信用修复培训证明", Set.of("TRAINING")),

    /** A credit report (信用报告) on the applicant, as the sector's rule asks. */
    CREDIT_REPORT("信用报告", Set.of("CREDIT_REPORT")),

    /** Proof of volunteer service or of a charitable donation (志愿服务、慈善捐助：the seeds' ways of repair). */
    VOLUNTEER_OR_DONATION("志愿服务或慈善捐赠证明", Set.of("VOLUNTEER", "DONATION"));

    private final String label;
    private final Set<String> materials;

    RepairRequirement(String label, Set<String> materials) {
        this.label = label;
        this.materials = materials;
    }

    public String label() {
        return label;
    }

    /** The kinds of repair material any one of which meets the requirement. */
    public Set<String> materials() {
        return materials;
    }

    /** Whether materials of the kinds {@code kinds} include one that meets the requirement. */
    public boolean metBy(Collection<String> kinds) {
        return kinds.stream().anyMatch(materials::contains);
    }

    /** {@code requirements} as an unmodifiable set in declaration order; {@code null} reads as none. */
    public static Set<RepairRequirement> setOf(Collection<RepairRequirement> requirements) {
        if (requirements == null || requirements.isEmpty()) {
            return Collections.unmodifiableSet(EnumSet.noneOf(RepairRequirement.class));
        }
        return Collections.unmodifiableSet(EnumSet.copyOf(requirements));
    }
}
