package cn.chengxin.ingestion.domain;

import java.util.Optional;

/**
 * A record's short free text outside its content fields (决定文书号, 撤销原因): shown as written, so stored without
 * surrounding white space, within a length, and holding nothing the platform must not take in
 * ({@link ForbiddenContent}).
 */
public final class FreeText {

    private FreeText() {
    }

    /** Why the text is refused: a stable code and a message in Chinese. */
    public record Problem(String code, String message) {
    }

    /** As stored and shown: without surrounding white space; {@code null} when there is none. */
    public static String normalised(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** What is wrong with {@code text}, the row's {@code label}: longer than {@code max} is {@code tooLongCode}. */
    static Optional<Problem> check(String text, String label, int max, String tooLongCode) {
        String given = normalised(text);
        if (given == null) {
            return Optional.empty();
        }
        if (given.length() > max) {
            return Optional.of(new Problem(tooLongCode, label + "超过 " + max + " 个字符"));
        }
        return ForbiddenContent.in(given).map(f -> new Problem("FORBIDDEN_CONTENT",
                label + "含有不得归集的信息：" + f.category()));
    }
}
