package cn.chengxin.ingestion.parsing;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class FileFormatTests {

    private static final byte[] TEXT = "姓名,身份证号\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ZIP = {'P', 'K', 3, 4, 20, 0, 0, 0};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1};

    @Test
    void recognisesTheExtensionsWhoseContentAgrees() {
        assertThat(FileFormat.detect("处罚信息.csv", TEXT)).isEqualTo(FileFormat.CSV);
        assertThat(FileFormat.detect("REPORT.CSV", TEXT)).isEqualTo(FileFormat.CSV);
        assertThat(FileFormat.detect("处罚信息.xlsx", ZIP)).isEqualTo(FileFormat.XLSX);
        assertThat(FileFormat.detect("batch.jsonl", "{}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(FileFormat.JSON_LINES);
        assertThat(FileFormat.detect("batch.ndjson", "{}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(FileFormat.JSON_LINES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"data.xls", "data.json", "data.txt", "data", "data.pdf", "csv", ""})
    void refusesOtherExtensions(String name) {
        assertThat(problem(name, TEXT).code()).isEqualTo("FILE_FORMAT_UNSUPPORTED");
    }

    @Test
    void refusesANameless() {
        assertThat(problem(null, TEXT).code()).isEqualTo("FILE_FORMAT_UNSUPPORTED");
    }

    @Test
    void anEmptyFileIsEmpty() {
        assertThat(problem("data.xlsx", new byte[0]).code()).isEqualTo("FILE_EMPTY");
        assertThat(problem("data.csv", new byte[0]).code()).isEqualTo("FILE_EMPTY");
    }

    @Test
    void contentThatContradictsTheExtensionIsUnreadable() {
        assertThat(problem("data.xlsx", TEXT).code()).isEqualTo("FILE_UNREADABLE");
        assertThat(problem("data.xlsx", OLE2).code()).isEqualTo("FILE_UNREADABLE");
        assertThat(problem("data.csv", ZIP).code()).isEqualTo("FILE_UNREADABLE");
        assertThat(problem("data.csv", OLE2).code()).isEqualTo("FILE_UNREADABLE");
        assertThat(problem("data.csv", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII)).code())
                .isEqualTo("FILE_UNREADABLE");
        assertThat(problem("data.jsonl", new byte[] {'{', 0, '}'}).code()).isEqualTo("FILE_UNREADABLE");
        assertThat(problem("data.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_16LE)).code())
                .isEqualTo("FILE_UNREADABLE");
    }

    /** A stray NUL in a cell is that row's error (CONTROL_CHARACTER), not a reason to refuse the whole file. */
    @Test
    void aTextFileWithAStrayNulIsText() {
        byte[] text = "事项代码,主体名称\nP_X,某\u0000人\nP_X,某乙\n".getBytes(StandardCharsets.UTF_8);
        assertThat(FileFormat.detect("data.csv", text)).isEqualTo(FileFormat.CSV);
    }

    private static FileProblem problem(String name, byte[] bytes) {
        return catchThrowableOfType(FileProblem.class, () -> FileFormat.detect(name, bytes));
    }
}
