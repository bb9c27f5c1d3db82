package cn.chengxin.measures.web;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.chengxin.measures.Checks;
import cn.chengxin.shared.web.RefusedRequests;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/**
 * Feedback refused before {@link ChecksApi#feedback} ran — a body of another media type (415), a check id that is no
 * UUID (404), a body past the API's bound, declared so or while it was read (413) — audited as every refused feedback is (issue #5: a
 * department's attempt to report on a check leaves a trace whether or not it is taken), with the problem's code. The
 * handler marks the requests it judged ({@link #JUDGED}): their refusals are audited by {@link Checks} already.
 * No personal data: the subject is not named, and an id that is no UUID, the caller's own text that may hold anything
 * (RULES.md §10), is never kept.
 */
@Component
class FeedbackRefusals implements RefusedRequests {

    /** Set on a request once {@link ChecksApi#feedback} judges it. */
    static final String JUDGED = FeedbackRefusals.class.getName() + ".judged";
    private static final Pattern ROUTE = Pattern.compile("/api/v1/checks/([^/]*)/feedback");

    private final Checks checks;

    FeedbackRefusals(Checks checks) {
        this.checks = checks;
    }

    @Override
    public void refused(HttpServletRequest request, int status, String code) {
        if (!"POST".equals(request.getMethod()) || request.getAttribute(JUDGED) != null) {
            return;
        }
        Matcher route = ROUTE.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        if (route.matches()) {
            checks.feedbackRefusedUnread(uuidOrNull(route.group(1)), code);
        }
    }

    private static UUID uuidOrNull(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
