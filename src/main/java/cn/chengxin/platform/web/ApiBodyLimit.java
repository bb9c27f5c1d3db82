package cn.chengxin.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import cn.chengxin.shared.web.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
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
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class ApiBodyLimit extends OncePerRequestFilter {

    private final long limit;

    ApiBodyLimit(@Value("${chengxin.api.max-body-size:32MB}") DataSize limit) {
        this.limit = limit.toBytes();
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
