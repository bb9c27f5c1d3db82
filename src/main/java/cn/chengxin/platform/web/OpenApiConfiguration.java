package cn.chengxin.platform.web;

import cn.chengxin.shared.City;
import cn.chengxin.shared.security.PublicEndpoint;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs}, UI at {@code /swagger-ui.html}. It names the API key's scheme and
 * marks every operation that needs it (all but the {@link PublicEndpoint}s), so that the UI offers to authorise and a
 * generated client knows where its key goes.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String API_KEY = "apiKey";

    /** The integration guide (gaps review xxxvii R11), linked from the document's description. */
    static final String GUIDE = "docs/integration-guide.md in the platform's repository (对接指南)";

    /**
     * The servers a client generated from the document calls: the platform's public address (the one the reports' QR
     * codes carry, {@code chengxin.inquiry.public-url}) and, where the city runs one, its test platform's
     * ({@code chengxin.api.test-url}) — configured, never taken from the request that fetched the document (gaps
     * review xxxvii R11: a document fetched inside the network named an address vendors cannot reach).
     */
    static java.util.List<Server> servers(String publicUrl, String testUrl) {
        java.util.List<Server> servers = new java.util.ArrayList<>();
        servers.add(new Server().url(publicUrl.replaceAll("/+$", "")).description("本平台 / this platform"));
        if (testUrl != null && !testUrl.isBlank()) {
            servers.add(new Server().url(testUrl.strip().replaceAll("/+$", "")).description("测试平台 / test platform"));
        }
        return servers;
    }

    @Bean
    OpenAPI chengxinOpenApi(City city, ObjectProvider<BuildProperties> build,
                            @Value("${chengxin.inquiry.public-url:http://localhost:8080}") String publicUrl,
                            @Value("${chengxin.api.test-url:}") String testUrl) {
        return new OpenAPI().servers(servers(publicUrl, testUrl)).info(new Info()
                .title("Chengxin 诚信 API · " + city.siteTitle())
                .version(release(build))
                .description("个人公共信用信息平台 JSON API. Errors are RFC 9457 application/problem+json with a "
                        + "stable `code` member (schema Problem): each operation lists, per status, the codes it may "
                        + "answer, one example per code; `type` leads to the code's page (/problems/<code>). "
                        + "Integration guide (keys, environments, time zone, enumerations, errors, retries, "
                        + "idempotency, paging, files, exchange): " + GUIDE + ". " + COMPATIBILITY)
                .license(new License().name("Apache-2.0")))
                .components(new Components().addSchemas(ProblemResponses.SCHEMA, ProblemResponses.schema())
                        .addSecuritySchemes(API_KEY, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("Authorization: Bearer <key>, as issued in 控制台 → 接口客户端. 401 "
                                + "API_KEY_INVALID for an unknown or revoked key, API_KEY_EXPIRED for one past its "
                                + "expiry (有效期至, shown in the console), API_KEY_INSTITUTION_BANNED for one of an "
                                + "institution the violation register (违规机构名单) bans.")));
    }

    /**
     * The promise of {@code /api/v1} (gaps review xxxvii R3), as docs/api-changelog.md states it at length; the
     * document's version is the platform's release, the path's {@code v1} the promise's.
     */
    static final String COMPATIBILITY = "Compatibility of /api/v1: answers may gain fields and enumerations may gain "
            + "values, so ignore what you do not know; a request never gains a required field, and a field this "
            + "release does not know is ignored (a tolerant reader), while a known field that is wrong is refused. "
            + "Anything removed or renamed is first kept beside its successor and deprecated: the operation is marked "
            + "deprecated here, and its answers (or the answers to a request using a deprecated field) carry "
            + "`Deprecation` (RFC 9745), `Sunset` (RFC 8594) and `Link: <" + Deprecations.CHANGELOG
            + "#entry>; rel=\"deprecation\"`. Every change, dated, with what clients should do: " + Deprecations.CHANGELOG
            + " (docs/api-changelog.md).";

    /** The release the build recorded (META-INF/build-info.properties), or {@code dev} when run without one. */
    static String release(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        return properties == null || properties.getVersion() == null ? "dev" : properties.getVersion();
    }

    /** The key's requirement on every keyed operation, and every operation's error answers ({@link ProblemResponses}). */
    @Bean
    OperationCustomizer apiKeyRequired(MessageSource messages) {
        ProblemResponses problems = new ProblemResponses(messages);
        return (operation, handler) -> {
            boolean keyed = !handler.hasMethodAnnotation(PublicEndpoint.class)
                    && !handler.getBeanType().isAnnotationPresent(PublicEndpoint.class);
            if (keyed) {
                operation.addSecurityItem(new SecurityRequirement().addList(API_KEY));
            }
            if (Deprecations.of(handler) != null) {
                operation.setDeprecated(true);
            }
            return problems.customise(operation, handler, keyed);
        };
    }
}
