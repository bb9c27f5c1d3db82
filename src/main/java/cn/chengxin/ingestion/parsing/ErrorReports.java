package cn.chengxin.ingestion.parsing;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import cn.chengxin.shared.files.FormulaNeutraliser;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes the error report a department downloads after an upload: one line per {@link RowError}, in the
 * columns 行号, 部门记录编号, 证件号码（脱敏）, 字段, 错误代码, 说明, as CSV or XLSX. The clerk fixing the rows works
 * in the department's own system, so each row is named by the department's key and the masked number beside its
 * line; a row rejected before its key was read has those cells empty. Reports are opened in Excel or WPS by clerks,
 * so every cell goes through {@link FormulaNeutraliser} and is written as text: a report must never run a formula.
 *
 * <p>{@code headers} are the six column titles (for another language, say); pass an empty list for
 * {@link #DEFAULT_HEADERS}. The output stream is flushed, never closed (it belongs to the caller, typically
 * the HTTP response); a failure to write it is an {@link UncheckedIOException}.
 */
public final class ErrorReports {

    public static final List<String> DEFAULT_HEADERS = List.of("行号", "部门记录编号", "证件号码（脱敏）", "字段", "错误代码",
            "说明");

    /** Excel's last row is 1,048,576; one is the header and one says the report was cut. */
    static final int MAX_XLSX_ERRORS = 1_048_576 - 2;

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final int FLUSH_EVERY = 1000;

    private ErrorReports() {
    }

    /**
     * UTF-8 with a byte-order mark (without it Excel on Chinese Windows reads the file as GBK and shows
     * mojibake), RFC 4180 quoting, CRLF line ends.
     */
    public static void writeCsv(OutputStream out, List<String> headers, Iterable<RowError> errors) {
        List<String> titles = titles(headers);
        try {
            out.write(UTF8_BOM);
            Writer writer = new OutputStreamWriter(new KeepOpen(out), StandardCharsets.UTF_8);
            try (CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180)) {
                printer.printRecord(neutralised(titles));
                for (RowError error : errors) {
                    printer.printRecord(neutralised(cells(error)));
                }
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One sheet, 错误报告, every cell an inline string: no formulas, no shared-strings table growing with the
     * report. Beyond {@link #MAX_XLSX_ERRORS} errors the report ends with a line saying it was cut; the CSV
     * report has no such limit.
     */
    public static void writeXlsx(OutputStream out, List<String> headers, Iterable<RowError> errors) {
        List<String> titles = titles(headers);
        try {
            Workbook workbook = new Workbook(new KeepOpen(out), "Chengxin", "1.0");
            Worksheet sheet = workbook.newWorksheet("错误报告");
            writeRow(sheet, 0, titles);
            for (int column = 0; column < titles.size(); column++) {
                sheet.style(0, column).bold().set();
            }
            int row = 1;
            for (RowError error : errors) {
                if (row > MAX_XLSX_ERRORS) {
                    writeRow(sheet, row, List.of("", "", "", "", "REPORT_TRUNCATED",
                            "错误过多，仅列出前 " + MAX_XLSX_ERRORS + " 条；完整报告请下载 CSV 格式"));
                    break;
                }
                writeRow(sheet, row++, cells(error));
                if (row % FLUSH_EVERY == 0) {
                    sheet.flush();
                }
            }
            workbook.finish();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeRow(Worksheet sheet, int row, List<String> cells) {
        for (int column = 0; column < cells.size(); column++) {
            sheet.inlineString(row, column, FormulaNeutraliser.neutralise(cells.get(column)));
        }
    }

    private static List<String> titles(List<String> headers) {
        if (headers == null || headers.isEmpty()) {
            return DEFAULT_HEADERS;
        }
        if (headers.size() != DEFAULT_HEADERS.size()) {
            throw new IllegalArgumentException("an error report has exactly " + DEFAULT_HEADERS.size() + " columns");
        }
        return headers;
    }

    private static List<String> cells(RowError error) {
        return List.of(error.line() > 0 ? Long.toString(error.line()) : "", nullToEmpty(error.sourceRecordId()),
                nullToEmpty(error.maskedNumber()), nullToEmpty(error.field()), nullToEmpty(error.code()),
                nullToEmpty(error.message()));
    }

    private static List<String> neutralised(List<String> cells) {
        return cells.stream().map(FormulaNeutraliser::neutralise).toList();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    /** Lets the writers close what they wrap without closing the caller's stream. */
    private static final class KeepOpen extends FilterOutputStream {

        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
