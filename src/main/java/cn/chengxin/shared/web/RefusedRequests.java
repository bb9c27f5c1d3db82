package cn.chengxin.shared.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Told of every API request the application's error handling answers with a problem, and of one refused for the
 * length its body declares before that body is read: so that a module whose route audits its own refusals also audits
 * those its handler never saw — refused by the framework before the handler ran (a body of another media type, 415; a
 * path variable not of its type, 404; a body past the bound, declared or while it was read, 413). The module tells the two apart itself (its handler marks the requests it judged), and names no personal data.
 * Called on the request's thread, with the caller authenticated; must not throw.
 */
public interface RefusedRequests {

    /** {@code status} and {@code code}: the problem the caller is answered. */
    void refused(HttpServletRequest request, int status, String code);
}
