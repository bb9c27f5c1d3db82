package cn.chengxin.account.security;

import java.time.Clock;

import cn.chengxin.account.ApiClients;
import cn.chengxin.account.CitizenAccounts;
import cn.chengxin.account.CitizenPrincipal;
import cn.chengxin.account.SignInGuard;
import cn.chengxin.account.StaffLogin;
import cn.chengxin.shared.ratelimit.InstanceShare;
import cn.chengxin.shared.ratelimit.LimitCounters;
import cn.chengxin.shared.web.LeanEndpoint;
import cn.chengxin.shared.web.Problems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Three surfaces, three kinds of people (ARCHITECTURE.md): the staff console ({@code /console}, password
 * then TOTP), the citizens' self-service ({@code /me}, identity or phone number and password) and the API
 * ({@code /api}, bearer keys); everything else is the public site. Each endpoint's permission is then
 * checked by {@link PermissionInterceptor}. Session ids change at sign-in and again after the second
 * factor; sessions expire after 15 idle minutes (server.servlet.session.timeout); forms carry CSRF tokens, and a
 * form whose token is missing or stale is refused as {@link ExpiredFormRefusal} says, never with a bare 403. A program
 * asking those pages for JSON is refused with problem+json instead ({@link ProgramRefusals}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class AccountSecurityConfiguration implements WebMvcConfigurer {

    static final String STAFF = "STAFF";

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new PermissionInterceptor());
        registry.addInterceptor(new WatchedSessions());
        registry.addInterceptor(new PasswordChangeRequired());
    }

    /**
     * Spring Security would otherwise time every filter of every request, and each authorisation, as observations of
     * their own: on the API that is about a tenth of a request's work, for figures nobody reads (the request itself
     * stays observed as {@code http.server.requests}).
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @Order(1)
    SecurityFilterChain consoleChain(HttpSecurity http, StaffLogin login, Clock clock, SignInGuard guard,
                                     LimitCounters counters,
                                     @Value("${chengxin.account.logins-per-minute:10}") long loginsPerMinute)
            throws Exception {
        AccessDeniedHandlerImpl forbidden = new AccessDeniedHandlerImpl();
        forbidden.setErrorPage("/console/forbidden");
        return http.securityMatcher("/console/**", "/console")
                .addFilterAfter(new StaleStaffSessions(), SecurityContextHolderFilter.class)
                .addFilterBefore(new SignInGate("/console/login", counters, loginsPerMinute, clock, guard),
                        UsernamePasswordAuthenticationFilter.class)
                .authenticationProvider(new StaffPasswordAuthenticationProvider(login))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/console/login", ExpiredFormRefusal.CONSOLE_PAGE).permitAll()
                        .requestMatchers("/console/mfa", "/console/mfa/**")
                        .hasAuthority(StaffPasswordAuthenticationProvider.MFA_PENDING)
                        .requestMatchers("/console/forbidden").authenticated()
                        .anyRequest().hasAuthority(STAFF))
                .formLogin(f -> f.loginPage("/console/login").authenticationDetailsSource(SignInGate::details)
                        .successHandler((request, response, authentication) -> response.sendRedirect(
                                request.getContextPath() + secondFactorStep(authentication)))
                        .failureHandler(failure("/console/login", guard))
                        .permitAll())
                .exceptionHandling(e -> e.authenticationEntryPoint(ProgramRefusals.signIn("/console/login"))
                        .accessDeniedHandler(ProgramRefusals.forbidden(ExpiredFormRefusal.signInAgain("/console/login",
                        ExpiredFormRefusal.CONSOLE_PAGE, (request, response, denied) -> {
                            Authentication who = org.springframework.security.core.context.SecurityContextHolder
                                    .getContext().getAuthentication();
                            if (who != null && who.getPrincipal() instanceof PendingStaff) {
                                // Password given, second factor owed: the console stays shut until it is.
                                response.sendRedirect(request.getContextPath() + secondFactorStep(who));
                            } else if (who != null && who.getAuthorities().stream()
                                    .anyMatch(a -> STAFF.equals(a.getAuthority()))) {
                                forbidden.handle(request, response, denied);
                            } else {
                                response.sendError(HttpStatus.FORBIDDEN.value());
                            }
                        }))))
                .logout(l -> l.logoutUrl("/console/logout").logoutSuccessUrl("/console/login?logout")
                        .invalidateHttpSession(true).deleteCookies("JSESSIONID"))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .headers(AccountSecurityConfiguration::strictHeaders)
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain selfServiceChain(HttpSecurity http, CitizenAccounts citizens, Clock clock, SignInGuard guard,
                                         LimitCounters counters,
                                         @Value("${chengxin.account.logins-per-minute:10}") long loginsPerMinute)
            throws Exception {
        return http.securityMatcher("/me/**", "/me")
                .addFilterBefore(new SignInGate("/me/login", counters, loginsPerMinute, clock, guard),
                        UsernamePasswordAuthenticationFilter.class)
                .authenticationProvider(new CitizenAuthenticationProvider(citizens))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/me/login", "/me/register", "/me/register/**", "/me/recover",
                                "/me/recover/**", ExpiredFormRefusal.SELF_SERVICE_PAGE).permitAll()
                        .anyRequest().hasAuthority(CitizenAuthenticationProvider.CITIZEN))
                .formLogin(f -> f.loginPage("/me/login").authenticationDetailsSource(SignInGate::details)
                        .successHandler(citizenSignedIn()).failureHandler(failure("/me/login", guard)).permitAll())
                .exceptionHandling(e -> e.authenticationEntryPoint(ProgramRefusals.signIn("/me/login"))
                        .accessDeniedHandler(ProgramRefusals.forbidden(ExpiredFormRefusal.signInAgain("/me/login",
                        ExpiredFormRefusal.SELF_SERVICE_PAGE, new AccessDeniedHandlerImpl()))))
                .logout(l -> l.logoutUrl("/me/logout").logoutSuccessUrl("/me/login?logout")
                        .invalidateHttpSession(true).deleteCookies("JSESSIONID"))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .headers(AccountSecurityConfiguration::strictHeaders)
                .build();
    }

    /** Public API endpoints are listed here; the rest need a key and then the endpoint's permission. */
    @Bean
    @Order(3)
    SecurityFilterChain apiChain(HttpSecurity http, ApiClients clients, Clock clock,
                                 ObjectProvider<LeanEndpoint> lean,
                                 @Value("${chengxin.cluster.instances:1}") int instances) throws Exception {
        return http.securityMatcher("/api/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // A key is not signed out of: without this, every API request was matched against POST /logout.
                .logout(l -> l.disable())
                .addFilterBefore(new ApiKeyAuthenticationFilter(clients, clock, new InstanceShare(instances)),
                        BasicAuthenticationFilter.class)
                // Once the key is known: the ordinary requests of the hottest endpoints are answered from here.
                .addFilterAfter(new LeanApiLane(lean.orderedStream().toList()), ApiKeyAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/api/v1/platform", "/api/v1/platform/api-changes",
                                "/api/v1/identity/validations",
                                "/api/v1/audit/checkpoints", "/api/v1/audit/checkpoints/**", "/api/v1/catalog/items",
                                "/api/v1/catalog/items/*/schema.json", "/api/v1/catalog/items/*/template.csv",
                                "/api/v1/catalog/items/*/template.xlsx", "/api/v1/catalog/changes",
                                // Whoever holds a report holds its number and code, as on the page /verify (R10).
                                "/api/v1/reports/verifications",
                                // Partners sign what they send instead of holding an API key (exchange module).
                                "/api/v1/exchange/platform", "/api/v1/exchange/batches", "/api/v1/exchange/feed",
                                "/api/v1/exchange/reconciliation", "/api/v1/exchange/reconciliation/relayed")
                        .permitAll()
                        .anyRequest().hasAuthority(ApiKeyAuthenticationFilter.API_CLIENT))
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
                // A program (no HTML in its Accept) refused here reads problem+json, as on the console (issue #2).
                .exceptionHandling(e -> e.accessDeniedHandler(ProgramRefusals.forbidden(
                        ExpiredFormRefusal.showAgain(new AccessDeniedHandlerImpl()))))
                .headers(h -> h.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    static String secondFactorStep(Authentication authentication) {
        return authentication.getPrincipal() instanceof PendingStaff pending && !pending.secondFactorEnrolled()
                ? "/console/mfa/enrol" : "/console/mfa";
    }

    /**
     * To 个人中心, whatever page was asked for first, with the session indexed under the citizen's account: a new
     * password (找回密码) then ends every session of that citizen, on every instance ({@link CitizenPrincipal}).
     */
    private static AuthenticationSuccessHandler citizenSignedIn() {
        SimpleUrlAuthenticationSuccessHandler home = new SimpleUrlAuthenticationSuccessHandler("/me");
        home.setAlwaysUseDefaultTargetUrl(true);
        return (request, response, authentication) -> {
            if (authentication.getPrincipal() instanceof CitizenPrincipal citizen) {
                request.getSession().setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME,
                        CitizenPrincipal.sessionIndexOf(citizen.accountId()));
            }
            home.onAuthenticationSuccess(request, response, authentication);
        };
    }

    /**
     * Every refused password step answers alike, whatever the reason: a locked, disabled or unknown login as a wrong
     * password (RULES.md §10), so that the answer never tells whether a login exists.
     */
    private static AuthenticationFailureHandler failure(String loginPage, SignInGuard guard) {
        // An expired temporary password is told apart: only its holder, who typed it right, reaches that answer.
        return (request, response, exception) -> {
            boolean expired = exception instanceof CredentialsExpiredException;
            if (!expired) {
                guard.failed(request.getRemoteAddr()); // counted per address too, whatever account was named (I5)
                TypedUsername.keep(request);
            }
            response.sendRedirect(request.getContextPath() + loginPage + (expired ? "?temporaryExpired" : "?error"));
        };
    }

    private static void strictHeaders(HeadersConfigurer<HttpSecurity> headers) {
        headers.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .contentSecurityPolicy(c -> c.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                + "script-src 'self'; frame-ancestors 'none'"));
    }

}
