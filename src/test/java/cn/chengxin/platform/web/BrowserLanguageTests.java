package cn.chengxin.platform.web;

import java.util.Locale;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

import static org.assertj.core.api.Assertions.assertThat;

/** Gaps review xlv Z3: a first visit reads English when the browser asks for it before Chinese, else Chinese. */
class BrowserLanguageTests {

    @Test
    void aBrowserAskingForEnglishBeforeChineseReadsEnglish() {
        assertThat(BrowserLanguage.of("en-US,en;q=0.9")).isEqualTo(Locale.ENGLISH);
        assertThat(BrowserLanguage.of("en-GB")).isEqualTo(Locale.ENGLISH);
        assertThat(BrowserLanguage.of("fr-FR,fr;q=0.9,en;q=0.8")).as("English the first of the two").isEqualTo(Locale.ENGLISH);
        assertThat(BrowserLanguage.of("zh-CN;q=0.5,en;q=0.9")).as("by weight, not order").isEqualTo(Locale.ENGLISH);
    }

    @Test
    void anyOtherBrowserReadsChineseAsBefore() {
        for (String header : new String[] {null, "", "zh-CN,zh;q=0.9,en;q=0.8", "zh-TW,en", "zh", "fr-FR,de",
                "en;q=0,fr", "*", "not a ;; header ;q=x"}) {
            assertThat(BrowserLanguage.of(header)).as(String.valueOf(header)).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        }
    }

    @Test
    void theChosenLanguagesCookieStillDecides() {
        CookieLocaleResolver resolver = (CookieLocaleResolver) new WebConfiguration(null, null).localeResolver();
        MockHttpServletRequest english = new MockHttpServletRequest();
        english.addHeader("Accept-Language", "en-US,en;q=0.9");
        assertThat(resolver.resolveLocale(english)).isEqualTo(Locale.ENGLISH);

        MockHttpServletRequest chose = new MockHttpServletRequest();
        chose.addHeader("Accept-Language", "en-US,en;q=0.9");
        chose.setCookies(new Cookie("chengxin-lang", "zh-CN"));
        assertThat(resolver.resolveLocale(chose)).isEqualTo(Locale.SIMPLIFIED_CHINESE);

        assertThat(resolver.resolveLocale(new MockHttpServletRequest())).isEqualTo(Locale.SIMPLIFIED_CHINESE);
    }
}
