package cn.chengxin.account;

import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.chengxin.support.NoticeBundles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * G13: every wording a notice may have is in both messages files, title and body, with the same arguments: the
 * English reader gets the notice in English, not a key or the Chinese fallback.
 */
class NoticeWordingTests {

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)}");

    @Test
    void everyWordingHasAChineseAndAnEnglishTitleAndBodyWithTheSameArguments() {
        Properties chinese = NoticeBundles.chinese();
        Properties english = NoticeBundles.english();
        for (String wording : NoticeWording.WORDINGS) {
            Set<String> chineseArguments = new TreeSet<>();
            Set<String> englishArguments = new TreeSet<>();
            for (String part : new String[]{"title", "body"}) {
                String key = "notice." + wording + "." + part;
                assertThat(chinese.getProperty(key)).as(key).isNotBlank().matches("(?s).*\\p{IsHan}.*");
                assertThat(english.getProperty(key)).as(key).isNotBlank().matches("(?s)[^\\p{IsHan}]*")
                        // MessageFormat: an apostrophe alone would swallow the arguments after it
                        .doesNotContainPattern("(?<!')'(?!')");
                chineseArguments.addAll(arguments(chinese.getProperty(key)));
                englishArguments.addAll(arguments(english.getProperty(key)));
            }
            assertThat(englishArguments).as(wording).isEqualTo(chineseArguments);
        }
    }

    @Test
    void everyNoticeWordingInTheFilesIsOneANoticeMayHave() {
        for (Properties bundle : new Properties[]{NoticeBundles.chinese(), NoticeBundles.english()}) {
            Set<String> wordings = new TreeSet<>();
            for (String key : bundle.stringPropertyNames()) {
                Matcher m = Pattern.compile("notice\\.([A-Z_]+)\\.(title|body)").matcher(key);
                if (m.matches()) {
                    wordings.add(m.group(1));
                }
            }
            assertThat(wordings).isEqualTo(new TreeSet<>(NoticeWording.WORDINGS));
        }
    }

    private static Set<String> arguments(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(pattern);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
