package cn.chengxin.ingestion.web;

import java.io.IOException;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import cn.chengxin.ingestion.BatchFailure;
import cn.chengxin.ingestion.BatchResult;
import cn.chengxin.ingestion.FileSubmissions;
import cn.chengxin.ingestion.RejectedRows;
import cn.chengxin.ingestion.parsing.ErrorReports;
import cn.chengxin.ingestion.parsing.RowError;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * A batch's error report as a file (CSV or XLSX, formula-like cells neutralised), the same for the department's clerk
 * in the console and for its system through the API: the rejected rows and, for a batch that stopped, the line where
 * it stopped and why. Only for the department that submitted the batch; another's is as if it did not exist.
 */
@Component
class ErrorReportDownloads {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final FileSubmissions files;
    private final RejectedRows rejectedRows;

    ErrorReportDownloads(FileSubmissions files, RejectedRows rejectedRows) {
        this.files = files;
        this.rejectedRows = rejectedRows;
    }

    void csv(UUID id, String department, HttpServletResponse response) throws IOException {
        Iterable<RowError> errors = errors(id, department, "csv");
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"errors-" + id + ".csv\"");
        ErrorReports.writeCsv(response.getOutputStream(), ErrorReports.DEFAULT_HEADERS, errors);
    }

    void xlsx(UUID id, String department, HttpServletResponse response) throws IOException {
        Iterable<RowError> errors = errors(id, department, "xlsx");
        response.setContentType(XLSX);
        response.setHeader("Content-Disposition", "attachment; filename=\"errors-" + id + ".xlsx\"");
        ErrorReports.writeXlsx(response.getOutputStream(), ErrorReports.DEFAULT_HEADERS, errors);
    }

    /**
     * The clerk fixes the file from this one report. The line where a batch stopped comes last, as every row before it
     * was read. The rows are read a page at a time while the report is written.
     */
    private Iterable<RowError> errors(UUID id, String department, String format) {
        Iterable<cn.chengxin.ingestion.RowError> rejected = rejectedRows.report(id, department, format)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        BatchFailure failure = files.result(id, department).map(BatchResult::failure).orElse(null);
        Stream<RowError> rows = StreamSupport.stream(rejected.spliterator(), false)
                .map(e -> new RowError(e.line(), e.field(), e.code(), e.message(), e.sourceRecordId(),
                        e.maskedNumber()));
        if (failure == null) {
            return rows::iterator;
        }
        RowError stop = new RowError(failure.line() == null ? 0 : failure.line(), null, failure.code(),
                failure.reason());
        return Stream.concat(rows, Stream.of(stop))::iterator;
    }
}
