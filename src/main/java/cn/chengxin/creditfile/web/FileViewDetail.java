package cn.chengxin.creditfile.web;

import java.util.Collection;
import java.util.TreeSet;

import cn.chengxin.creditfile.FileEntry;
import cn.chengxin.shared.security.DataScope;
import cn.chengxin.shared.security.StaffQueryPurpose;

/**
 * What the {@code creditfile.view} audit event says of a look at a subject's file: the purpose the staff member gave
 * and what was shown — all records, or those of the staff member's department's data scope: its own records of the
 * items of its scope, and other departments' records of the items it was granted to read, which the detail names —
 * with the departments and items of the records shown, how many were withheld, and how many no longer shown were
 * only counted (RULES.md §4, §6; §9: staff queries are logged with their content and purpose; §10: department
 * data scope). Never the identity number looked up: the event names the subject by pseudonym only.
 */
final class FileViewDetail {

    private FileViewDetail() {
    }

    /**
     * The detail of a look-up that found the subject and showed {@code shown} under {@code scope}, withholding
     * {@code withheld} records the scope does not reach, and counting without details {@code notInForce} records of
     * the scope no longer shown (RULES.md §4, §6: expired, repaired, revoked, archived).
     */
    static String of(StaffQueryPurpose purpose, DataScope scope, String departmentCode, Collection<FileEntry> shown,
                     int withheld, int notInForce) {
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
        if (notInForce > 0) {
            detail.append("；已停止公示等仅计数 ").append(notInForce).append(" 条");
        }
        if (withheld > 0) {
            detail.append("；范围外未显示 ").append(withheld).append(" 条");
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
                        + "）报送的数据范围内事项记录" + othersRead(scope)
                : "全部部门的记录";
        return "用途：" + purpose.label() + "；范围：" + range;
    }

    /** The items whose records other departments delivered that the department was granted to read, if any. */
    private static String othersRead(DataScope scope) {
        return scope.othersItems().isEmpty() ? ""
                : "，及他部门报送的共享查阅事项 " + String.join("、", new TreeSet<>(scope.othersItems())) + " 的记录";
    }
}
