package cn.chengxin.shared.web;

import cn.chengxin.shared.DomainProblem;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How a console form action answers before redirecting: a flash message on success, the domain's refusal
 * (its code and message) when a rule stopped it. Anything else is not the user's to fix and goes on to the
 * error handling.
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
            if (!(e instanceof DomainProblem problem)
                    || notFoundIs404 && problem.kind() == DomainProblem.Kind.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("failure", problem.getMessage());
            redirect.addFlashAttribute("failureCode", problem.code());
        }
    }
}
