package cn.chengxin.platform.web;

import cn.chengxin.shared.City;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at {@code /v3/api-docs}, UI at {@code /swagger-ui.html}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI chengxinOpenApi(City city) {
        return new OpenAPI().info(new Info()
                .title("Chengxin 诚信 API · " + city.siteTitle())
                .version("v1")
                .description("个人公共信用信息平台 JSON API. Errors are RFC 9457 application/problem+json with a "
                        + "stable `code` member (e.g. ID_CHECKSUM, VALIDATION_FAILED, UNAUTHENTICATED).")
                .license(new License().name("Apache-2.0")));
    }
}
