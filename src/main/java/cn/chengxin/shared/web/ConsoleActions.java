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
        try {
            action.run();
            redirect.addFlashAttribute("successKey", successKey);
        } catch (RuntimeException e) {
            if (!(e instanceof DomainProblem problem)) {
                throw e;
            }
            redirect.addFlashAttribute("failure", problem.getMessage());
            redirect.addFlashAttribute("failureCode", problem.code());
        }
    }
}
