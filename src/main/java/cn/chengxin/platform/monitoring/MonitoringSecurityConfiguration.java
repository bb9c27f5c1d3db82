package cn.chengxin.platform.monitoring;

import cn.chengxin.shared.web.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Who may read the actuator (gaps review xxxiii N8). The health answer and its liveness and readiness groups stay
 * open, status only, for the balancer's checks; their components and details, the metrics and their Prometheus
 * scrape are for the operations team, who present the operations token ({@link OperationsToken}) as a bearer token.
 *
 * <p>Why a token and not the caller's address or a management port: behind the city's balancer or a reverse proxy
 * on the same host every request arrives from a local address, so "localhost only" would open the metrics to the
 * internet; a separate port is only as closed as a network rule the platform cannot check. A Prometheus server scrapes
 * every instance over the network with {@code authorization: credentials_file}. Not an API key either: API keys are
 * for departments, institutions and partners, with their own rate, audit and approval (issue #3), and none of their
 * holders may read how the platform runs. An operator who also sets {@code management.server.port} keeps the token.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class MonitoringSecurityConfiguration {

    /** The role the health details ({@code management.endpoint.health.roles}) and the metrics require. */
    static final String OPERATIONS = "OPERATIONS";

    @Bean
    OperationsToken operationsToken(@Value("${chengxin.monitoring.token:}") String token) {
        return new OperationsToken(token);
    }

    @Bean
    @Order(0)
    SecurityFilterChain actuatorChain(HttpSecurity http, OperationsToken token) throws Exception {
        return http.securityMatcher("/actuator", "/actuator/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .logout(l -> l.disable())
                .requestCache(r -> r.disable())
                .addFilterBefore(new OperationsTokenFilter(token), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .anyRequest().hasRole(OPERATIONS))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> Problems.write(response,
                                HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "需要运维监控令牌"))
                        .accessDeniedHandler((request, response, ex) -> Problems.write(response,
                                HttpStatus.FORBIDDEN, "FORBIDDEN", "无权访问该资源")))
                .build();
    }
}
