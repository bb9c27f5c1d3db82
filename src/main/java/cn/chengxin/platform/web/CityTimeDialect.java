package cn.chengxin.platform.web;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;
import org.thymeleaf.expression.Temporals;

/**
 * Every page's {@code #temporals} formats a moment in the city's time (the clock's zone), not the server's. A legal
 * day is a Beijing day whatever the server's zone, and the notices name it so: Thymeleaf's own {@code #temporals}
 * takes the JVM's default zone, which put an entry taking effect at 01:30 in Beijing on the day before on a UTC
 * server's public list, and every time in the console eight hours early. Thymeleaf asks the dialect added last for
 * an expression object first, and the standard dialect is added before this one.
 */
@Component
class CityTimeDialect extends AbstractDialect implements IExpressionObjectDialect {

    private static final String TEMPORALS = "temporals";

    private final ZoneId zone;

    CityTimeDialect(Clock clock) {
        super("cityTime");
        this.zone = clock.getZone();
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {

            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of(TEMPORALS);
            }

            @Override
            public Object buildObject(IExpressionContext context, String name) {
                return TEMPORALS.equals(name) ? new Temporals(context.getLocale(), zone) : null;
            }

            @Override
            public boolean isCacheable(String name) {
                return true;
            }
        };
    }
}
