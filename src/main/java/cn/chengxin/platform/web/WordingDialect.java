package cn.chengxin.platform.web;

import java.util.Locale;
import java.util.Set;

import cn.chengxin.shared.PurposeWords;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * Every page's {@code #wording}: the platform's own purposes, legal bases and parties, which the audit log and the
 * reports store in Chinese, in the page's language (issue #7: an English page shows "Query by the person" where the
 * log says 本人查询). What someone typed, a name, a case number, is shown as stored ({@link PurposeWords}).
 */
@Component
class WordingDialect extends AbstractDialect implements IExpressionObjectDialect {

    private static final String WORDING = "wording";

    private final PurposeWords words;

    WordingDialect(MessageSource messages) {
        super(WORDING);
        this.words = new PurposeWords(messages);
    }

    /** What {@code #wording} offers a template, in the locale of the page being rendered. */
    public static final class Wording {

        private final PurposeWords words;
        private final Locale locale;

        Wording(PurposeWords words, Locale locale) {
            this.words = words;
            this.locale = locale;
        }

        public String purpose(String stored) {
            return words.purpose(stored, locale);
        }

        public String basis(String stored) {
            return words.basis(stored, locale);
        }

        /** 本人, 平台: the person and the platform as the platform names them; any other name as stored. */
        public String party(String stored) {
            return words.party(stored, locale);
        }
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {

            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of(WORDING);
            }

            @Override
            public Object buildObject(IExpressionContext context, String name) {
                return WORDING.equals(name) ? new Wording(words, context.getLocale()) : null;
            }

            @Override
            public boolean isCacheable(String name) {
                return true;
            }
        };
    }
}
