package cn.chengxin.platform.monitoring;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

import cn.chengxin.shared.jdbc.ResumablePasses;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gaps review xlii W4: the resumable passes (re-evaluations, revisions, withdrawals, shortenings, masking, resealing,
 * retention) that no chunk has moved for {@link ResumablePasses#STALLED}, per table. A stalled pass is taken up again
 * by its module's next tick, which logs a failing chunk and returns normally: the tick's own success gauge stays fresh
 * while the pass never ends. A pass table is any table with ResumablePasses' {@code progressed_at} and
 * {@code finished_at}, found once when the gauges are bound (after the migrations: binders are applied once every
 * singleton, Flyway's among them, is made); each is read when scraped, a pass table holding a row a pass.
 */
@Component
class StalledPassesMetrics implements MeterBinder {

    /** Written into SQL: a schema-qualified name, nothing else. */
    private static final Pattern TABLE = Pattern.compile("[a-z_]+\\.[a-z_]+");

    private final JdbcClient jdbc;
    private final Clock clock;

    StalledPassesMetrics(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The tables of passes, by their two columns. */
    List<String> tables() {
        return jdbc.sql("""
                        SELECT c.table_schema || '.' || c.table_name FROM information_schema.columns c
                        WHERE c.column_name = 'progressed_at'
                          AND c.table_schema NOT IN ('pg_catalog', 'information_schema')
                          AND EXISTS (SELECT 1 FROM information_schema.columns f
                                      WHERE f.table_schema = c.table_schema AND f.table_name = c.table_name
                                        AND f.column_name = 'finished_at')
                        ORDER BY 1""")
                .query(String.class).list().stream().filter(t -> TABLE.matcher(t).matches()).toList();
    }

    long stalled(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE finished_at IS NULL AND progressed_at < ?")
                .param(Timestamp.from(clock.instant().minus(ResumablePasses.STALLED))).query(Long.class).single();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String table : tables()) {
            Gauge.builder("chengxin.passes.stalled", this, m -> m.stalled(table)).tag("table", table)
                    .description("Unfinished passes no chunk has moved for two minutes: their runner fails or stopped")
                    .register(registry);
        }
    }
}
