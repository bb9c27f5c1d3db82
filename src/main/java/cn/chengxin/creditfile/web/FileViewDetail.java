package cn.chengxin.creditfile.web;

import java.util.Collection;
import java.util.TreeSet;

import cn.chengxin.creditfile.FileEntry;
import cn.chengxin.shared.security.DataScope;
import cn.chengxin.shared.security.StaffQueryPurpose;

/**
 * What the {@code creditfile.view} audit event says of a look at a subject's file: the purpose the staff member gave
 * and what was shown — all records, or those of the staff member's department's data scope — with the departments and
 * items of the records shown (RULES.md §9: staff queries are logged with their content and purpose; §10: department
 * data scope). Never the identity number looked up: the event names the subject by pseudonym only.
 */
final class FileViewDetail {

    private FileViewDetail() {
    }

    /** The detail of a look-up that found the subject and showed {@code shown} under {@code scope}. */
    static String of(StaffQueryPurpose purpose, DataScope scope, String departmentCode, Collection<FileEntry> shown) {
        TreeSet<String> departments = new TreeSet<>();
        TreeSet<String> items = new TreeSet<>();
        shown.forEach(e -> {
            departments.add(e.departmentCode());
            items.add(e.itemCode());
        });
        StringBuilder detail = new StringBuilder(prefix(purpose, scope, departmentCode))
                .append("；显示 ").append(shown.size()).append(" 条");
        if (!shown.isEmpty()) {
            detail.append("，来自 ").append(String.join("、", departments))
                    .append("，事项 ").append(String.join("、", items));
        }
        return detail.toString();
    }

    /** The detail of a look-up whose subject is not registered: nothing was shown. */
    static String notFound(StaffQueryPurpose purpose, DataScope scope, String departmentCode) {
        return prefix(purpose, scope, departmentCode) + "；未登记，无记录显示";
    }

    private static String prefix(StaffQueryPurpose purpose, DataScope scope, String departmentCode) {
        String range = scope.restricted()
                ? "本部门（" + (departmentCode == null || departmentCode.isBlank() ? "无部门" : departmentCode)
                        + "）数据范围内的记录"
                : "全部部门的记录";
        return "用途：" + purpose.label() + "；范围：" + range;
    }
}
