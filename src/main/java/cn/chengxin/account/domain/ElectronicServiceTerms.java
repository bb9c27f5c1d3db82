package cn.chengxin.account.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The confirmation of electronic service (电子送达确认书) a citizen signs in self-service, and when it counts. Under
 * 《行政处罚法》第六十一条 a decision is handed over or served as the 《民事诉讼法》 provides, and "当事人同意并签订确认书的，
 * 行政机关可以采用传真、电子邮件等方式" — only then. So the list notices owed to a person (the prior notice, the exit notice,
 * the changed last day) count as served by their reading them in 个人中心 or by the text to the phone on file only while
 * such an agreement is in force; otherwise they wait for service by post, in person or by announcement. The agreement
 * holds for the notices served after it and can be withdrawn for later ones; a service already made stays.
 */
public final class ElectronicServiceTerms {

    /**
     * The version of the confirmation's text ({@link #lineKeys}): changing the text needs a new version, so that each
     * agreement names the text the citizen ticked. The second text of 2026-12-07 names the city's credit office by
     * its configured name (gaps review xliii X5 rest) where the first said 市信用办.
     */
    public static final String VERSION = "2026-12-07.2";

    /** The first text, agreed by those who signed before {@link #VERSION}: kept, so that they read what they ticked. */
    public static final String FIRST_VERSION = "2026-12-07";

    /** The day the current text was adopted (its version names it): no paper of it can be signed before. */
    public static final LocalDate ADOPTED = LocalDate.parse(VERSION.substring(0, 10));

    /**
     * Each version's text, line by line, as message keys ({@code me.eservice.terms.*}, Chinese the text agreed and
     * English its reading aid), each given the credit office's name as {@code {0}}. A key once part of a text agreed
     * to is never edited: a new wording is a new key in a new version, and the older versions keep theirs.
     */
    private static final Map<String, List<String>> TEXTS = Map.of(
            FIRST_VERSION, List.of("me.eservice.terms.1", "me.eservice.terms.2", "me.eservice.terms.3",
                    "me.eservice.terms.4", "me.eservice.terms.5"),
            VERSION, List.of("me.eservice.terms.1.office", "me.eservice.terms.2", "me.eservice.terms.3",
                    "me.eservice.terms.4", "me.eservice.terms.5"));

    /** The longest reference of a paper's place in the archive a clerk may type. */
    public static final int MAX_PAPER_REFERENCE = 64;

    private ElectronicServiceTerms() {
    }

    /** The lines of the text of {@code version} as message keys; none for a version this platform never showed. */
    public static List<String> lineKeys(String version) {
        return version == null ? List.of() : TEXTS.getOrDefault(version, List.of());
    }

    /** One agreement's period: from its signing to its withdrawal (null: in force). */
    public record Period(Instant agreedAt, Instant withdrawnAt) {

        public boolean covers(Instant at) {
            return !at.isBefore(agreedAt) && (withdrawnAt == null || at.isBefore(withdrawnAt));
        }
    }

    /** Whether an agreement was in force at {@code at}: signed at or before it and not withdrawn by then. */
    public static boolean inForceAt(Collection<Period> periods, Instant at) {
        return periods.stream().anyMatch(p -> p.covers(at));
    }

    /**
     * What is wrong with an agreement submitted, if anything: the box not ticked (a confirmation is signed, not
     * presumed), or a text other than the current one shown (the text changed while the page was open).
     */
    public static Optional<String> problem(boolean confirmed, String versionShown) {
        if (!confirmed) {
            return Optional.of("请勾选“本人已阅读并同意电子送达确认书”后提交");
        }
        if (!VERSION.equals(versionShown)) {
            return Optional.of("电子送达确认书已更新：请阅读新的确认书后重新确认");
        }
        return Optional.empty();
    }

    /**
     * What is wrong with a confirmation signed on paper that a clerk records at the window, if anything: the text's
     * version must be the current one (a paper of another text is not the confirmation agreed here), the day written on
     * it must be known, not after today and not before the text was adopted, and the paper must say where it is kept
     * (the signed paper is the proof of the agreement 第六十一条 asks for).
     */
    public static Optional<String> paperProblem(String version, LocalDate signedOn, String reference, LocalDate today) {
        if (!VERSION.equals(version)) {
            return Optional.of("纸质确认书的版本须为现行版本 " + VERSION + "：旧版本的确认书请本人重新签署");
        }
        if (signedOn == null || signedOn.isAfter(today) || signedOn.isBefore(ADOPTED)) {
            return Optional.of("请填写本人签署确认书的日期：不晚于今天，不早于现行版本启用之日 " + ADOPTED);
        }
        if (reference == null || reference.isBlank() || reference.strip().length() > MAX_PAPER_REFERENCE) {
            return Optional.of("请填写纸质确认书的归档编号（不超过 " + MAX_PAPER_REFERENCE + " 个字符）");
        }
        return Optional.empty();
    }
}
