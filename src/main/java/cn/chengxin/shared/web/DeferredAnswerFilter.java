package cn.chengxin.shared.web;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

/**
 * The outermost filter: tells a {@link DeferredAnswer} when the request thread has left the filter chain, after which
 * the answer alone writes to the response. Its presence is what lets a handler defer its answer at all.
 */
public final class DeferredAnswerFilter implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        request.setAttribute(DeferredAnswer.FILTERED, Boolean.TRUE);
        try {
            chain.doFilter(request, response);
        } finally {
            if (request.getAttribute(DeferredAnswer.ATTRIBUTE) instanceof DeferredAnswer answer) {
                answer.chainLeft();
            }
        }
    }
}
