package cn.chengxin.platform.web;

import java.util.List;

import cn.chengxin.shared.web.RefusedRequests;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the modules that audit their routes' refusals ({@link RefusedRequests}) of an API request refused outside
 * their handlers, wherever the platform refused it: in the error handling, or in a filter before the body was read
 * ({@link ApiBodyLimit}). Their failing never changes the answer.
 */
final class Refusals {

    private static final Logger log = LoggerFactory.getLogger(Refusals.class);

    private Refusals() {
    }

    static void tell(List<RefusedRequests> refusals, HttpServletRequest request, int status, String code) {
        for (RefusedRequests told : refusals) {
            try {
                told.refused(request, status, code);
            } catch (RuntimeException failed) {
                log.warn("A refusal could not be reported to {}", told.getClass().getName(), failed);
            }
        }
    }
}
