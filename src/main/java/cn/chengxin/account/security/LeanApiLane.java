package cn.chengxin.account.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.chengxin.shared.web.LeanEndpoint;
import cn.chengxin.shared.web.Problems;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * Gives the {@link LeanEndpoint}s their ordinary requests in the API's security chain, right after
 * {@link ApiKeyAuthenticationFilter}: the caller's key is then authenticated and its rate counted, and the security
 * headers are written as for every API answer, but the rest of the chain (anonymous, request cache, session,
 * authorisation by path) and Spring MVC's dispatch (handler lookup, interceptors, argument resolution, content
 * negotiation) are not walked. A check made at an approval window spends about as much CPU in them as in the check
 * itself (docs/performance-log.md).
 *
 * <p>Only a request this lane can judge in full is given to the endpoint: an API client holding the endpoint's
 * permission, at the exact path with no query string, with a body whose declared length is at most
 * {@link #LARGEST_BODY}. Everything else — no key, another permission, a longer or unannounced body, and whatever
 * the endpoint declines — goes on along the chain with its body as it came, and is answered, or refused, as before.
 */
final class LeanApiLane implements Filter {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LeanApiLane.class);

    /** The largest body read here: a single check's is under 300 bytes. */
    static final int LARGEST_BODY = 8 * 1024;

    /** By path, one endpoint each: looked up for every API request, so without building a key for it. */
    private final Map<String, LeanEndpoint> endpoints = new HashMap<>();

    LeanApiLane(List<LeanEndpoint> endpoints) {
        endpoints.forEach(e -> {
            if (this.endpoints.put(e.path(), e) != null) {
                throw new IllegalStateException("two lean endpoints at " + e.path());
            }
        });
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        LeanEndpoint atPath = endpoints.isEmpty() || request.getQueryString() != null ? null
                : endpoints.get(pathOf(request));
        LeanEndpoint endpoint = atPath != null && atPath.method().equals(request.getMethod()) ? atPath : null;
        long length = request.getContentLengthLong();
        if (endpoint == null || length < 0 && !"GET".equals(request.getMethod()) || length > LARGEST_BODY
                || !mayCall(endpoint)) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body;
        try {
            body = length <= 0 ? new byte[0] : request.getInputStream().readNBytes((int) length);
        } catch (IOException unreadable) {
            // The body cut short: Tomcat reports a caller that stopped sending, or whose connection broke or timed
            // out, as a failed read, not a short one. Thrown on from here, it left the API's error handling out (the
            // container answered with its own HTML page); the regular path is given the same failure to meet where it
            // reads the body, and answers it as it answers any body it could not read.
            chain.doFilter(new ReadAgain(request, new byte[0], unreadable), response);
            return;
        }
        if (body.length != Math.max(0, length)) {
            // Shorter than announced (the caller stopped sending): the regular path refuses what there is.
            chain.doFilter(new ReadAgain(request, body), response);
            return;
        }
        ServerHttpObservationFilter.findObservationContext(request)
                .ifPresent(observed -> observed.setPathPattern(endpoint.path()));
        if (cn.chengxin.shared.web.ControlCharacters.inJson(body).isPresent()) {
            // The regular path refuses a control character before anything is done (issue #2).
            chain.doFilter(new ReadAgain(request, body), response);
            return;
        }
        boolean answered;
        try {
            answered = endpoint.answer(body, request, response);
        } catch (RuntimeException | IOException failure) {
            failed(failure, request, response);
            return;
        }
        if (!answered) {
            chain.doFilter(body.length == 0 ? request : new ReadAgain(request, body), response);
        }
    }

    /**
     * What the application's error handling answers a failure with on the regular path (a problem with a reference
     * in the log), as Spring MVC's error handling is not on this one.
     */
    private static void failed(Exception failure, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String reference = java.util.UUID.randomUUID().toString();
        log.error("Unhandled error, reference {}", reference, failure);
        if (request.isAsyncStarted() || response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        Problems.writeInternalError(response, reference);
    }

    private static String pathOf(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context.isEmpty() ? uri : uri.substring(context.length());
    }

    /** As the chain's rule ({@code hasAuthority(API_CLIENT)}) and the endpoint's declared permission would judge. */
    private static boolean mayCall(LeanEndpoint endpoint) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || !(authentication.getPrincipal() instanceof cn.chengxin.account.ApiClientPrincipal)) {
            return false;
        }
        boolean client = false;
        boolean permitted = endpoint.permission() == null;
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            String held = authority.getAuthority();
            client |= ApiKeyAuthenticationFilter.API_CLIENT.equals(held);
            permitted |= endpoint.permission() != null && endpoint.permission().code().equals(held);
        }
        return client && permitted;
    }

    /**
     * The request as it came, its body read here given again to whoever reads it next, and the failure that stopped
     * the reading here, if any, met again after it.
     */
    private static final class ReadAgain extends HttpServletRequestWrapper {

        private final byte[] body;
        private final IOException failure;
        private ServletInputStream stream;

        ReadAgain(HttpServletRequest request, byte[] body) {
            this(request, body, null);
        }

        ReadAgain(HttpServletRequest request, byte[] body, IOException failure) {
            super(request);
            this.body = body;
            this.failure = failure;
        }

        @Override
        public ServletInputStream getInputStream() {
            if (stream == null) {
                stream = new Replayed(new ByteArrayInputStream(body), failure);
            }
            return stream;
        }

        @Override
        public java.io.BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
                    encoding == null ? java.nio.charset.StandardCharsets.UTF_8
                            : java.nio.charset.Charset.forName(encoding)));
        }
    }

    private static final class Replayed extends ServletInputStream {

        private final ByteArrayInputStream in;
        private final IOException failure;

        Replayed(ByteArrayInputStream in, IOException failure) {
            this.in = in;
            this.failure = failure;
        }

        @Override
        public int read() throws IOException {
            failIfDone();
            return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            failIfDone();
            return in.read(buffer, offset, length);
        }

        /** Past the bytes read here, a body whose reading failed here fails again, as the container's stream would. */
        private void failIfDone() throws IOException {
            if (failure != null && in.available() == 0) {
                throw failure;
            }
        }

        @Override
        public boolean isFinished() {
            return failure == null && in.available() == 0;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new IllegalStateException("a body read again is not read asynchronously");
        }
    }
}
