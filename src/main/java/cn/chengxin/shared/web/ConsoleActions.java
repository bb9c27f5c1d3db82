package cn.chengxin.shared.web;

import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.FieldRefusal;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How a console form action answers before redirecting: a flash message on success, the domain's refusal
 * (its code and message) when a rule stopped it. Anything else is not the user's to fix and goes on to the
 * error handling. A form whose text is long or must be corrected rather than typed again answers a refusal with
 * its page shown again instead ({@link #showRefusal}).
 */
public final class ConsoleActions {

    private ConsoleActions() {
    }

    public static void flash(RedirectAttributes redirect, String successKey, Runnable action) {
        flash(redirect, successKey, action, false);
    }

    /**
     * As {@link #flash(RedirectAttributes, String, Runnable)}, except that a refusal because the thing named is unknown
     * goes on to the error handling (404): in self-service, another person's record or objection is answered exactly
     * as one that does not exist (issue #8: an objection on someone else's record → 404).
     */
    public static void flashOrNotFound(RedirectAttributes redirect, String successKey, Runnable action) {
        flash(redirect, successKey, action, true);
    }

    private static void flash(RedirectAttributes redirect, String successKey, Runnable action, boolean notFoundIs404) {
        try {
            action.run();
            redirect.addFlashAttribute("successKey", successKey);
        } catch (RuntimeException e) {
            if (notFoundIs404 && e instanceof DomainProblem problem && problem.kind() == DomainProblem.Kind.NOT_FOUND) {
                throw e;
            }
            flashRefusal(redirect, e);
        }
    }

    /**
     * The domain's refusal as the flash message of the page redirected to: its code and message.
     *
     * @throws RuntimeException {@code e} itself when it is not a domain refusal: not the user's to fix
     */
    public static void flashRefusal(RedirectAttributes redirect, RuntimeException e) {
        if (!(e instanceof DomainProblem problem)) {
            throw e;
        }
        redirect.addFlashAttribute("failure", problem.getMessage());
        redirect.addFlashAttribute("failureCode", problem.code());
    }

    /**
     * The domain's refusal of a form, for its page shown again with what was typed rather than redirected to, which
     * would lose it (issue #5: bad input gets a clear error and loses nothing): its code and message for the page's
     * alert, the field it names for the refusal beside that field, and for the page, which changed nothing, the status
     * the API gives the refusal's kind ({@link Problems#statusOf}): 422 for bad input, but 409 for a form that was
     * stale (another person changed the thing first) and 404 for a thing that is gone, as a client or a test reading
     * the status would otherwise take a conflict for a typing error.
     *
     * @throws RuntimeException {@code e} itself when it is not a domain refusal: not the user's to fix
     */
    public static void showRefusal(Model model, HttpServletResponse response, RuntimeException e) {
        if (!(e instanceof DomainProblem problem)) {
            throw e;
        }
        response.setStatus(Problems.statusOf(problem.kind()).value());
        describeRefusal(model, problem);
    }

    /**
     * The refusal for the page's alert: its code and message, and the field it names (a {@link FieldRefusal}) for the
     * refusal beside that field; the page's status is the caller's.
     */
    public static void describeRefusal(Model model, DomainProblem problem) {
        model.addAttribute("failure", problem.getMessage());
        model.addAttribute("failureCode", problem.code());
        if (problem instanceof FieldRefusal refusal) {
            model.addAttribute("refusedField", refusal.field());
        }
    }
}
