package cn.chengxin.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal browser over real HTTP for the sign-in tests: keeps cookies, reads the CSRF token from the
 * last page, never follows redirects by itself (the tests look at them).
 */
public final class WebClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|"
            + "<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private String csrf;
    private java.net.http.HttpHeaders lastHeaders;
    private String forwardedFor;

    public WebClient(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * Sends every later request as from {@code address}, as the trusted proxy (127.0.0.1, the test profile) tells it:
     * for the per-address limits.
     */
    public WebClient from(String address) {
        this.forwardedFor = address;
        return this;
    }

    public record Page(int status, String location, String body) {
        public boolean redirectsTo(String path) {
            return location != null && (location.equals(path) || location.endsWith(path));
        }
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    /** Gets a page asking for HTML as a browser does: an error then comes as the error page rather than JSON. */
    public Page browse(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET().build());
    }

    /** Follows redirects within the site (GET), as a browser would after a form post. */
    public Page follow(Page page) {
        Page current = page;
        for (int i = 0; i < 5 && current.location() != null; i++) {
            String location = current.location().startsWith("http") ? URI.create(current.location()).getPath()
                    + (URI.create(current.location()).getQuery() == null ? ""
                    : "?" + URI.create(current.location()).getQuery()) : current.location();
            current = get(location);
        }
        return current;
    }

    public Page post(String path, Map<String, String> form) {
        return postFrom(null, path, form);
    }

    /** Posts a form as a browser does from the page at {@code page}: that page's address is sent as the Referer. */
    public Page postFrom(String page, String path, Map<String, String> form) {
        return postFrom(page, path, List.copyOf(form.entrySet()));
    }

    /** Posts a form whose fields may repeat, as a group of check boxes sends them. */
    public Page post(String path, List<Map.Entry<String, String>> form) {
        return postFrom(null, path, form);
    }

    private Page postFrom(String page, String path, List<Map.Entry<String, String>> form) {
        List<Map.Entry<String, String>> fields = new ArrayList<>(form);
        if (csrf != null && fields.stream().noneMatch(f -> f.getKey().equals("_csrf"))) {
            fields.add(Map.entry("_csrf", csrf));
        }
        StringBuilder body = new StringBuilder();
        fields.forEach(f -> body.append(body.isEmpty() ? "" : "&").append(encode(f.getKey())).append('=')
                .append(encode(f.getValue())));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded");
        if (page != null) {
            request.header("Referer", base + page);
        }
        return send(request.POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    /** A header of the last answer (Retry-After of a 429). */
    public Optional<String> lastHeader(String name) {
        return lastHeaders == null ? Optional.empty() : lastHeaders.firstValue(name);
    }

    public Optional<String> sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst();
    }

    /** Puts a session cookie back, as an attacker replaying a stolen cookie would. */
    public void useSession(String id) {
        cookies.getCookieStore().removeAll();
        HttpCookie cookie = new HttpCookie("JSESSIONID", id);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(base), cookie);
    }

    private Page send(HttpRequest request) {
        if (forwardedFor != null) {
            request = HttpRequest.newBuilder(request, (name, value) -> true).header("X-Forwarded-For", forwardedFor)
                    .build();
        }
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            lastHeaders = response.headers();
            Matcher m = CSRF.matcher(response.body());
            if (m.find()) {
                csrf = m.group(1) != null ? m.group(1) : m.group(2);
            }
            return new Page(response.statusCode(), response.headers().firstValue("Location").orElse(null),
                    response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
