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

    /** As stored and searched: without surrounding white space; {@code null} when there is none. */
    public static String normalised(String text) {
        return FreeText.normalised(text);
    }

    public static Optional<FreeText.Problem> check(String text) {
        return FreeText.check(text, "决定文书号", MAX_LENGTH, "DECISION_NUMBER_TOO_LONG");
    }
}
