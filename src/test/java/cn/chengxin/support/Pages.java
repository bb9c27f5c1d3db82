package cn.chengxin.support;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** What tests read of a rendered public page, and where its request comes from. */
public final class Pages {

    private static final Pattern LINK = Pattern.compile("(?:href|action|src)=\"([^\"]*)\"");

    private Pages() {
    }

    /** Every address the page links to, posts to or loads: its href, action and src attributes. */
    public static List<String> links(String html) {
        List<String> links = new ArrayList<>();
        Matcher m = LINK.matcher(html);
        while (m.find()) {
            links.add(m.group(1));
        }
        return links;
    }

    /** A request from this client address: public pages limit what each address may ask. */
    public static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
