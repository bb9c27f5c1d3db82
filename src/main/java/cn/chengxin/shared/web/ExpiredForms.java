package cn.chengxin.shared.web;

/**
 * Where a public-site form goes whose CSRF token the server does not know: the page was left open longer than its
 * session (15 idle minutes), or the post came from another site. Such a form is never acted on. Instead of a bare
 * 403, security forwards it, with status 403, to {@link #PREFIX} followed by the form's own path
 * ({@code /lists} → {@code /expired-form/lists}); a page that maps that path shows its form again, with a fresh
 * token, from what was posted, and asks for it to be sent again. It reads the post only to show the form: it never
 * runs the search or files anything. A form with no such page gets a page saying it expired.
 */
public final class ExpiredForms {

    public static final String PREFIX = "/expired-form";

    /** The message for a form shown again: 页面已过期，请重新提交. */
    public static final String MESSAGE_KEY = "expiredForm.resubmit";

    private ExpiredForms() {
    }
}
