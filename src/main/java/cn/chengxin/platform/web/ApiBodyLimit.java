package cn.chengxin.platform.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import cn.chengxin.shared.web.Problems;
import cn.chengxin.shared.web.RefusedRequests;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds the body of an API request that is not a file upload (those have their own limit, spring.servlet.multipart):
 * the largest the API takes — 10,000 records of a submission or subjects of a batch check — is a few megabytes, and
 * without a bound a caller could make the server read any amount before answering. A body declared larger is refused
 * before it is read, one sent in chunks once it passes the bound; both with 413 BODY_TOO_LARGE, not as malformed JSON.
 *
 * <p>Right after the security chain: the caller is known (one without a key is refused 401 first, as for any other
 * body), so that a body refused for its declared length is told to the modules that audit their routes' refusals
 * ({@link RefusedRequests}), as the one refused while it is read is by {@link ErrorHandling} (issue #2). No filter
 * of the security chain reads an API body past the lean lane's few kilobytes.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1)
class ApiBodyLimit extends OncePerRequestFilter {

    private final long limit;
    private final List<RefusedRequests> refusals;

    ApiBodyLimit(@Value("${chengxin.api.max-body-size:32MB}") DataSize limit, List<RefusedRequests> refusals) {
        this.limit = limit.toBytes();
        this.refusals = List.copyOf(refusals);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                || (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            Refusals.tell(refusals, request, HttpStatus.CONTENT_TOO_LARGE.value(), ProblemCodes.BODY_TOO_LARGE);
            Problems.write(response, HttpStatus.CONTENT_TOO_LARGE, ProblemCodes.BODY_TOO_LARGE, detail());
            return;
        }
        chain.doFilter(declared >= 0 ? request : new Bounded(request, limit, detail()), response);
    }

    private String detail() {
        return "请求体超过上限（" + DataSize.ofBytes(limit).toMegabytes() + " MB）；大批量数据请分批提交或以文件上传";
    }

    /** Raised while reading a body sent without its length once it passes the bound. */
    static final class TooLarge extends IOException {

        TooLarge(String detail) {
            super(detail);
        }
    }

    /** A request whose body, sent without its length, is counted as it is read. */
    private static final class Bounded extends HttpServletRequestWrapper {

        private final long limit;
        private final String detail;
        private ServletInputStream counted;

        Bounded(HttpServletRequest request, long limit, String detail) {
            super(request);
            this.limit = limit;
            this.detail = detail;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (counted == null) {
                counted = new Counted(super.getInputStream(), limit, detail);
            }
            return counted;
        }
    }

    private static final class Counted extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private final String detail;
        private long read;

        Counted(ServletInputStream in, long limit, String detail) {
            this.in = in;
            this.limit = limit;
            this.detail = detail;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > limit) {
                throw new TooLarge(detail);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
