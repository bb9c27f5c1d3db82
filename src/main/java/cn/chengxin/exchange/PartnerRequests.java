package cn.chengxin.exchange;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;

import cn.chengxin.audit.SigningKeys;
import cn.chengxin.exchange.persistence.JdbcExchange;
import cn.chengxin.exchange.wire.SignedBatch;
import cn.chengxin.shared.DomainProblem;
import org.springframework.stereotype.Component;

/**
 * Authenticates a partner's request that carries no batch (a pull, a reconciliation): the partner signs the lines
 * {@code <operation>\n<partner>\n<this platform>\n<argument>\n<at>} with its SM2 key, and {@code at} must be
 * within the allowed skew of our clock. Also our own such requests to a partner, signed the same way.
 */
@Component
class PartnerRequests {

    private final JdbcExchange store;
    private final ExchangeSettings settings;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    PartnerRequests(JdbcExchange store, ExchangeSettings settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    static byte[] signedText(String operation, String from, String to, String argument, String at) {
        return (operation + "\n" + from + "\n" + to + "\n" + argument + "\n" + at).getBytes(StandardCharsets.UTF_8);
    }

    /** Our signature of a request to {@code partner}. */
    String sign(String operation, String partner, String argument, String at) {
        return Base64.getEncoder().encodeToString(settings.key().sign(signedText(operation,
                settings.platform().code(), partner, argument, at)));
    }

    /**
     * Sends a signed request to the partner's {@code path} ({@code query}: further parameters, may be empty; the time
     * signed goes as {@code at}) and returns the answer of a 200, else fails with the status.
     */
    HttpResponse<byte[]> send(Partner partner, String path, String query, String operation, String argument,
                              HttpRequest.BodyPublisher body) throws IOException, InterruptedException {
        if (settings.insecure(partner.baseUrl())) {
            throw new IOException("PARTNER_INSECURE_URL: plain http:// is not used, " + partner.code()
                    + "'s address must be https");
        }
        String at = clock.instant().toString();
        String parameters = (query.isEmpty() ? "" : query + "&") + "at=" + URLEncoder.encode(at, StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(partner.baseUrl() + path + "?" + parameters))
                .timeout(Duration.ofSeconds(30))
                .header(SignedBatch.PLATFORM, settings.platform().code())
                .header(SignedBatch.SIGNATURE, sign(operation, partner.code(), argument, at));
        request = body == null ? request.GET()
                : request.header("Content-Type", "application/json").POST(body);
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            String code = Pushing.problemField(new String(response.body(), StandardCharsets.UTF_8), "code");
            throw new IOException("HTTP " + response.statusCode() + " from " + partner.code() + " " + path
                    + (code == null ? "" : " " + code));
        }
        return response;
    }

    Partner knownPartner(String code) {
        return Optional.ofNullable(code).flatMap(store::partner).filter(Partner::enabled)
                .orElseThrow(() -> new ExchangeProblem("EXCHANGE_PARTNER_UNKNOWN", DomainProblem.Kind.FORBIDDEN,
                        "未登记的交换平台"));
    }

    /** The requesting partner, when its signature and time check out; refused with a stable code otherwise. */
    Partner authenticate(String operation, String requester, String argument, String at, String signature) {
        Partner partner = knownPartner(requester);
        boolean valid;
        try {
            valid = signature != null && SigningKeys.verify(partner.publicKey(), signedText(operation, requester,
                    settings.platform().code(), argument, at), Base64.getDecoder().decode(signature.strip()));
        } catch (IllegalArgumentException notBase64) {
            valid = false;
        }
        if (!valid) {
            throw new ExchangeProblem("EXCHANGE_SIGNATURE_INVALID", DomainProblem.Kind.FORBIDDEN, "请求的签名无效");
        }
        try {
            if (at == null || Duration.between(Instant.parse(at), clock.instant()).abs()
                    .compareTo(settings.maxSkew()) > 0) {
                throw new ExchangeProblem("EXCHANGE_BATCH_STALE", DomainProblem.Kind.INVALID_INPUT,
                        "请求时间与本平台时钟相差过大");
            }
        } catch (DateTimeParseException e) {
            throw new ExchangeProblem("EXCHANGE_BATCH_MALFORMED", DomainProblem.Kind.INVALID_INPUT,
                    "at: an ISO-8601 instant");
        }
        return partner;
    }
}
