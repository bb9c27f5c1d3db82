package cn.chengxin.shared.web;

import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/** Whether a handler's outcome is a page to render (not an API answer, nor a redirect): what layouts add to. */
public final class PageViews {

    private PageViews() {
    }

    public static boolean rendersPage(ModelAndView outcome) {
        return outcome != null && outcome.hasView() && !(outcome.getView() instanceof RedirectView)
                && (outcome.getViewName() == null || !outcome.getViewName().startsWith("redirect:"));
    }
}
