package cn.chengxin.ingestion.parsing;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CsvRowSourceTests {

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final String SAMPLE = "姓名,身份证号,区县,备注\r\n"
            + "张三,411702199001011238,驿城区,\r\n"
            + "李四,\"11010519491231002X\",\"驿城区, 老城\",\"第一行\n第二行\"\r\n"
            + "  王五 , 411702199001011238 ,确山县,\"含\"\"引号\"\"\"\r\n";

    @TempDir
    Path dir;

    @Test
    void readsUtf8Gb18030AndUtf8WithBomAlike() throws IOException {
        Path utf8 = Uploads.write(dir, "utf8.csv", SAMPLE, StandardCharsets.UTF_8);
        Path bom = Uploads.write(dir, "bom.csv", "\uFEFF" + SAMPLE, StandardCharsets.UTF_8);
        Path gb = Uploads.write(dir, "gb.csv", SAMPLE, GB18030);

        List<SourceRow> expected = List.of(
                new SourceRow(2, Map.of("姓名", "张三", "身份证号", "411702199001011238", "区县", "驿城区")),
                new SourceRow(3, Map.of("姓名", "李四", "身份证号", "11010519491231002X", "区县", "驿城区, 老城",
                        "备注", "第一行\n第二行")),
                new SourceRow(5, Map.of("姓名", "王五", "身份证号", "411702199001011238", "区县", "确山县",
                        "备注", "含\"引号\"")));
        assertThat(Uploads.readAll(utf8, FileFormat.CSV)).isEqualTo(expected);
        assertThat(Uploads.readAll(bom, FileFormat.CSV)).isEqualTo(expected);
        assertThat(Uploads.readAll(gb, FileFormat.CSV)).isEqualTo(expected);
    }

    @Test
    void keepsColumnOrderAndLeavesBlankCellsOut() throws IOException {
        Path file = Uploads.write(dir, "a.csv", "c,b,a\n3,,1\n", StandardCharsets.UTF_8);

        SourceRow row = Uploads.readAll(file, FileFormat.CSV).get(0);

        assertThat(row.values().keySet()).containsExactly("c", "a");
        assertThat(row.value("b")).isNull();
    }

    @Test
    void numbersRecordsByTheLineTheyStartOnCountingQuotedLineBreaksAndBlankLines() throws IOException {
        Path file = Uploads.write(dir, "lines.csv",
                "\n名称,说明\n\"甲\",\"一\r\n二\r\n三\"\n\n乙,x\n,\n丙,y", StandardCharsets.UTF_8);

        List<SourceRow> rows = Uploads.readAll(file, FileFormat.CSV);

        assertThat(rows).extracting(SourceRow::line).containsExactly(3L, 7L, 9L);
        assertThat(rows.get(0).value("说明")).isEqualTo("一\r\n二\r\n三");
        assertThat(rows.get(2).value("名称")).isEqualTo("丙");
    }

    @Test
    void refusesTextAfterAClosingQuoteAtTheLineOfTheRecord() throws IOException {
        Path file = Uploads.write(dir, "bad.csv", "a,b\n1,2\n\"x\ny\",3\n\"bad\"x,4\n5,6\n", StandardCharsets.UTF_8);

        try (RowSource source = RowSources.open(file, FileFormat.CSV, Limits.defaults())) {
            assertThat(source.next()).isPresent();
            assertThat(source.next()).isPresent();
            FileProblem problem = catchThrowableOfType(FileProblem.class, source::next);

            assertThat(problem.code()).isEqualTo("CSV_MALFORMED");
            assertThat(problem.line()).hasValue(5);
            assertThat(problem.getMessage()).startsWith("第 5 行");
            // A refused file stays refused: no silent truncation.
            assertThat(catchThrowableOfType(FileProblem.class, source::next)).isSameAs(problem);
        }
    }

    @Test
    void refusesAQuoteLeftOpenUntilTheEndOfTheFile() throws IOException {
        Path file = Uploads.write(dir, "open.csv", "a,b\n1,2\n\"3,4\n5,6\n", StandardCharsets.UTF_8);

        FileProblem problem = Uploads.problemReading(file, FileFormat.CSV);

        assertThat(problem.code()).isEqualTo("CSV_MALFORMED");
        assertThat(problem.line()).hasValue(3);
    }

    @Test
    void stopsAnOpenQuoteBeforeItSwallowsTheFile() throws IOException {
        Path file = dir.resolve("swallow.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("a,b\n1,2\n\"never closed,3\n");
            for (int i = 0; i < 200_000; i++) {
                out.write("411702199001011238,驿城区\n");
            }
        }

        FileProblem problem = Uploads.problemReading(file, FileFormat.CSV);

        assertThat(problem.code()).isEqualTo("CSV_MALFORMED");
        assertThat(problem.line()).hasValue(3);
    }

    @Test
    void refusesDuplicateAndMissingColumnNames() throws IOException {
        Path duplicate = Uploads.write(dir, "dup.csv", "姓名,身份证号, 姓名 \n张三,1,2\n", StandardCharsets.UTF_8);
        Path gap = Uploads.write(dir, "gap.csv", "姓名,,区县\n张三,1,2\n", StandardCharsets.UTF_8);
        Path extra = Uploads.write(dir, "extra.csv", "姓名,区县\n张三,驿城区\n李四,驿城区,411702199001011238\n",
                StandardCharsets.UTF_8);

        FileProblem duplicated = Uploads.problemReading(duplicate, FileFormat.CSV);
        assertThat(duplicated.code()).isEqualTo("HEADER_DUPLICATE");
        assertThat(duplicated.line()).hasValue(1);
        assertThat(duplicated.column()).hasValue(3);
        assertThat(duplicated.getMessage()).doesNotContain("姓名");

        assertThat(Uploads.problemReading(gap, FileFormat.CSV).code()).isEqualTo("HEADER_MISSING");

        FileProblem unnamed = Uploads.problemReading(extra, FileFormat.CSV);
        assertThat(unnamed.code()).isEqualTo("HEADER_MISSING");
        assertThat(unnamed.line()).hasValue(3);
        assertThat(unnamed.getMessage()).doesNotContain("411702199001011238");
    }

    @Test
    void toleratesTrailingEmptyColumnsOfExcelExports() throws IOException {
        Path file = Uploads.write(dir, "trailing.csv", "姓名,区县,,\n张三,驿城区,,\n", StandardCharsets.UTF_8);

        assertThat(Uploads.readAll(file, FileFormat.CSV))
                .containsExactly(new SourceRow(2, Map.of("姓名", "张三", "区县", "驿城区")));
    }

    @Test
    void aFileWithoutAHeaderIsEmpty() throws IOException {
        Path blank = Uploads.write(dir, "blank.csv", "\r\n\r\n , \r\n", StandardCharsets.UTF_8);

        assertThat(Uploads.problemReading(blank, FileFormat.CSV).code()).isEqualTo("FILE_EMPTY");
        assertThat(Uploads.problemReading(Uploads.write(dir, "zero.csv", new byte[0]), FileFormat.CSV).code())
                .isEqualTo("FILE_EMPTY");
    }

    @Test
    void aBinaryFileNamedCsvIsUnreadable() throws IOException {
        byte[] binary = new byte[4096];
        new java.util.Random(7).nextBytes(binary);
        binary[10] = 0;
        Path file = Uploads.write(dir, "binary.csv", binary);

        FileProblem problem = catchThrowableOfType(FileProblem.class,
                () -> RowSources.open(file, "上传.csv", Limits.defaults()));
        assertThat(problem.code()).isEqualTo("FILE_UNREADABLE");
        // Also when the caller skipped detection, and when the NUL comes after the first bytes.
        assertThat(Uploads.problemReading(file, FileFormat.CSV).code()).isEqualTo("FILE_UNREADABLE");
        Path late = Uploads.write(dir, "late.csv", ("a,b\n" + "1,2\n".repeat(10_000) + "\0\0\0\n")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(Uploads.problemReading(late, FileFormat.CSV).code()).isEqualTo("FILE_UNREADABLE");
    }

    /** A lone NUL in a cell is the cell's character, for the row's check to refuse; the other rows are read. */
    @Test
    void aLoneNulInACellIsReadAsTheCellsCharacter() throws IOException {
        Path file = Uploads.write(dir, "nul.csv", "a,b\n1,x\u0000y\n2,z\n".getBytes(StandardCharsets.UTF_8));

        List<SourceRow> rows = Uploads.readAll(file, FileFormat.CSV);

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).value("b")).isEqualTo("x\u0000y");
        assertThat(rows.get(1).value("b")).isEqualTo("z");
    }

    @Test
    void aUtf16ExportIsUnreadable() throws IOException {
        Path file = Uploads.write(dir, "utf16.csv", "姓名,区县\r\n张三,驿城区\r\n", StandardCharsets.UTF_16LE);

        assertThat(Uploads.problemReading(file, FileFormat.CSV).code()).isEqualTo("FILE_UNREADABLE");
    }

    @Test
    void findsGb18030EvenWhenTheFirstChineseCharacterComesAfterTheDetectionWindow() throws IOException {
        String text = "id,name\n" + "1,abc\n".repeat(20_000) + "2,张三\n";
        assertThat(text.indexOf('张')).isGreaterThan(TextEncoding.WINDOW);
        Path file = Uploads.write(dir, "late-chinese.csv", text, GB18030);

        List<SourceRow> rows = Uploads.readAll(file, FileFormat.CSV);

        assertThat(rows).hasSize(20_001);
        assertThat(rows.get(20_000).value("name")).isEqualTo("张三");
    }

    @Test
    void refusesAFileThatIsNotWhatItsFirstBytesSaid() throws IOException {
        // Valid UTF-8 at first, then bytes that are not: a wrong guess fails loudly, it never stores mojibake.
        byte[] start = "姓名,区县\n张三,驿城区\n".repeat(5_000).getBytes(StandardCharsets.UTF_8);
        byte[] end = "李四,确山县\n".getBytes(GB18030);
        byte[] bytes = java.util.Arrays.copyOf(start, start.length + end.length);
        System.arraycopy(end, 0, bytes, start.length, end.length);
        Path file = Uploads.write(dir, "mixed.csv", bytes);

        FileProblem problem = Uploads.problemReading(file, FileFormat.CSV);

        assertThat(problem.code()).isEqualTo("FILE_UNREADABLE");
    }

    @Test
    void streamsAMillionRowsWithoutHoldingThem() throws IOException {
        Path file = dir.resolve("million.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("序号,姓名,身份证号,区县,日期\n");
            for (int i = 0; i < 1_000_000; i++) {
                out.write(i + ",张三" + i + ",41170219900101" + (1000 + i % 9000) + ",驿城区,2024-01-01\n");
            }
        }
        long rows = 0;
        long lastLine = 0;
        try (RowSource source = RowSources.open(file, FileFormat.CSV, Limits.defaults())) {
            for (Optional<SourceRow> row = source.next(); row.isPresent(); row = source.next()) {
                rows++;
                lastLine = row.get().line();
            }
            assertThat(source.bytesRead()).isEqualTo(Files.size(file));
        }

        assertThat(rows).isEqualTo(1_000_000);
        assertThat(lastLine).isEqualTo(1_000_001);
    }
}
