package cn.chengxin.ingestion.domain;

import java.util.Optional;

/**
 * The number of the document that decided the act (决定文书号). It is published with the record and searched on the
 * public disclosure page, so it is checked as the record's other text is: within a length, and holding nothing the
 * platform must not take in ({@link ForbiddenContent}) — an identity number typed into it would be published.
 */
public final class DecisionNumbers {

    static final int MAX_LENGTH = 100;

    private DecisionNumbers() {
    }

    public record Problem(String code, String message) {
    }

    /** As stored and searched: without surrounding white space; {@code null} when there is none. */
    public static String normalised(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public static Optional<Problem> check(String text) {
        String number = normalised(text);
        if (number == null) {
            return Optional.empty();
        }
        if (number.length() > MAX_LENGTH) {
            return Optional.of(new Problem("DECISION_NUMBER_TOO_LONG", "决定文书号超过 " + MAX_LENGTH + " 个字符"));
        }
        return ForbiddenContent.in(number).map(f -> new Problem("FORBIDDEN_CONTENT",
                "决定文书号含有不得归集的信息：" + f.category()));
    }
}
