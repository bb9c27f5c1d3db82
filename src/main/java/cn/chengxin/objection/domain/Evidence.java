package cn.chengxin.objection.domain;

import java.util.Arrays;
import java.util.Optional;

import cn.chengxin.shared.CodedProblem;
import cn.chengxin.shared.DomainProblem;

/**
 * An attachment to an objection (证明材料): PDF, JPEG or PNG only, recognised by its content, not its name, so that
 * an executable renamed {@code .pdf} is refused; at most {@link #MAX_BYTES} each and {@link #MAX_FILES} per objection.
 */
public final class Evidence {

    public static final int MAX_BYTES = 5 * 1024 * 1024;
    public static final int MAX_FILES = 5;

    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    private Evidence() {
    }

    /** The content type of an acceptable attachment; refused with a code otherwise. */
    public static String check(String filename, byte[] content) {
        if (content.length == 0) {
            throw refused("EVIDENCE_EMPTY", "附件「" + filename + "」是空文件");
        }
        if (content.length > MAX_BYTES) {
            throw refused("EVIDENCE_TOO_LARGE", "附件「" + filename + "」超过 " + MAX_BYTES / 1024 / 1024 + " MB");
        }
        return typeOf(content).orElseThrow(() -> refused("EVIDENCE_TYPE",
                "附件「" + filename + "」不是 PDF、JPG 或 PNG 文件（按文件内容判断，不看扩展名）"));
    }

    public static void requireCount(int files) {
        if (files > MAX_FILES) {
            throw refused("EVIDENCE_TOO_MANY", "一件异议最多附 " + MAX_FILES + " 个文件");
        }
    }

    static Optional<String> typeOf(byte[] content) {
        if (startsWith(content, PDF)) {
            return Optional.of("application/pdf");
        }
        if (startsWith(content, PNG)) {
            return Optional.of("image/png");
        }
        if (startsWith(content, JPEG)) {
            return Optional.of("image/jpeg");
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }

    private static CodedProblem refused(String code, String message) {
        return new CodedProblem(code, DomainProblem.Kind.INVALID_INPUT, message);
    }
}
