package cn.chengxin.platform.web;

import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import cn.chengxin.shared.web.ApiDeprecated;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Tells a client that it uses a deprecated part of the API ({@link ApiDeprecated}; gaps review xxxvii R3): a handler
 * marked so before it runs, a request body's marked field once the body is read and the field was sent.
 */
@ControllerAdvice
class Deprecations extends RequestBodyAdviceAdapter implements HandlerInterceptor {

    /** Where the changelog is served ({@link PlatformApi#apiChanges()}); its entries are its anchors. */
    static final String CHANGELOG = "/api/v1/platform/api-changes";

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    /** RFC 9110's IMF-fixdate (two-digit day, as RFC_1123_DATE_TIME does not write it). */
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
            Locale.ENGLISH);

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method) {
            ApiDeprecated deprecated = of(method);
            if (deprecated != null) {
                announce(response, deprecated);
            }
        }
        return true;
    }

    /** The handler's own mark, else its class's. */
    static ApiDeprecated of(HandlerMethod method) {
        ApiDeprecated own = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), ApiDeprecated.class);
        return own != null ? own : AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), ApiDeprecated.class);
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return parameter.getParameterType().isRecord();
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
                                Class<? extends HttpMessageConverter<?>> converterType) {
        if (body != null && body.getClass().isRecord()
                && RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                && attributes.getResponse() != null) {
            for (RecordComponent component : body.getClass().getRecordComponents()) {
                ApiDeprecated deprecated = component.getAnnotation(ApiDeprecated.class);
                if (deprecated != null && sent(body, component)) {
                    announce(attributes.getResponse(), deprecated);
                    break;
                }
            }
        }
        return body;
    }

    private static boolean sent(Object body, RecordComponent component) {
        try {
            // The handlers' request records are package-private: their accessors are reached past that.
            java.lang.reflect.Method accessor = component.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(body) != null;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    /**
     * The three headers: {@code Deprecation} as an RFC 9651 date ({@code @} and seconds), {@code Sunset} as an HTTP
     * date, both the start of their Beijing day, and the changelog's entry as the deprecation's link.
     */
    static void announce(HttpServletResponse response, ApiDeprecated deprecated) {
        long since = LocalDate.parse(deprecated.since()).atStartOfDay(BEIJING).toEpochSecond();
        response.setHeader("Deprecation", "@" + since);
        response.setHeader("Sunset", HTTP_DATE.format(
                LocalDate.parse(deprecated.sunset()).atStartOfDay(BEIJING).withZoneSameInstant(ZoneOffset.UTC)));
        response.addHeader(HttpHeaders.LINK, "<" + CHANGELOG + "#" + deprecated.change()
                + ">; rel=\"deprecation\"; type=\"text/markdown\"");
    }
}
