package cn.chengxin.support;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** What tests read of a rendered page, where its request comes from, and what it is asked with. */
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

    /** The request with these query or form parameters, given as name, value, name, value, … */
    public static MockHttpServletRequestBuilder withParams(MockHttpServletRequestBuilder request, String... params) {
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return request;
    }
}
