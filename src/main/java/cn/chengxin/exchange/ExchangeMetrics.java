package cn.chengxin.exchange;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The exchange's backlog for monitoring (gaps review xxxiii N8: a partner refusing every push for two days showed
 * only as a WARN and on the exchange console): per partner, the messages waiting for its acknowledgement, how long the
 * oldest has waited, those it refused (set aside) and its failed pushes in a row; and the totals. One query over the
 * outbox's index of unacknowledged rows, when scraped for the totals and every {@code chengxin.exchange.metrics-refresh}
 * (30 s) for the per-partner gauges, whose set of partners changes with the configuration (the age of a partner's
 * oldest message grows between two reads).
 */
@Component
class ExchangeMetrics implements MeterBinder {

    private final JdbcClient jdbc;
    private final Clock clock;
    private MultiGauge waiting;
    private MultiGauge oldest;
    private MultiGauge setAside;
    private MultiGauge pushFailures;

    ExchangeMetrics(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A partner's unacknowledged messages: waiting (and since when), refused; its failed pushes in a row. */
    record PartnerBacklog(String partner, long waiting, Instant oldestWaiting, long setAside, int pushFailures) {
    }

    List<PartnerBacklog> backlog() {
        return jdbc.sql("""
                        SELECT p.code, count(o.seq) FILTER (WHERE o.refused_at IS NULL),
                               min(o.queued_at) FILTER (WHERE o.refused_at IS NULL),
                               count(o.seq) FILTER (WHERE o.refused_at IS NOT NULL), p.failures
                        FROM exchange.partner p
                        LEFT JOIN exchange.outbox o ON o.partner_code = p.code AND o.acked_at IS NULL
                        GROUP BY p.code ORDER BY p.code""")
                .query((rs, n) -> {
                    Timestamp since = rs.getTimestamp(3);
                    return new PartnerBacklog(rs.getString(1), rs.getLong(2),
                            since == null ? null : since.toInstant(), rs.getLong(4), rs.getInt(5));
                }).list();
    }

    private double age(Instant since) {
        return since == null ? 0.0 : Duration.between(since, clock.instant()).toMillis() / 1000.0;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        waiting = MultiGauge.builder("chengxin.exchange.outbox.waiting")
                .description("Messages waiting for the partner's acknowledgement").register(registry);
        oldest = MultiGauge.builder("chengxin.exchange.outbox.oldest.age").baseUnit("seconds")
                .description("How long the partner's oldest waiting message has waited").register(registry);
        setAside = MultiGauge.builder("chengxin.exchange.outbox.set.aside")
                .description("Messages the partner refused for what they say, set aside").register(registry);
        pushFailures = MultiGauge.builder("chengxin.exchange.push.failures")
                .description("The partner's failed pushes in a row (backing off)").register(registry);
        Gauge.builder("chengxin.exchange.backlog", this,
                        m -> m.backlog().stream().mapToLong(PartnerBacklog::waiting).sum())
                .description("Messages waiting for any partner's acknowledgement").register(registry);
        Gauge.builder("chengxin.exchange.backlog.oldest.age", this,
                        m -> m.backlog().stream().mapToDouble(b -> m.age(b.oldestWaiting())).max().orElse(0.0))
                .baseUnit("seconds").description("How long the oldest message waiting for any partner has waited")
                .register(registry);
    }

    /** Reads the backlog again into the per-partner gauges: partners added or removed come and go with it. */
    @Scheduled(fixedDelayString = "${chengxin.exchange.metrics-refresh:PT30S}",
            initialDelayString = "${chengxin.exchange.metrics-refresh:PT30S}")
    void refresh() {
        if (waiting == null) {
            return;
        }
        List<PartnerBacklog> now = backlog();
        waiting.register(now.stream().map(b -> MultiGauge.Row.of(Tags.of("partner", b.partner()), b.waiting()))
                .toList(), true);
        oldest.register(now.stream().map(b -> MultiGauge.Row.of(Tags.of("partner", b.partner()), this,
                m -> m.age(b.oldestWaiting()))).toList(), true);
        setAside.register(now.stream().map(b -> MultiGauge.Row.of(Tags.of("partner", b.partner()), b.setAside()))
                .toList(), true);
        pushFailures.register(now.stream().map(b -> MultiGauge.Row.of(Tags.of("partner", b.partner()),
                b.pushFailures())).toList(), true);
    }
}
