package cn.chengxin.account;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import cn.chengxin.shared.DomainProblem;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * An SMS provider reached over HTTPS, chosen by configuration ({@code chengxin.sms.gateway=http}), so that a city
 * plugs its provider in by settings rather than by building its own jar (gaps review xxxiii N6). Each text is one
 * {@code POST} of JSON to {@code chengxin.sms.http.url}:
 * <pre>{"account": "…", "template": "…", "phone": "13800138000", "text": "【信用平台】…", "messageId": "…"}</pre>
 * with the headers {@code X-Chengxin-Account}, {@code X-Chengxin-Timestamp} (epoch seconds) and {@code
 * X-Chengxin-Signature}, the hex HMAC-SHA256 of {@code timestamp + "\n" + body} under {@code chengxin.sms.http.secret};
 * most providers' gateways, or a small relay of the city's, take that form. Any 2xx answer is a text accepted; any other
 * answer, a timeout or a refused connection is a failure (the outbox of {@link NoticeTexts} tries a notice's text
 * again, under the same {@code messageId} — the notice's id — on which most providers drop a double when a try timed
 * out after they accepted it; a one-time code carries none and is asked for again by the citizen). The address must be {@code https://}: a text carries the
 * phone and a code (RULES.md §10); plain HTTP only with the development switch {@code
 * chengxin.sms.http.allow-plain-http}, which {@code ProductionGuard} refuses outside the dev and test profiles. Neither
 * the phone, the text nor the secret is ever logged, nor put in an exception's message.
 */
@Component
@ConditionalOnProperty(name = "chengxin.sms.gateway", havingValue = "http")
class HttpSmsGateway implements SmsGateway {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI url;
    private final String account;
    private final byte[] secret;
    private final String template;
    private final HttpClient http;
    private final JsonMapper json;
    private final Clock clock;

    @Autowired
    HttpSmsGateway(@Value("${chengxin.sms.http.url:}") String url,
                   @Value("${chengxin.sms.http.account:}") String account,
                   @Value("${chengxin.sms.http.secret:}") String secret,
                   @Value("${chengxin.sms.http.template:}") String template,
                   @Value("${chengxin.sms.http.allow-plain-http:false}") boolean allowPlainHttp,
                   JsonMapper json, Clock clock) {
        this(settings(url, account, secret, template, allowPlainHttp), account, secret, template,
                HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build(),
                json, clock);
    }

    HttpSmsGateway(URI url, String account, String secret, String template, HttpClient http, JsonMapper json,
                   Clock clock) {
        this.url = url;
        this.account = account.strip();
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.template = template.strip();
        this.http = http;
        this.json = json;
        this.clock = clock;
    }

    /** Refuses to start with an incomplete or plain-HTTP provider, naming the setting (never its value but the URL). */
    static URI settings(String url, String account, String secret, String template, boolean allowPlainHttp) {
        for (Map.Entry<String, String> setting : Map.of("chengxin.sms.http.url (CHENGXIN_SMS_HTTP_URL)", url,
                "chengxin.sms.http.account (CHENGXIN_SMS_HTTP_ACCOUNT)", account,
                "chengxin.sms.http.secret (CHENGXIN_SMS_HTTP_SECRET)", secret,
                "chengxin.sms.http.template (CHENGXIN_SMS_HTTP_TEMPLATE)", template).entrySet()) {
            if (setting.getValue() == null || setting.getValue().isBlank()) {
                throw new IllegalStateException("chengxin.sms.gateway=http needs " + setting.getKey());
            }
        }
        URI uri = URI.create(url.strip());
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && allowPlainHttp)) {
            throw new IllegalStateException("chengxin.sms.http.url must be https:// (texts carry phones and codes, "
                    + "RULES.md §10), not " + uri.getScheme() + "://" + uri.getHost());
        }
        return uri;
    }

    @Override
    public void send(String phone, String text) {
        send(phone, text, null);
    }

    /** With a {@code messageId}, the body carries it as {@code "messageId"}: the provider's client message id. */
    @Override
    public void send(String phone, String text, String messageId) {
        Map<String, String> message = new LinkedHashMap<>();
        message.put("account", account);
        message.put("template", template);
        message.put("phone", phone);
        message.put("text", text);
        if (messageId != null) {
            message.put("messageId", messageId);
        }
        String body = json.writeValueAsString(message);
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(url).timeout(TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("X-Chengxin-Account", account)
                .header("X-Chengxin-Timestamp", timestamp)
                .header("X-Chengxin-Signature", signature(timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        int status;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            throw refused("no answer (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw refused("interrupted");
        }
        if (status / 100 != 2) {
            throw refused("answered " + status);
        }
    }

    String signature(String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "\n" + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private AccountProblem refused(String what) {
        return new AccountProblem("SMS_PROVIDER_FAILED", DomainProblem.Kind.UNAVAILABLE,
                "短信服务商未能发送短信：" + what);
    }
}
