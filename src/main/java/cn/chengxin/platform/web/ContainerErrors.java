package cn.chengxin.platform.web;

import java.io.IOException;
import java.util.UUID;

import cn.chengxin.shared.web.HtmlClients;
import cn.chengxin.shared.web.Problems;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * The errors the container meets itself — a body that cannot be read to its announced length, an exception thrown out
 * of a filter, a {@code sendError} — answered as every other API error is: problem+json with a stable {@code code}
 * (ARCHITECTURE.md, cross-cutting rules). Without it the container's error dispatch reaches Spring Boot's default error
 * answer, a JSON of its own shape with no code. Runs on the error dispatch only, before the security chain, for
 * requests whose address was under {@code /api/} and for programs (no HTML in their {@code Accept},
 * {@link HtmlClients}) at any other address; a browser still gets the site's error page.
 */
final class ContainerErrors implements Filter {

    private static final Logger log = LoggerFactory.getLogger(ContainerErrors.class);

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        HttpServletResponse answer = (HttpServletResponse) response;
        if (!(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri)
                || !uri.startsWith(http.getContextPath() + "/api/") && HtmlClients.wantPage(http)
                || answer.isCommitted()) {
            chain.doFilter(request, response);
            return;
        }
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
                && HttpStatus.resolve(code) != null && code >= 400 ? code : 500;
        answer.resetBuffer();
        if (status >= 500) {
            String reference = UUID.randomUUID().toString();
            log.error("Unhandled error in the container, reference {}", reference,
                    (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
            Problems.writeInternalError(answer, reference);
            return;
        }
        HttpStatus resolved = HttpStatus.valueOf(status);
        Problems.write(answer, resolved, ProblemCodes.forStatus(status), detailOf(resolved));
    }

    private static String detailOf(HttpStatus status) {
        // The container's 400 is a body it could not read, not a parameter: said as such; the rest as Spring MVC says it.
        return switch (status) {
            case BAD_REQUEST -> "请求无法读取：请求体不完整或格式不正确";
            case CONTENT_TOO_LARGE -> "请求体超过接口的上限";
            default -> ErrorHandling.messageFor(status);
        };
    }
}
