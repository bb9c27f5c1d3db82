package cn.chengxin.platform.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;

/**
 * The language of a page before the reader has chosen one (gaps review xlv Z3): Simplified Chinese, unless the
 * browser asks for English before any Chinese. A phone set to English (a foreign resident, a passport holder) read
 * every page in Chinese until it found the masthead's small "English" link; {@code ?lang=} and the cookie it sets
 * still decide once used. A browser naming Chinese first, naming neither language, or sending no or a malformed
 * {@code Accept-Language} reads Chinese, as before.
 */
final class BrowserLanguage {

    private BrowserLanguage() {
    }

    static Locale of(HttpServletRequest request) {
        return of(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    }

    static Locale of(String acceptLanguage) {
        for (Locale.LanguageRange range : ranges(acceptLanguage)) {
            String language = range.getRange().split("-", 2)[0];
            if (range.getWeight() > 0 && language.equals("zh")) {
                return Locale.SIMPLIFIED_CHINESE;
            }
            if (range.getWeight() > 0 && language.equals("en")) {
                return Locale.ENGLISH;
            }
        }
        return Locale.SIMPLIFIED_CHINESE;
    }

    /** The header's ranges by weight, highest first; none when it is absent or malformed. */
    private static List<Locale.LanguageRange> ranges(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return List.of();
        }
        try {
            return Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException malformed) {
            return List.of();
        }
    }
}
