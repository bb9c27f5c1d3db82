package cn.chengxin.support;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import cn.chengxin.account.NoticeArg;

/**
 * The notices' wordings as the messages files hold them (G13): a notice's Chinese wording filled with its arguments as
 * the Chinese text had them must give that text, so that the Chinese and the English say the same thing.
 */
public final class NoticeBundles {

    private NoticeBundles() {
    }

    public static Properties chinese() {
        return bundle("messages.properties");
    }

    public static Properties english() {
        return bundle("messages_en.properties");
    }

    /** {@code notice.<wording>.<part>} of the Chinese file filled with the arguments' Chinese values. */
    public static String inChinese(String wording, String part, List<NoticeArg> args) {
        String pattern = chinese().getProperty("notice." + wording + "." + part);
        if (pattern == null) {
            throw new AssertionError("No notice." + wording + "." + part + " in messages.properties");
        }
        return new MessageFormat(pattern, Locale.SIMPLIFIED_CHINESE)
                .format(args.stream().map(NoticeArg::zh).toArray());
    }

    private static Properties bundle(String name) {
        Properties properties = new Properties();
        try (Reader in = new InputStreamReader(NoticeBundles.class.getResourceAsStream("/" + name),
                StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
