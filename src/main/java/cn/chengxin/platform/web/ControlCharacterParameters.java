package cn.chengxin.platform.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses a request whose parameters (a console form, a query string) hold a control character other than a tab or a
 * line break, before its handler runs. PostgreSQL refuses a NUL in any text, so such a form failed at its insert with a
 * server error, or, as audit entries are written in shared batches, failed other requests' actions too; no name,
 * reason or account of facts holds one. The answer is 400 VALIDATION_FAILED naming the parameter, and nothing is done.
 */
class ControlCharacterParameters implements HandlerInterceptor {

    /** A parameter holding a control character: which one, never its value. */
    static final class Refused extends RuntimeException {

        private final String parameter;

        Refused(String parameter) {
            super("control character in a request parameter", null, false, false);
            this.parameter = parameter;
        }

        String parameter() {
            return parameter;
        }
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            String name = parameter.getKey();
            if (holdsControl(name)) {
                throw new Refused(shown(name));
            }
            for (String value : parameter.getValue()) {
                if (holdsControl(value)) {
                    throw new Refused(name);
                }
            }
        }
        return true;
    }

    static boolean holdsControl(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (unwanted(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** A parameter's name as it may be answered: its control characters as U+FFFD. */
    private static String shown(String name) {
        StringBuilder shown = new StringBuilder(name.length());
        name.chars().forEach(c -> shown.append(unwanted((char) c) ? '\uFFFD' : (char) c));
        return shown.toString();
    }

    private static boolean unwanted(char c) {
        return Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t';
    }
}
