package cn.chengxin.platform.database;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The context {@code upgrade-check} runs in, instead of the platform's (gaps review xliv Y2): the database as every
 * instance reaches it (the embedded server in dev and test, {@code CHENGXIN_DB_URL} otherwise) and Flyway as
 * {@code migrate} configures it, with {@link UpgradeCheckCommand} as its strategy, and nothing else. The platform's own start
 * would seed, schedule and read its tables on a schema the new release has not migrated yet. Not a component
 * (the platform's scan must not find it): {@code ChengxinApplication} names it as the command's source.
 */
@Import({EmbeddedPostgresConfiguration.class, UpgradeCheckCommand.class})
@ImportAutoConfiguration({DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class})
public class UpgradeCheckApplication {

    /** The command's name, as given first on the command line. */
    public static final String COMMAND = "upgrade-check";
}
