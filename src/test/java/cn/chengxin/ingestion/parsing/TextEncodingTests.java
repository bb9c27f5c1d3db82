package cn.chengxin.ingestion.parsing;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class TextEncodingTests {

    @TempDir
    Path dir;

    @Test
    void pureAsciiIsUtf8() throws IOException {
        assertThat(detect("a,b\n1,2\n", StandardCharsets.US_ASCII)).isEqualTo(new TextEncoding(StandardCharsets.UTF_8, 0));
    }

    @Test
    void aBomMeansUtf8AndIsSkipped() throws IOException {
        assertThat(detect("\uFEFF姓名\n", StandardCharsets.UTF_8)).isEqualTo(new TextEncoding(StandardCharsets.UTF_8, 3));
    }

    @Test
    void chineseInUtf8OrGb18030() throws IOException {
        assertThat(detect("姓名,区县\n张三,驿城区\n", StandardCharsets.UTF_8).charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(detect("姓名,区县\n张三,驿城区\n", TextEncoding.GB18030).charset()).isEqualTo(TextEncoding.GB18030);
    }

    @Test
    void aCharacterCutByTheEndOfTheWindowIsNotAnError() throws IOException {
        // 张 is 3 bytes in UTF-8; 65,536 is not a multiple of 3, so the window ends inside a character.
        String text = "x".repeat(100) + "张".repeat(30_000);
        assertThat(TextEncoding.WINDOW % 3).isNotZero();

        assertThat(detect(text, StandardCharsets.UTF_8).charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void aCharacterCutByTheEndOfTheFileIsAnError() throws IOException {
        byte[] utf8 = "姓名张".getBytes(StandardCharsets.UTF_8);
        Path file = Uploads.write(dir, "cut.csv", java.util.Arrays.copyOf(utf8, utf8.length - 1));

        assertThat(TextEncoding.detect(file).charset()).isEqualTo(TextEncoding.GB18030);
    }

    private TextEncoding detect(String text, Charset charset) throws IOException {
        return TextEncoding.detect(Uploads.write(dir, "t.csv", text, charset));
    }
}
