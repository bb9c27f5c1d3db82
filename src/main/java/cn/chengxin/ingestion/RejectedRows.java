package cn.chengxin.ingestion;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.ingestion.persistence.JdbcRejections;
import cn.chengxin.shared.security.StaffQueryPurpose;
import org.springframework.stereotype.Service;

/**
 * A batch's rejected rows on screen, a page at a time and by code, for the department that submitted it only
 * (as its result and error report). The rows show the numbers they were sent with, masked: still a look at
 * people's data, so a page, an error report or a page of the API that shows any is audited (RULES.md §10).
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
            audited("ingestion.rejections.view", AuditDetail.of(filter == null ? "REJECTIONS_VIEWED"
                    : "REJECTIONS_VIEWED_OF_CODE").with("batch", batchId).with("page", shown + 1)
                    .with("rows", rows.size()).with("code", filter));
        }
        return Optional.of(new RejectionPage(rows, rejections.codes(batchId), filter, total, shown, PAGE_SIZE));
    }

    /**
     * Every problem of the batch's rejected rows, then every warning of its accepted rows, for its error report (CSV or
     * XLSX, in the console or through the API): the same masked numbers as the pages, all at once, so a report of any
     * is audited as a page is.
     *
     * @return empty when the batch does not exist or is another department's
     */
    public Optional<Iterable<RowError>> report(UUID batchId, String departmentCode, String format) {
        Optional<Iterable<RowError>> all = submissions.reportRows(batchId, departmentCode);
        if (all.isPresent()) {
            long problems = rejections.count(batchId, null);
            long warnings = submissions.warningCount(batchId);
            if (problems > 0 || warnings > 0) {
                // A report of warnings only is audited too; the warnings get their own code so that the label of
                // events stored before (three values) stays right.
                audited("ingestion.rejections.report", warnings == 0
                        ? AuditDetail.of("REJECTIONS_REPORTED").with("batch", batchId).with("format", format)
                                .with("problems", problems)
                        : AuditDetail.of("REJECTIONS_AND_WARNINGS_REPORTED").with("batch", batchId)
                                .with("format", format).with("problems", problems).with("warnings", warnings));
            }
        }
        return all;
    }

    /**
     * A page of the problems of the batch's rejected rows for the department's system ({@link Submissions#errors}),
     * audited as a page on screen is.
     *
     * @return empty when the batch does not exist or is another department's
     */
    public Optional<List<RowError>> listed(UUID batchId, String departmentCode, long afterLine, int limit) {
        Optional<List<RowError>> page = submissions.errors(batchId, departmentCode, afterLine, limit);
        page.filter(rows -> !rows.isEmpty()).ifPresent(rows -> audited("ingestion.rejections.list",
                AuditDetail.of("REJECTIONS_LISTED").with("batch", batchId).with("after", Math.max(0, afterLine))
                        .with("problems", rows.size())));
        return page;
    }

    /** K7: the detail as a reason code and values, worded on 审计日志 in the reader's language. */
    private void audited(String action, AuditDetail detail) {
        audit.record(AuditEntry.of(AuditCategory.QUERY, action)
                .purpose(StaffQueryPurpose.DATA_QUALITY.label(), StaffQueryPurpose.DATA_QUALITY.legalBasis())
                .detail(detail));
    }
}
