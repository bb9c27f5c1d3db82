package cn.chengxin.platform.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;

import cn.chengxin.shared.web.ControlCharacters;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Refuses a JSON body in which a string holds a control character other than a tab or a line break, before it is
 * read into its handler's arguments: 400 VALIDATION_FAILED naming where, and nothing done (issue #2, as
 * {@link ControlCharacterParameters} for a form). A handler that refuses them itself, value by value, says so
 * ({@link ControlCharacters.CheckedOneByOne}). Bodies are small (ApiBodyLimit bounds them), so reading one twice is
 * cheap; a body without an escaped control character is not parsed here.
 */
@ControllerAdvice
class ControlCharacterBodies extends RequestBodyAdviceAdapter {

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return !parameter.hasMethodAnnotation(ControlCharacters.CheckedOneByOne.class);
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
                                           Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        byte[] body = input.getBody().readAllBytes();
        ControlCharacters.inJson(body).ifPresent(where -> {
            throw new ControlCharacterParameters.Refused(where);
        });
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return input.getHeaders();
            }
        };
    }
}
