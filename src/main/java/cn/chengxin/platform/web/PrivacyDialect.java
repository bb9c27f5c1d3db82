package cn.chengxin.platform.web;

import java.util.Set;

import cn.chengxin.shared.privacy.IdentityRedaction;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * Every page's {@code #privacy.masked(text)}: a text a citizen wrote (an objection's statement, a tip-off's facts, a
 * repair applicant's account) shown to staff with any identity number in it masked, as on every screen (RULES.md §10:
 * masked on screens). Such texts are not refused, as staff texts are: a person may write their own number, or the
 * reported person's; they are kept as written and masked where staff read them.
 */
@Component
class PrivacyDialect extends AbstractDialect implements IExpressionObjectDialect {

    private static final String PRIVACY = "privacy";

    private static final Privacy MASKING = new Privacy();

    PrivacyDialect() {
        super(PRIVACY);
    }

    /** What {@code #privacy} offers a template. */
    public static final class Privacy {

        /** The text with every identity number in it masked (first and last four characters kept). */
        public String masked(String text) {
            return IdentityRedaction.redact(text);
        }
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {

            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of(PRIVACY);
            }

            @Override
            public Object buildObject(IExpressionContext context, String name) {
                return PRIVACY.equals(name) ? MASKING : null;
            }

            @Override
            public boolean isCacheable(String name) {
                return true;
            }
        };
    }
}
