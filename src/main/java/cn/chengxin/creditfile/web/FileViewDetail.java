package cn.chengxin.creditfile.web;

import java.util.Collection;
import java.util.TreeSet;

import cn.chengxin.audit.AuditDetail;
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
 * <p>
 * Recorded as a reason code and values (K7), named in the auditor's language by {@code audit.detail.FILE_VIEW*}: the
 * code says the range (all departments', the department's own, or its own and shared items'), the purpose is a
 * message key, the departments and items are codes.
 */
final class FileViewDetail {

    /** Shown where a list of codes is empty, or no department is named. */
    private static final String NONE = "—";

    private FileViewDetail() {
    }

    /**
     * The detail of a look-up that found the subject and showed {@code shown} under {@code scope}, withholding
     * {@code withheld} records the scope does not reach, and counting without details {@code notInForce} records of
     * the scope no longer shown (RULES.md §4, §6: expired, repaired, revoked, archived).
     */
    static AuditDetail of(StaffQueryPurpose purpose, DataScope scope, String departmentCode,
                          Collection<FileEntry> shown, int withheld, int notInForce) {
        TreeSet<String> departments = new TreeSet<>();
        TreeSet<String> items = new TreeSet<>();
        shown.forEach(e -> {
            departments.add(e.departmentCode());
            items.add(e.itemCode());
        });
        AuditDetail code = !scope.restricted() ? AuditDetail.of("FILE_VIEWED_ALL")
                : scope.othersItems().isEmpty() ? AuditDetail.of("FILE_VIEWED_OWN")
                : AuditDetail.of("FILE_VIEWED_SHARED");
        return range(code, purpose, scope, departmentCode).with("shown", shown.size())
                .with("departments", joined(departments))
                .with("items", joined(items)).with("notInForce", notInForce).with("withheld", withheld);
    }

    /** The detail of a look-up whose subject is not registered: nothing was shown. */
    static AuditDetail notFound(StaffQueryPurpose purpose, DataScope scope, String departmentCode) {
        AuditDetail code = !scope.restricted() ? AuditDetail.of("FILE_VIEW_NOT_REGISTERED_ALL")
                : scope.othersItems().isEmpty() ? AuditDetail.of("FILE_VIEW_NOT_REGISTERED_OWN")
                : AuditDetail.of("FILE_VIEW_NOT_REGISTERED_SHARED");
        return range(code, purpose, scope, departmentCode);
    }

    /**
     * The code of the range looked in with the purpose, then, for a department, its code, then the items whose
     * records other departments delivered that it was granted to read, if any.
     */
    private static AuditDetail range(AuditDetail code, StaffQueryPurpose purpose, DataScope scope,
                                     String departmentCode) {
        AuditDetail detail = code.withLabel("purpose", "console.subjects.purpose." + purpose.name());
        if (!scope.restricted()) {
            return detail;
        }
        detail = detail.with("department", departmentCode == null || departmentCode.isBlank() ? NONE : departmentCode);
        return scope.othersItems().isEmpty() ? detail
                : detail.with("sharedItems", joined(new TreeSet<>(scope.othersItems())));
    }

    private static String joined(Collection<String> codes) {
        return codes.isEmpty() ? NONE : String.join("、", codes);
    }
}
