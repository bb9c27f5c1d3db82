package cn.chengxin.ingestion.web;

import java.util.UUID;
import java.util.regex.Pattern;

import cn.chengxin.audit.AuditLog;
import cn.chengxin.ingestion.FileSubmissions;
import cn.chengxin.ingestion.RejectedRows;
import cn.chengxin.ingestion.RejectionPage;
import cn.chengxin.ingestion.Submissions;
import cn.chengxin.ingestion.persistence.JdbcBatches;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * One batch in 数据报送: its figures, its progress while it runs, why it stopped if it did, its rejected rows a
 * page at a time, by code, and the warnings of rows it accepted. Only the department that submitted it sees it (404 otherwise).
 */
@Controller
@RequiresPermission(Permission.RECORD_SUBMIT)
class BatchConsole {

    /** What an address bar may hold: a page number too long for a long is the last page, not an error page. */
    private static final Pattern HUGE = Pattern.compile("\\d{19,}");

    private final FileSubmissions files;
    private final RejectedRows rejectedRows;
    private final Submissions submissions;

    BatchConsole(FileSubmissions files, RejectedRows rejectedRows, Submissions submissions) {
        this.files = files;
        this.rejectedRows = rejectedRows;
        this.submissions = submissions;
    }

    /** The id and page arrive as text: a malformed one is answered 404 or page 1, never as a server error. */
    @GetMapping("/console/submissions/{id}")
    String batch(@PathVariable String id, @RequestParam(defaultValue = "") String code,
                 @RequestParam(defaultValue = "0") String page, Model model) {
        UUID batchId = batchId(id);
        JdbcBatches.Summary batch = files.batch(batchId, department()).orElseThrow(BatchConsole::notFound);
        RejectionPage rejections = rejectedRows.page(batchId, department(), code, pageNumber(page))
                .orElseThrow(BatchConsole::notFound);
        show(batch, model);
        model.addAttribute("rejections", rejections);
        // Beside the errors, what its department should know of rows accepted all the same (SUBJECT_FORMER_NAME): by
        // line and its own key, no number, as the rows were taken.
        model.addAttribute("warnings", submissions.warnings(batchId, department()).orElseThrow(BatchConsole::notFound));
        return "console/submission";
    }

    /**
     * The figures alone, polled by the page while the batch runs. Once it has ended the page is reloaded
     * (htmx's HX-Refresh), so that it shows every rejected row and stops polling.
     */
    @GetMapping("/console/submissions/{id}/figures")
    String figures(@PathVariable String id, Model model, HttpServletResponse response) {
        JdbcBatches.Summary batch = files.batch(batchId(id), department()).orElseThrow(BatchConsole::notFound);
        if (!"RUNNING".equals(batch.status())) {
            response.setHeader("HX-Refresh", "true");
        }
        show(batch, model);
        return "console/submission :: figures";
    }

    private static void show(JdbcBatches.Summary batch, Model model) {
        model.addAttribute("batch", batch);
        // The batch is the viewer's own department's: its name is the viewer's.
        model.addAttribute("departmentName", AuditLog.currentActor().organisation());
    }

    private static UUID batchId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw notFound();
        }
    }

    static long pageNumber(String page) {
        String p = page.strip();
        if (HUGE.matcher(p).matches()) {
            return Long.MAX_VALUE;
        }
        try {
            return Long.parseLong(p);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    private static String department() {
        return AuditLog.currentActor().departmentCode();
    }
}
