package cn.chengxin.account;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Gaps review xxxiii N6: the HTTP SMS gateway against a provider stub on loopback (the JDK's HttpServer): what it
 * posts and signs, a refusal and a provider that is not there, and the settings it refuses to start with.
 */
class HttpSmsGatewayTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private HttpServer provider;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger answer = new AtomicInteger(200);

    private record Received(String method, String path, String account, String timestamp, String signature,
                            String body) {
    }

    @BeforeEach
    void provider() throws IOException {
        provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        provider.createContext("/sms/send", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("X-Chengxin-Account"),
                    exchange.getRequestHeaders().getFirst("X-Chengxin-Timestamp"),
                    exchange.getRequestHeaders().getFirst("X-Chengxin-Signature"),
                    new String(body, StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        provider.start();
    }

    @AfterEach
    void stop() {
        provider.stop(0);
    }

    private HttpSmsGateway gateway(URI url) {
        return new HttpSmsGateway(url, "city-account", "s3cret", "TPL_1001", HttpClient.newHttpClient(), JSON, CLOCK);
    }

    private URI url() {
        return URI.create("http://127.0.0.1:" + provider.getAddress().getPort() + "/sms/send");
    }

    @Test
    void aTextIsPostedAsSignedJsonWithTheAccountAndTemplate() {
        gateway(url()).send("13800138000", "【信用平台】您的异议已受理。");

        assertThat(received).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.account()).isEqualTo("city-account");
            assertThat(r.timestamp()).isEqualTo(Long.toString(CLOCK.instant().getEpochSecond()));
            JsonNode body = JSON.readTree(r.body());
            assertThat(body.get("account").asString()).isEqualTo("city-account");
            assertThat(body.get("template").asString()).isEqualTo("TPL_1001");
            assertThat(body.get("phone").asString()).isEqualTo("13800138000");
            assertThat(body.get("text").asString()).isEqualTo("【信用平台】您的异议已受理。");
            assertThat(r.signature()).hasSize(64)
                    .isEqualTo(gateway(url()).signature(r.timestamp(), r.body()));
            assertThat(r.signature()).isNotEqualTo(new HttpSmsGateway(url(), "city-account", "other", "TPL_1001",
                    HttpClient.newHttpClient(), JSON, CLOCK).signature(r.timestamp(), r.body()));
        });
    }

    /** S9 of gaps-review-xxxviii: a notice's text carries the notice's id, the same on every try, for the provider. */
    @Test
    void aTextSentUnderAnIdCarriesItAsTheClientMessageIdOnEveryTry() {
        gateway(url()).send("13800138000", "【信用平台】您的异议已受理。", "notice-1");
        gateway(url()).send("13800138000", "【信用平台】您的异议已受理。", "notice-1");
        gateway(url()).send("13800138000", "【信用平台】您的验证码是 123456。");

        assertThat(received).extracting(r -> JSON.readTree(r.body()).path("messageId").asString(""))
                .containsExactly("notice-1", "notice-1", "");
    }

    @Test
    void aRefusalOrNoProviderIsAFailureThatNamesNeitherPhoneNorText() {
        answer.set(503);
        AccountProblem refused = catchThrowableOfType(AccountProblem.class,
                () -> gateway(url()).send("13800138000", "【信用平台】验证码 123456"));
        assertThat(refused.code()).isEqualTo("SMS_PROVIDER_FAILED");
        assertThat(refused.getMessage()).contains("503").doesNotContain("13800138000").doesNotContain("123456");
        assertThat(received).hasSize(1);

        URI gone = url();
        provider.stop(0);
        AccountProblem unanswered = catchThrowableOfType(AccountProblem.class,
                () -> gateway(gone).send("13800138000", "【信用平台】验证码 123456"));
        assertThat(unanswered.code()).isEqualTo("SMS_PROVIDER_FAILED");
        assertThat(unanswered.getMessage()).doesNotContain("13800138000").doesNotContain("123456");
    }

    @Test
    void itStartsOnlyWithEverySettingAndAnHttpsAddressUnlessPlainHttpIsAllowedForDevelopment() {
        assertThat(HttpSmsGateway.settings("https://sms.example.cn/send", "a", "s", "t", false))
                .isEqualTo(URI.create("https://sms.example.cn/send"));
        assertThatThrownBy(() -> HttpSmsGateway.settings("http://sms.example.cn/send", "a", "s", "t", false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("https://");
        assertThat(HttpSmsGateway.settings("http://127.0.0.1:1/send", "a", "s", "t", true)).isNotNull();
        assertThatThrownBy(() -> HttpSmsGateway.settings("https://sms.example.cn/send", "a", "", "t", false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("CHENGXIN_SMS_HTTP_SECRET");
        assertThatThrownBy(() -> HttpSmsGateway.settings("", "a", "s", "t", false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("CHENGXIN_SMS_HTTP_URL");
    }
}
