package cn.chengxin.platform.database;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** The embedded server runs only when no external database URL is configured. */
class EmbeddedPostgresCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String url = context.getEnvironment().getProperty("chengxin.db.url", "");
        return url.isBlank();
    }
}
