package cn.chengxin.inquiry.domain;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The link a report's QR code and footer carry to the public verification page (报告核验). The verification code is
 * the report's secret: whoever holds it learns the person's masked name and the report's summary. So it travels in the
 * URL's fragment ({@code #n=…&c=…}), which a browser never sends: it reaches no access log, proxy or referrer, and the
 * page's script posts it in a form and drops it from the address bar and history. A query string would carry it to all
 * of those (RULES.md §10: personal information protected in transit and in logs; PIPL Art. 51). The language, which
 * the server needs to answer, stays in the query string.
 */
public final class VerificationLink {

    private VerificationLink() {
    }

    /** The link for the report {@code number} with {@code code}, under the platform's public address. */
    public static String of(String publicUrl, String number, String code, ReportLanguage language) {
        return publicUrl.replaceAll("/+$", "") + "/verify" + (language == ReportLanguage.EN ? "?lang=en" : "")
                + "#n=" + encode(number) + "&c=" + encode(code);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
