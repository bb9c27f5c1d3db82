package cn.chengxin.platform.web;

import java.time.Duration;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * 关怀模式 (gaps review xxxv O8; the MIIT's 《互联网网站适老化通用设计规范》 asks government sites for larger type and higher
 * contrast, offered as a 长辈版/关怀模式): the person switches it with {@code ?care=on} or {@code ?care=off} (the
 * masthead's button) and a cookie keeps the choice for a year; the layout then adds {@code css/care.css}. The cookie
 * holds the choice only: nothing personal, and it is not sent to any other site.
 */
final class CareMode {

    static final String COOKIE = "chengxin-care";
    static final String PARAMETER = "care";
    private static final String CHOSEN = CareMode.class.getName() + ".chosen";
    private static final Duration KEPT = Duration.ofDays(365);

    private CareMode() {
    }

    /** Takes the choice in {@code ?care=} into a cookie, and into this request, whose page shows it at once. */
    static void switchIfAsked(HttpServletRequest request, HttpServletResponse response) {
        String asked = request.getParameter(PARAMETER);
        if (!"on".equals(asked) && !"off".equals(asked)) {
            return;
        }
        boolean on = "on".equals(asked);
        Cookie cookie = new Cookie(COOKIE, on ? "on" : "");
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setMaxAge(on ? (int) KEPT.toSeconds() : 0);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
        request.setAttribute(CHOSEN, on);
    }

    static boolean on(HttpServletRequest request) {
        if (request.getAttribute(CHOSEN) instanceof Boolean chosen) {
            return chosen;
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE.equals(cookie.getName()) && "on".equals(cookie.getValue())) {
                    return true;
                }
            }
        }
        return false;
    }
}
