package cn.chengxin.ingestion.parsing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class JsonLinesRowSourceTests {

    @TempDir
    Path dir;

    @Test
    void flattensEachLineIntoColumns() throws IOException {
        Path file = Uploads.write(dir, "batch.jsonl", "\uFEFF"
                + "{\"身份证号\":\"411702199001011238\",\"姓名\":\" 张三 \",\"fields\":{\"罚款金额\":1500.50,\"已履行\":true,"
                + "\"备注\":null}}\r\n"
                + "\n"
                + "   \n"
                + "{\"身份证号\":411702199001011238,\"次数\":3.0,\"比例\":1e2,\"空\":\"\",\"fields\":{}}\n",
                StandardCharsets.UTF_8);

        List<SourceRow> rows = Uploads.readAll(file, FileFormat.JSON_LINES);

        assertThat(rows).containsExactly(
                new SourceRow(1, Map.of("身份证号", "411702199001011238", "姓名", "张三", "fields.罚款金额", "1500.5",
                        "fields.已履行", "true")),
                new SourceRow(4, Map.of("身份证号", "411702199001011238", "次数", "3", "比例", "100")));
        assertThat(rows.get(0).values().keySet()).containsExactly("身份证号", "姓名", "fields.罚款金额", "fields.已履行");
    }

    @Test
    void stopsAtAMalformedLineWithItsNumber() throws IOException {
        Path file = Uploads.write(dir, "bad.jsonl", "{\"a\":1}\n\n{\"a\":2}\n{\"a\":\"411702199001011238\"\n{\"a\":4}\n",
                StandardCharsets.UTF_8);

        try (RowSource source = RowSources.open(file, FileFormat.JSON_LINES, Limits.defaults())) {
            assertThat(source.next()).map(SourceRow::line).hasValue(1L);
            assertThat(source.next()).map(SourceRow::line).hasValue(3L);
            FileProblem problem = catchThrowableOfType(FileProblem.class, source::next);

            assertThat(problem.code()).isEqualTo("JSON_MALFORMED");
            assertThat(problem.line()).hasValue(4);
            assertThat(problem.getMessage()).startsWith("第 4 行").doesNotContain("411702199001011238");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[1,2]", "\"text\"", "42", "{\"a\":[1]}", "{\"a\":{\"b\":1}}", "{\"fields\":{\"b\":{\"c\":1}}}",
        "{\"a\":1,\"a\":2}", "{\"fields.b\":1,\"fields\":{\"b\":2}}", "{\"a\":1} {\"b\":2}", "{\"\":1}", "{a:1}"})
    void refusesWhatIsNotAFlatObject(String line) throws IOException {
        Path file = Uploads.write(dir, "one.jsonl", "{\"ok\":true}\n" + line + "\n", StandardCharsets.UTF_8);

        FileProblem problem = Uploads.problemReading(file, FileFormat.JSON_LINES);

        assertThat(problem.code()).isEqualTo("JSON_MALFORMED");
        assertThat(problem.line()).hasValue(2);
    }

    @Test
    void refusesAnOverlongLine() throws IOException {
        Path file = Uploads.write(dir, "long.jsonl",
                "{\"a\":1}\n{\"a\":\"" + "x".repeat(JsonLinesRowSource.MAX_LINE_CHARS) + "\"}\n", StandardCharsets.UTF_8);

        FileProblem problem = Uploads.problemReading(file, FileFormat.JSON_LINES);

        assertThat(problem.code()).isEqualTo("JSON_MALFORMED");
        assertThat(problem.line()).hasValue(2);
    }

    @Test
    void refusesTextThatIsNotUtf8() throws IOException {
        Path file = Uploads.write(dir, "gbk.jsonl", "{\"姓名\":\"张三\"}\n", java.nio.charset.Charset.forName("GB18030"));

        assertThat(Uploads.problemReading(file, FileFormat.JSON_LINES).code()).isEqualTo("FILE_UNREADABLE");
    }
}
