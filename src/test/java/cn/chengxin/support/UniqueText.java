package cn.chengxin.support;

import java.util.UUID;

/**
 * A text no other test writes, for titles and bodies of published content: a random UUID with letters for its
 * digits. A UUID's digits can read as a mobile number written with a hyphen ({@code …1391234-5678…}, about one UUID in
 * a few thousand), which the personal-details check of articles and cases rightly refuses.
 */
public final class UniqueText {

    private UniqueText() {
    }

    public static String next() {
        return UUID.randomUUID().toString().chars().map(c -> c >= '0' && c <= '9' ? c - '0' + 'g' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
