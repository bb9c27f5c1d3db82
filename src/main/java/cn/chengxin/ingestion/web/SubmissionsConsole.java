package cn.chengxin.ingestion.web;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import cn.chengxin.audit.AuditLog;
import cn.chengxin.catalog.Catalogue;
import cn.chengxin.catalog.CatalogueItem;
import cn.chengxin.ingestion.FileSubmissions;
import cn.chengxin.shared.Ids;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import cn.chengxin.shared.web.ConsoleActions;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 数据报送 for a department operator: upload a file, watch its progress, download the error report. */
@Controller
@RequiresPermission(Permission.RECORD_SUBMIT)
class SubmissionsConsole {

    private final FileSubmissions files;
    private final Catalogue catalogue;
    private final ErrorReportDownloads reports;

    SubmissionsConsole(FileSubmissions files, Catalogue catalogue, ErrorReportDownloads reports) {
        this.files = files;
        this.catalogue = catalogue;
        this.reports = reports;
    }

    /** The department's batches, 30 a page, newest first; the page number is read as text (any value is a page). */
    @GetMapping("/console/submissions")
    String page(@RequestParam(defaultValue = "0") String page, Model model) {
        show(page, model);
        model.addAttribute("templateItems", remit());
        return "console/submissions";
    }

    /** The batches table alone, polled by the page while a batch runs. */
    @GetMapping("/console/submissions/table")
    String table(@RequestParam(defaultValue = "0") String page, Model model) {
        show(page, model);
        return "console/submissions :: table";
    }

    private void show(String page, Model model) {
        FileSubmissions.BatchPage shown = files.recent(department(), pageNumber(page));
        model.addAttribute("batches", shown.batches());
        model.addAttribute("batchPage", shown);
        model.addAttribute("percentsRead", files.percentsRead());
    }

    /** The active items the department delivers (its remit), by code: those it may download a template for. */
    private List<CatalogueItem> remit() {
        String department = department();
        if (department == null) {
            return List.of(); // staff of no department deliver nothing
        }
        return catalogue.active().stream().filter(i -> !i.withdrawn())
                .filter(i -> i.definition().providers().contains(department))
                .sorted(Comparator.comparing(CatalogueItem::code)).toList();
    }

    /**
     * A file to fill for one of the department's items: its header only, the fixed columns by their Chinese titles and
     * the item's fields by their labels, never a formula ({@link FileSubmissions#templateCsv}).
     * An item outside the department's remit has none (404), as its rows would be refused.
     */
    @GetMapping("/console/submissions/template.csv")
    void template(@RequestParam String item, HttpServletResponse response) throws IOException {
        CatalogueItem chosen = chosen(item);
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"template-" + chosen.code() + ".csv\"");
        response.getOutputStream().write(FileSubmissions.templateCsv(chosen.definition()));
    }

    /** The same template as a workbook whose columns are text ({@link FileSubmissions#templateXlsx}). */
    @GetMapping("/console/submissions/template.xlsx")
    void workbook(@RequestParam String item, HttpServletResponse response) throws IOException {
        CatalogueItem chosen = chosen(item);
        response.setContentType(ErrorReportDownloads.XLSX);
        response.setHeader("Content-Disposition", "attachment; filename=\"template-" + chosen.code() + ".xlsx\"");
        response.getOutputStream().write(FileSubmissions.templateXlsx(chosen.definition()));
    }

    /** The item of the department's remit chosen for a template; one outside it has none (404). */
    private CatalogueItem chosen(String item) {
        return remit().stream().filter(i -> i.code().equals(item)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static int pageNumber(String page) {
        return page.strip().matches("\\d{1,9}") ? Integer.parseInt(page.strip()) : 0;
    }

    /** The rows' problems a validated file shows on the page; the rest are counted (the API answers them all). */
    static final int VALIDATED_SHOWN = 200;

    /**
     * Uploads a file to be run, or with {@code validateOnly} (仅校验, gaps review xxxvii-api R8) checks it, stores
     * nothing and shows its rows' problems on the page ({@link FileSubmissions#validate}).
     */
    @PostMapping("/console/submissions")
    String upload(@RequestParam("file") MultipartFile file, @RequestParam(defaultValue = "false") boolean validateOnly,
                  RedirectAttributes redirect, Model model) throws IOException {
        if (validateOnly) {
            try {
                cn.chengxin.ingestion.BatchResult validated = files.validate(department(),
                        files.save(file.getInputStream(), file.getOriginalFilename()));
                model.addAttribute("validated", validated);
                model.addAttribute("validatedErrors", validated.errors().subList(0,
                        Math.min(VALIDATED_SHOWN, validated.errors().size())));
                model.addAttribute("validatedFile", file.getOriginalFilename());
                return page("0", model);
            } catch (RuntimeException e) {
                ConsoleActions.flashRefusal(redirect, e);
                return "redirect:/console/submissions";
            }
        }
        try {
            FileSubmissions.Upload upload = files.save(file.getInputStream(), file.getOriginalFilename());
            files.start(Ids.newId(), department(), upload);
            redirect.addFlashAttribute("successKey", "submissions.started");
        } catch (RuntimeException e) {
            ConsoleActions.flashRefusal(redirect, e);
        }
        return "redirect:/console/submissions";
    }

    @GetMapping("/console/submissions/{id}/errors.csv")
    void errorsCsv(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        reports.csv(id, department(), response);
    }

    @GetMapping("/console/submissions/{id}/errors.xlsx")
    void errorsXlsx(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        reports.xlsx(id, department(), response);
    }

    private static String department() {
        return AuditLog.currentActor().departmentCode();
    }
}
