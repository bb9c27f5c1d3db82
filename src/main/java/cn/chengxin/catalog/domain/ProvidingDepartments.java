package cn.chengxin.catalog.domain;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * An item's providing departments (数据提供单位, RULES.md §2) are departments of the directory: records of an item are
 * taken only from a department whose remit includes it, so a code no department has (a typo such as MARKT) would
 * pass maker and checker and activate an item nobody can submit to. Checked when a version is saved; a code the
 * version in force already names is kept as stored, for the base catalogue is seeded before the departments exist.
 */
public final class ProvidingDepartments {

    private ProvidingDepartments() {
    }

    /** A violation for each of the item's codes that is neither a department nor named by the version in force. */
    public static List<ItemRules.Violation> unknown(ItemDefinition d, Set<String> departments,
                                                    Collection<String> inForce) {
        return d.providers().stream().filter(code -> !departments.contains(code) && !inForce.contains(code))
                .map(code -> new ItemRules.Violation("PROVIDER_UNKNOWN", "providers", "数据提供单位「" + code
                        + "」不是部门管理中的部门：请核对部门代码，或请系统管理员先新建该部门"))
                .toList();
    }
}
