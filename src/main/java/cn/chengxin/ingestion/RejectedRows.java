package cn.chengxin.ingestion;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.ingestion.persistence.JdbcRejections;
import cn.chengxin.shared.security.StaffQueryPurpose;
import org.springframework.stereotype.Service;

/**
 * A batch's rejected rows on screen, a page at a time and by code, for the department that submitted it only
 * (as its result and error report). The rows show the numbers they were sent with, masked: still a look at
 * people's data, so a page that shows any is audited (RULES.md §10).
 */
@Service
public class RejectedRows {

    public static final int PAGE_SIZE = 50;
    /** Rejection codes are upper-case words; anything else asked for is no filter. */
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

    private final Submissions submissions;
    private final JdbcRejections rejections;
    private final AuditLog audit;

    RejectedRows(Submissions submissions, JdbcRejections rejections, AuditLog audit) {
        this.submissions = submissions;
        this.rejections = rejections;
        this.audit = audit;
    }

    /**
     * @param code the code to filter by; blank or not a code: every code
     * @param page from 0; clamped to the pages there are, so that any number asked for shows a page
     * @return empty when the batch does not exist or is another department's
     */
    public Optional<RejectionPage> page(UUID batchId, String departmentCode, String code, long page) {
        if (submissions.owned(batchId, departmentCode).isEmpty()) {
            return Optional.empty();
        }
        String filter = code != null && CODE.matcher(code.strip()).matches() ? code.strip() : null;
        long total = rejections.count(batchId, filter);
        long last = Math.max(0, (total - 1) / PAGE_SIZE);
        int shown = (int) Math.min(Math.max(0, page), last);
        List<RowError> rows = rejections.page(batchId, filter, (long) shown * PAGE_SIZE, PAGE_SIZE);
        if (!rows.isEmpty()) {
            audit.record(AuditEntry.of(AuditCategory.QUERY, "ingestion.rejections.view")
                    .purpose(StaffQueryPurpose.DATA_QUALITY.label(), StaffQueryPurpose.DATA_QUALITY.legalBasis())
                    .detail(String.format("batch %s: page %d%s, %d rows", batchId, shown + 1,
                            filter == null ? "" : " of " + filter, rows.size())));
        }
        return Optional.of(new RejectionPage(rows, rejections.codes(batchId), filter, total, shown, PAGE_SIZE));
    }
}
