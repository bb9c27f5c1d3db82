package cn.chengxin.account;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A notice in the reader's language (G13; STYLE: UI Chinese first, with English). A Chinese reader sees the notice's
 * Chinese text as it was written and texted — for a list notice (告知书) the legal document itself. Another reader sees
 * {@code notice.<wording>.title/body} of the messages files filled with the notice's typed arguments: dates and numbers
 * as they are, labels (outcomes, purposes, list types) in that language, text typed by staff as typed. Item and
 * department names stay as the catalogue wrote them: it keeps no other names. A notice written before its wording was
 * kept, or whose wording has no message, shows its stored text.
 */
@Component
public class NoticeWording {

    /** Every wording a notice may have; each has a Chinese and an English title and body. */
    public static final Set<String> WORDINGS = Set.of(
            "OBJECTION_RECEIVED", "OBJECTION_DECIDED", "OBJECTION_ROUTED", "OBJECTION_PAUSED",
            "OBJECTION_CORRECTION_ESCALATED", "OBJECTION_CORRECTED", "OBJECTION_OMISSION_RECEIVED",
            "OBJECTION_OMISSION_DECIDED", "OBJECTION_OMISSION_ROUTED", "OBJECTION_OMISSION_PAUSED",
            "REPAIR_ELIGIBLE", "REPAIR_RECEIVED", "REPAIR_APPROVED", "REPAIR_REFUSED", "REPAIR_EXTENDED", "REPAIR_ENDED",
            "SCORE_REVIEW_RECEIVED", "SCORE_REVIEW_ANSWERED", "SCORE_REVIEW_OBJECTION", "SCORE_REVIEW_ESCALATED",
            "RIGHTS_REQUEST_RECEIVED", "RIGHTS_REQUEST_ANSWERED", "RIGHTS_REQUEST_REFUSED",
            "RIGHTS_REQUEST_ESCALATED", "CORRECTION_ESCALATED",
            "BREACH_NOTICE",
            "GRADE_DROPPED", "GRADE_LOST",
            "CONSENT_USED", "CONSENT_WITHDRAWN_FOR_BAN", "CONSENTS_MIGRATED",
            "LIST_PRIOR", "LIST_PUBLIC", "LIST_EFFECTIVE", "LIST_PERIOD_CHANGED", "LIST_WITHDRAWN", "LIST_EXIT",
            "CORRECTION_RECEIVED", "CORRECTION_APPROVED", "CORRECTION_REFUSED");

    private static final String LIST_ITEM = "LIST_";
    /** More than any wording has: arguments past a notice's own are shown empty. */
    private static final int MOST_ARGUMENTS = 16;

    private final MessageSource messages;

    NoticeWording(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * A notice as the reader sees it; {@code translated}: rendered from its wording rather than its Chinese text,
     * {@code legal}: a list notice, whose Chinese text alone is the notice served.
     */
    public record Shown(Notice notice, String title, String body, boolean translated, boolean legal) {
    }

    public List<Shown> render(List<Notice> notices, Locale locale) {
        return notices.stream().map(n -> render(n, locale)).toList();
    }

    public Shown render(Notice n, Locale locale) {
        boolean legal = n.wording() != null && n.wording().startsWith(LIST_ITEM);
        if (n.wording() == null || n.args() == null || "zh".equals(locale.getLanguage())) {
            return new Shown(n, n.title(), n.body(), false, legal);
        }
        // A notice kept before its wording gained an argument (L3: the remedies) shows that argument empty, not "{3}".
        Object[] values = java.util.stream.Stream.concat(n.args().stream().map(a -> value(a, locale)),
                java.util.stream.Stream.generate(() -> "")).limit(Math.max(n.args().size(), MOST_ARGUMENTS)).toArray();
        String title = messages.getMessage("notice." + n.wording() + ".title", values, null, locale);
        String body = messages.getMessage("notice." + n.wording() + ".body", values, null, locale);
        if (title == null || body == null) {
            return new Shown(n, n.title(), n.body(), false, legal);
        }
        return new Shown(n, title, body, true, legal);
    }

    private String value(NoticeArg a, Locale locale) {
        return switch (a.type()) {
            case TEXT, NUMBER, DATE -> a.value();
            case ITEM -> a.value().startsWith(LIST_ITEM)
                    ? messages.getMessage("lists.type." + a.value().substring(LIST_ITEM.length()), null, a.zh(), locale)
                    : a.zh();
            case DEPARTMENT -> a.zh();
            case LABEL -> messages.getMessage(a.value(), a.params().toArray(), a.zh(), locale);
        };
    }
}
