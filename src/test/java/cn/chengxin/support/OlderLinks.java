package cn.chengxin.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The "更早的记录 →" link of a person's paged list in self-service (fragments/older-pager, finding K9). */
public final class OlderLinks {

    private static final Pattern OLDER = Pattern.compile(
            "rel=\"next\" data-field=\"older\"\\s+href=\"([^\"]+)\"");

    private OlderLinks() {
    }

    /** The older page's address on {@code page}, which must have one. */
    public static String of(String page) {
        Matcher older = OLDER.matcher(page);
        assertThat(older.find()).as("a link to older records").isTrue();
        return older.group(1).replace("&amp;", "&");
    }

    /** The {@code before=} of an older page's address, which the forms of that page carry back (finding K9). */
    public static String before(String address) {
        return address.substring(address.indexOf("before=") + "before=".length());
    }

    /** Whether {@code page} links to older records. */
    public static boolean present(String page) {
        return OLDER.matcher(page).find();
    }
}
