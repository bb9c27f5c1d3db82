package cn.chengxin.platform.web;

import cn.chengxin.shared.City;
import cn.chengxin.shared.security.PublicEndpoint;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OperationCustomizer;
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

    @Bean
    OpenAPI chengxinOpenApi(City city) {
        return new OpenAPI().info(new Info()
                .title("Chengxin 诚信 API · " + city.siteTitle())
                .version("v1")
                .description("个人公共信用信息平台 JSON API. Errors are RFC 9457 application/problem+json with a "
                        + "stable `code` member (schema Problem): each operation lists, per status, the codes it may "
                        + "answer, one example per code; `type` leads to the code's page (/problems/<code>).")
                .license(new License().name("Apache-2.0")))
                .components(new Components().addSchemas(ProblemResponses.SCHEMA, ProblemResponses.schema())
                        .addSecuritySchemes(API_KEY, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("Authorization: Bearer <key>, as issued in 控制台 → 接口客户端. 401 "
                                + "API_KEY_INVALID for an unknown or revoked key, API_KEY_EXPIRED for one past its "
                                + "expiry (有效期至, shown in the console).")));
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
            return problems.customise(operation, handler, keyed);
        };
    }
}
