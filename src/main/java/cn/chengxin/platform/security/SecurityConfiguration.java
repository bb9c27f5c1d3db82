package cn.chengxin.platform.security;

import cn.chengxin.platform.web.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Three surfaces, three filter chains: the staff console ({@code /console}), the citizens' self-service
 * ({@code /me}) and the JSON API ({@code /api}); everything else is the public site. Staff and citizens
 * are separate user stores, so a citizen's login never opens the console.
 *
 * <p>Until the accounts module (issue #3) brings real accounts, two-factor login and API keys, the demo
 * accounts below exist in development only ({@code chengxin.demo.accounts}).
 */
// Commands (generate) run without a web server, and so without filter chains.
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    static final String DEMO_PASSWORD = "Chengxin@2026";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain consoleChain(HttpSecurity http, PasswordEncoder encoder,
                                @Value("${chengxin.demo.accounts:false}") boolean demoAccounts) throws Exception {
        InMemoryUserDetailsManager staff = new InMemoryUserDetailsManager();
        if (demoAccounts) {
            for (String name : new String[] {"clerk", "operator", "auditor"}) {
                staff.createUser(User.withUsername(name).password(encoder.encode(DEMO_PASSWORD)).roles("STAFF")
                        .build());
            }
        }
        return http.securityMatcher("/console/**", "/console")
                .userDetailsService(staff)
                .authorizeHttpRequests(a -> a.requestMatchers("/console/login").permitAll()
                        .anyRequest().hasRole("STAFF"))
                .formLogin(f -> f.loginPage("/console/login").defaultSuccessUrl("/console", true).permitAll())
                .logout(l -> l.logoutUrl("/console/logout").logoutSuccessUrl("/console/login?logout"))
                .headers(SecurityConfiguration::strictHeaders)
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain selfServiceChain(HttpSecurity http, PasswordEncoder encoder,
                                    @Value("${chengxin.demo.accounts:false}") boolean demoAccounts) throws Exception {
        InMemoryUserDetailsManager citizens = new InMemoryUserDetailsManager();
        if (demoAccounts) {
            citizens.createUser(User.withUsername("citizen").password(encoder.encode(DEMO_PASSWORD))
                    .roles("CITIZEN").build());
        }
        UserDetailsService users = citizens;
        return http.securityMatcher("/me/**", "/me")
                .userDetailsService(users)
                .authorizeHttpRequests(a -> a.requestMatchers("/me/login").permitAll()
                        .anyRequest().hasRole("CITIZEN"))
                .formLogin(f -> f.loginPage("/me/login").defaultSuccessUrl("/me", true).permitAll())
                .logout(l -> l.logoutUrl("/me/logout").logoutSuccessUrl("/me/login?logout"))
                .headers(SecurityConfiguration::strictHeaders)
                .build();
    }

    /** The API is stateless; public endpoints are listed here, the rest need credentials (issue #3). */
    @Bean
    @Order(3)
    SecurityFilterChain apiChain(HttpSecurity http) throws Exception {
        return http.securityMatcher("/api/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/api/v1/platform", "/api/v1/identity/validations").permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> Problems.write(response,
                                HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "需要有效的访问凭证"))
                        .accessDeniedHandler((request, response, ex) -> Problems.write(response,
                                HttpStatus.FORBIDDEN, "FORBIDDEN", "无权访问该资源")))
                .build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain publicSiteChain(HttpSecurity http) throws Exception {
        // No content-security policy here: the OpenAPI UI served on this chain needs inline scripts.
        return http.authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .headers(h -> h.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    private static void strictHeaders(
            org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity> headers) {
        headers.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .contentSecurityPolicy(c -> c.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                + "script-src 'self'; frame-ancestors 'none'"));
    }
}
