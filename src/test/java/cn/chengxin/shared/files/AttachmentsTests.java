package cn.chengxin.shared.files;

import java.nio.charset.StandardCharsets;

import cn.chengxin.shared.CodedProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AttachmentsTests {

    @Test
    void onlyPdfJpegAndPngByContentWithinTheSizeLimit() {
        assertThat(Attachments.check("复议决定书.pdf", "%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("application/pdf");
        assertThat(Attachments.check("photo.JPG", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0}))
                .isEqualTo("image/jpeg");
        assertThat(Attachments.check("scan", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0}))
                .isEqualTo("image/png");
        assertThat(code("setup.pdf", new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0})).isEqualTo("EVIDENCE_TYPE");
        assertThat(code("script.pdf", "#!/bin/sh\nrm -rf /".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("EVIDENCE_TYPE");
        assertThat(code("empty.pdf", new byte[0])).isEqualTo("EVIDENCE_EMPTY");
        byte[] large = new byte[Attachments.MAX_BYTES + 1];
        System.arraycopy("%PDF-".getBytes(StandardCharsets.US_ASCII), 0, large, 0, 5);
        assertThat(code("large.pdf", large)).isEqualTo("EVIDENCE_TOO_LARGE");
        assertThatCode(() -> Attachments.requireCount(Attachments.MAX_FILES, "一件异议")).doesNotThrowAnyException();
        assertThat(catchThrowableOfType(CodedProblem.class,
                () -> Attachments.requireCount(Attachments.MAX_FILES + 1, "一份修复申请")))
                .satisfies(p -> assertThat(p.code()).isEqualTo("EVIDENCE_TOO_MANY"))
                .satisfies(p -> assertThat(p.getMessage()).isEqualTo("一份修复申请最多附 5 个文件"));
    }

    private static String code(String name, byte[] content) {
        return catchThrowableOfType(CodedProblem.class, () -> Attachments.check(name, content)).code();
    }
}
