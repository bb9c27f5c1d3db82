package cn.chengxin.support;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.chengxin.account.DevSmsGateway;
import cn.chengxin.account.SmsDispatch;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The phone typed at the window for a person without an account phone, confirmed as the clerk confirms it (gaps review
 * xxxi M2): a code texted to it in a server session, read from the development gateway as the person reads it out.
 */
public final class WindowPhones {

    private static final Pattern CODE = Pattern.compile("验证码为 (\\d{6})");

    private WindowPhones() {
    }

    /** A session in which a code was texted to {@code phone}, with that code. */
    public record Sent(RequestPostProcessor session, String phone, String code) {

        /** The request in this session, with the phone and the code the person read out. */
        public MockMultipartHttpServletRequestBuilder on(MockMultipartHttpServletRequestBuilder request) {
            request.with(session).param("phone", phone).param("phoneCode", code);
            return request;
        }
    }

    public static Sent sent(MockMvc mvc, ApplicationContext context, Authentication clerk, String phone)
            throws Exception {
        RequestPostProcessor session = Sessions.of(context);
        mvc.perform(post("/console/reports/self/phone-code").param("phone", phone).with(session).with(csrf())
                .with(authentication(clerk)));
        return new Sent(session, phone, codeTextedTo(context, phone));
    }

    /** The newest window code texted to {@code phone} (the gateway keeps the run's newest 50 texts). */
    public static String codeTextedTo(ApplicationContext context, String phone) {
        assertThat(context.getBean(SmsDispatch.class).awaitIdle(Duration.ofSeconds(10))).as("texts sent").isTrue();
        String masked = phone.substring(0, 3) + "****" + phone.substring(7);
        String text = context.getBean(DevSmsGateway.class).recent().stream()
                .filter(m -> m.maskedPhone().equals(masked) && m.text().contains("服务窗口办理信用报告查询"))
                .findFirst().orElseThrow().text();
        Matcher code = CODE.matcher(text);
        assertThat(code.find()).isTrue();
        return code.group(1);
    }
}
