package cn.chengxin.shared.files;

import java.util.Arrays;
import java.util.Optional;

import cn.chengxin.shared.CodedProblem;
import cn.chengxin.shared.DomainProblem;

/**
 * An uploaded attachment (证明材料): PDF, JPEG or PNG only, recognised by its content, not its name, so that an
 * executable renamed {@code .pdf} is refused; at most {@link #MAX_BYTES} each and {@link #MAX_FILES} per filing.
 */
public final class Attachments {

    public static final int MAX_BYTES = 5 * 1024 * 1024;
    public static final int MAX_FILES = 5;

    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    private Attachments() {
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

    /** Refuses more than {@link #MAX_FILES} files for one filing ({@code what}: 一件异议, 一份修复申请). */
    public static void requireCount(int files, String what) {
        if (files > MAX_FILES) {
            throw refused("EVIDENCE_TOO_MANY", what + "最多附 " + MAX_FILES + " 个文件");
        }
    }

    /** The SHA-256 of a file's content, kept to show later that the stored file is the one received. */
    public static String sha256(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<String> typeOf(byte[] content) {
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
