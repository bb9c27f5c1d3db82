package cn.chengxin.repair.domain;

import java.util.Collection;
import java.util.List;

import cn.chengxin.catalog.domain.RepairRequirement;

/**
 * Whether an application brings what the item's repair asks for (RULES.md §6: "any other legal requirement";
 * "Training and a credit report may be required by sector rules"): each of the item version's
 * {@link RepairRequirement}s is met by a material of one of its kinds; proof of performance, which every repair asks
 * for, is checked on its own.
 */
public final class RequiredMaterials {

    private RequiredMaterials() {
    }

    /** The requirements of {@code required} that none of the materials of the kinds {@code kinds} meets, in order. */
    public static List<RepairRequirement> missing(Collection<RepairRequirement> required, Collection<String> kinds) {
        return RepairRequirement.setOf(required).stream().filter(r -> !r.metBy(kinds)).toList();
    }
}
