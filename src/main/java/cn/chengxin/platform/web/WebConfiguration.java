package cn.chengxin.platform.web;

import java.time.Duration;
import java.util.Locale;

import cn.chengxin.shared.web.DeferredAnswer;
import cn.chengxin.shared.web.DeferredAnswerFilter;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Simplified Chinese first, English for a browser that asks for it before Chinese ({@link BrowserLanguage});
 * {@code ?lang=en} or {@code ?lang=zh_CN} switches and a cookie remembers the choice.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final LayoutModel layout;
    private final Deprecations deprecations;

    WebConfiguration(LayoutModel layout, Deprecations deprecations) {
        this.layout = layout;
        this.deprecations = deprecations;
    }

    /**
     * Outermost of all filters, so that a deferred answer is written only once the request thread is out of every
     * one of them (see {@link DeferredAnswer}).
     */
    @Bean
    FilterRegistrationBean<DeferredAnswerFilter> deferredAnswerFilter() {
        FilterRegistrationBean<DeferredAnswerFilter> registration = new FilterRegistrationBean<>(
                new DeferredAnswerFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setAsyncSupported(true);
        return registration;
    }

    /**
     * On the container's error dispatch, before security: errors the container meets answer problem+json on the API and
     * to programs.
     */
    @Bean
    FilterRegistrationBean<ContainerErrors> containerErrors() {
        FilterRegistrationBean<ContainerErrors> registration = new FilterRegistrationBean<>(new ContainerErrors());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.setDispatcherTypes(DispatcherType.ERROR);
        return registration;
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("chengxin-lang");
        resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        resolver.setDefaultLocaleFunction(BrowserLanguage::of);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        // First: a request refused for a control character in its parameters runs nothing else (issue #2).
        registry.addInterceptor(new ControlCharacterParameters());
        registry.addInterceptor(interceptor);
        registry.addInterceptor(layout);
        registry.addInterceptor(deprecations);
    }
}
