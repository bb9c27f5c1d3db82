package cn.chengxin.ingestion.parsing;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static cn.chengxin.ingestion.parsing.XlsxFiles.number;
import static cn.chengxin.ingestion.parsing.XlsxFiles.row;
import static cn.chengxin.ingestion.parsing.XlsxFiles.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class XlsxRowSourceTests {

    private static final String ID = "411702199001011238";

    @TempDir
    Path dir;

    @Test
    void readsWhatAWriterLibraryProduces() throws IOException {
        Path file = dir.resolve("fastexcel.xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook workbook = new Workbook(out, "test", "1.0");
            Worksheet sheet = workbook.newWorksheet("处罚信息");
            List<String> header = List.of("姓名", "身份证号（文本）", "身份证号（整数）", "身份证号（小数）", "出生日期",
                    "决定时间", "金额", "次数", "已履行", "区县");
            for (int c = 0; c < header.size(); c++) {
                sheet.value(0, c, header.get(c));
            }
            sheet.value(1, 0, "张三");
            sheet.value(1, 1, ID);
            sheet.value(1, 2, Long.parseLong(ID));
            sheet.value(1, 3, Double.parseDouble(ID));
            sheet.value(1, 4, LocalDate.of(1990, 1, 1));
            sheet.style(1, 4).format("yyyy-mm-dd").set();
            sheet.value(1, 5, LocalDateTime.of(2024, 3, 5, 14, 30));
            sheet.style(1, 5).format("yyyy-mm-dd hh:mm:ss").set();
            sheet.value(1, 6, new BigDecimal("1500.50"));
            sheet.value(1, 7, 3.0);
            sheet.value(1, 8, true);
            sheet.value(1, 9, "  驿城区  ");
            sheet.value(3, 0, "李四");
            workbook.finish();
        }

        List<SourceRow> rows = Uploads.readAll(file, FileFormat.XLSX);

        assertThat(rows).hasSize(2);
        Map<String, String> values = rows.get(0).values();
        assertThat(rows.get(0).line()).isEqualTo(2);
        assertThat(values).containsEntry("姓名", "张三")
                .containsEntry("身份证号（文本）", ID)
                .containsEntry("身份证号（整数）", ID)
                .containsEntry("出生日期", "1990-01-01")
                .containsEntry("决定时间", "2024-03-05T14:30:00")
                .containsEntry("金额", "1500.5")
                .containsEntry("次数", "3")
                .containsEntry("已履行", "true")
                .containsEntry("区县", "驿城区");
        // A double cannot hold 18 digits: what comes back is plain digits (which the checksum will reject).
        assertThat(values.get("身份证号（小数）")).matches("\\d{18}").startsWith("41170219900101");
        assertThat(rows.get(1)).isEqualTo(new SourceRow(4, Map.of("姓名", "李四")));
    }

    @Test
    void readsTheXmlExcelWritesForNumbersDatesFormulasAndErrors() throws IOException {
        Path file = XlsxFiles.workbook(dir.resolve("excel.xlsx"), ""
                + row(2, text("A2", "姓名"), text("B2", "身份证号"), text("C2", "出生日期"), text("D2", "立案日期"),
                        text("E2", "金额"), text("F2", "科学计数"), text("G2", "合计"), text("H2", "查找"),
                        text("I2", "有效"))
                + row(3, text("A3", "张三"), number("B3", 0, "4.11702199001011E+17"), number("C3", 1, "32874"),
                        number("D3", 2, "45292"), number("E3", 0, "1500.50"), number("F3", 3, "12345"),
                        "<c r=\"G3\"><f>E3*2</f><v>3001</v></c>", "<c r=\"H3\" t=\"e\"><v>#N/A</v></c>",
                        "<c r=\"I3\" t=\"b\"><v>0</v></c>")
                + row(5, text("A5", "李四"), text("B5", ID)));

        List<SourceRow> rows = Uploads.readAll(file, FileFormat.XLSX);

        assertThat(rows).containsExactly(
                new SourceRow(3, Map.of("姓名", "张三", "身份证号", "411702199001011000", "出生日期", "1990-01-01",
                        "立案日期", "2024-01-01", "金额", "1500.5", "科学计数", "12345", "合计", "3001", "查找", "#N/A",
                        "有效", "false")),
                new SourceRow(5, Map.of("姓名", "李四", "身份证号", ID)));
    }

    @Test
    void refusesBadHeadersAndUnnamedValues() throws IOException {
        Path duplicate = XlsxFiles.workbook(dir.resolve("dup.xlsx"),
                row(1, text("A1", "姓名"), text("B1", "姓名")) + row(2, text("A2", "张三")));
        Path unnamed = XlsxFiles.workbook(dir.resolve("unnamed.xlsx"),
                row(1, text("A1", "姓名")) + row(2, text("A2", "张三"), text("C2", ID)));
        Path headerless = XlsxFiles.workbook(dir.resolve("headerless.xlsx"), row(1, text("A1", " ")));

        assertThat(Uploads.problemReading(duplicate, FileFormat.XLSX).code()).isEqualTo("HEADER_DUPLICATE");
        FileProblem problem = Uploads.problemReading(unnamed, FileFormat.XLSX);
        assertThat(problem.code()).isEqualTo("HEADER_MISSING");
        assertThat(problem.line()).hasValue(2);
        assertThat(problem.column()).hasValue(3);
        assertThat(Uploads.problemReading(headerless, FileFormat.XLSX).code()).isEqualTo("FILE_EMPTY");
    }

    @Test
    void refusesAZipBombWithoutInflatingIt() throws IOException {
        Path file = XlsxFiles.zeros(dir.resolve("bomb.xlsx"), "xl/worksheets/sheet1.xml", 200L * 1024 * 1024);
        assertThat(Files.size(file)).isLessThan(1024 * 1024);

        FileProblem problem = catchThrowableOfType(FileProblem.class,
                () -> RowSources.open(file, "bomb.xlsx", Limits.defaults()));

        assertThat(problem.code()).isEqualTo("FILE_ZIP_BOMB");
    }

    @Test
    void judgesTheDeclaredSizesBeforeInflatingAnything() throws IOException {
        // The first entry's data is not deflate at all: inflating it ends in FILE_UNREADABLE (checked alone),
        // so FILE_ZIP_BOMB for the whole zip shows that the central directory decided before any inflating.
        Path corruptOnly = zipOfLettersThenZeros(dir.resolve("corrupt.xlsx"), 0);
        Path corruptThenBomb = zipOfLettersThenZeros(dir.resolve("corrupt-bomb.xlsx"), 50L * 1024 * 1024);

        assertThat(Uploads.problemReading(corruptOnly, FileFormat.XLSX).code()).isEqualTo("FILE_UNREADABLE");
        assertThat(Uploads.problemReading(corruptThenBomb, FileFormat.XLSX).code()).isEqualTo("FILE_ZIP_BOMB");
    }

    @Test
    void refusesAZipThatInflatesToMoreThanTheLimitAltogether() throws IOException {
        Path file = XlsxFiles.workbook(dir.resolve("ok.xlsx"), row(1, text("A1", "姓名")) + row(2, text("A2", "张三")));
        Limits tiny = new Limits(1024 * 1024, 10, 1000, 100);

        assertThat(Uploads.problemReading(file, FileFormat.XLSX, tiny).code()).isEqualTo("FILE_ZIP_BOMB");
    }

    @Test
    void refusesAZipThatLiesAboutItsSizes() throws IOException {
        // Random letters compress about 1.7×, well within the ratio; only the declared size is a lie.
        byte[] letters = letters(300_000);
        Path file = dir.resolve("liar.xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
            zip.write(letters);
            zip.closeEntry();
        }
        declareUncompressedSize(file, 200_000);

        FileProblem problem = Uploads.problemReading(file, FileFormat.XLSX);

        assertThat(problem.code()).isEqualTo("FILE_ZIP_BOMB");
    }

    @Test
    void anEmptyFileIsEmpty() throws IOException {
        Path file = Uploads.write(dir, "empty.xlsx", new byte[0]);

        assertThat(Uploads.problemReading(file, FileFormat.XLSX).code()).isEqualTo("FILE_EMPTY");
        assertThat(catchThrowableOfType(FileProblem.class, () -> RowSources.open(file, "empty.xlsx",
                Limits.defaults())).code()).isEqualTo("FILE_EMPTY");
    }

    @Test
    void whatIsNotASpreadsheetIsUnreadable() throws IOException {
        byte[] random = new byte[10_000];
        new Random(3).nextBytes(random);
        Path noise = Uploads.write(dir, "noise.xlsx", random);
        byte[] zipHeaderThenNoise = random.clone();
        System.arraycopy(new byte[] {'P', 'K', 3, 4}, 0, zipHeaderThenNoise, 0, 4);
        Path fakeZip = Uploads.write(dir, "fake.xlsx", zipHeaderThenNoise);
        Path plainZip = dir.resolve("plain.xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(plainZip))) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write("不是表格".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }

        assertThat(catchThrowableOfType(FileProblem.class, () -> RowSources.open(noise, "noise.xlsx",
                Limits.defaults())).code()).isEqualTo("FILE_UNREADABLE");
        assertThat(Uploads.problemReading(noise, FileFormat.XLSX).code()).isEqualTo("FILE_UNREADABLE");
        assertThat(Uploads.problemReading(fakeZip, FileFormat.XLSX).code()).isEqualTo("FILE_UNREADABLE");
        assertThat(Uploads.problemReading(plainZip, FileFormat.XLSX).code()).isEqualTo("FILE_UNREADABLE");
    }

    @Test
    void countsRowsAgainstTheLimit() throws IOException {
        Path file = XlsxFiles.workbook(dir.resolve("rows.xlsx"), row(1, text("A1", "姓名"))
                + row(2, text("A2", "甲")) + row(3, text("A3", "乙")) + row(4, text("A4", "丙")));

        FileProblem problem = Uploads.problemReading(file, FileFormat.XLSX, Uploads.limits(1024 * 1024, 2));

        assertThat(problem.code()).isEqualTo("FILE_TOO_MANY_ROWS");
        assertThat(problem.line()).hasValue(4);
    }

    /**
     * A zip whose first entry holds random letters (compressing about 1.7×) with its deflate data corrupted,
     * followed, if {@code zeros > 0}, by an entry of that many zero bytes.
     */
    private static Path zipOfLettersThenZeros(Path file, long zeros) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
            zip.write(letters(10_000));
            zip.closeEntry();
            if (zeros > 0) {
                zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
                byte[] chunk = new byte[1024 * 1024];
                for (long written = 0; written < zeros; written += chunk.length) {
                    zip.write(chunk);
                }
                zip.closeEntry();
            }
        }
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int data = 30 + (buffer.getShort(26) & 0xFFFF) + (buffer.getShort(28) & 0xFFFF);
        bytes[data] = (byte) 0xFF; // final block of the reserved type 11: invalid deflate data
        Files.write(file, bytes);
        return file;
    }

    private static byte[] letters(int count) {
        byte[] letters = new byte[count];
        Random random = new Random(11);
        for (int i = 0; i < letters.length; i++) {
            letters[i] = (byte) ('a' + random.nextInt(26));
        }
        return letters;
    }

    /** Rewrites the uncompressed size of every entry in the zip's central directory. */
    private static void declareUncompressedSize(Path zip, int size) throws IOException {
        byte[] bytes = Files.readAllBytes(zip);
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int patched = 0;
        for (int i = 0; i + 46 <= bytes.length; i++) {
            if (buffer.getInt(i) == 0x02014b50) {
                buffer.putInt(i + 24, size);
                patched++;
            }
        }
        assertThat(patched).isPositive();
        Files.write(zip, bytes);
    }
}
