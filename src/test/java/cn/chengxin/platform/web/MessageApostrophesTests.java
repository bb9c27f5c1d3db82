package cn.chengxin.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import cn.chengxin.support.NoticeBundles;
import org.junit.jupiter.api.Test;

/**
 * A message with arguments is formatted by {@link java.text.MessageFormat}, where a lone apostrophe opens a quoted
 * part: "the item's records: {0}" shows "the items records: {0}" with the brace printed as it is. Such messages must
 * write the apostrophe twice.
 */
class MessageApostrophesTests {

    private static final Pattern ARGUMENT = Pattern.compile("\\{\\d");
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

    @Test
    void noMessageWithArgumentsHasALoneApostrophe() {
        for (Properties bundle : new Properties[] {NoticeBundles.chinese(), NoticeBundles.english()}) {
            Set<String> broken = new TreeSet<>();
            for (String key : bundle.stringPropertyNames()) {
                String message = bundle.getProperty(key);
                if (ARGUMENT.matcher(message).find() && LONE_APOSTROPHE.matcher(message).find()) {
                    broken.add(key);
                }
            }
            assertThat(broken).as("messages with arguments and a lone apostrophe").isEmpty();
        }
    }
}
