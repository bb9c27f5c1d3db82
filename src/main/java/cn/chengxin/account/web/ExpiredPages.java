package cn.chengxin.account.web;

import java.net.URI;

import cn.chengxin.account.security.ExpiredFormRefusal;
import cn.chengxin.shared.security.PublicEndpoint;
import cn.chengxin.shared.web.ExpiredForms;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The page for a form refused because the page it was on expired ({@link ExpiredFormRefusal}): on the console, in
 * the self-service, and on the public site for a form whose page does not show it again itself. Reached by a
 * forward from security with the refused request, whatever its method; the form was not acted on.
 */
@Controller
class ExpiredPages {

    @PublicEndpoint
    @RequestMapping({ExpiredFormRefusal.CONSOLE_PAGE, ExpiredFormRefusal.SELF_SERVICE_PAGE,
            ExpiredForms.PREFIX + "/**"})
    String expired(HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        model.addAttribute("reload", reload(request));
        return "expired";
    }

    /**
     * The page the form was on, to load it afresh with a valid token: the path of the Referer that a browser sends
     * with a post from the same site (Referrer-Policy same-origin), if it lies in the section of the refused form.
     * Only the path, so that the link stays on this site, and without the query, so that an identity number typed
     * into an address by hand is not shown; else the section's start.
     */
    static String reload(HttpServletRequest request) {
        String forwardedTo = request.getServletPath();
        String section = forwardedTo.equals(ExpiredFormRefusal.CONSOLE_PAGE) ? "/console"
                : forwardedTo.equals(ExpiredFormRefusal.SELF_SERVICE_PAGE) ? "/me" : "";
        String home = request.getContextPath() + section;
        String referer = request.getHeader("Referer");
        if (referer != null) {
            try {
                String path = URI.create(referer).getRawPath();
                if (path != null && !path.startsWith("//") && (path.equals(home) || path.startsWith(home + "/"))) {
                    return path;
                }
            } catch (IllegalArgumentException notAnAddress) {
                // A Referer that is not an address names no page to reload.
            }
        }
        return home.isEmpty() ? "/" : home;
    }
}
