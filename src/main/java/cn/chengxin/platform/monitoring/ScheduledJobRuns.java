package cn.chengxin.platform.monitoring;

import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.annotation.Schedules;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.scheduling.support.ScheduledTaskObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * When each scheduled job last ran to its end without throwing (gaps review xxxiii N8: a nightly job that threw was
 * only logged, and the scheduler moved on): the gauge {@code chengxin.job.last.success} (seconds since the epoch),
 * tagged {@code job=Class.method}, for every {@code @Scheduled} method, from Spring's observation of scheduled runs,
 * which also gives {@code tasks.scheduled.execution} (count, time, outcome). A job that catches a failure of its own to
 * go on and says it ({@link cn.chengxin.shared.JobOutcome}) does not end successfully here either (gaps review xlii W5
 * rest), so its gauge ages as a thrown failure's does.
 * Per instance: with N5's claims a job another instance ran shows here as not run.
 *
 * <p>Every job's gauge exists from the instance's start, set to the start until its first successful run (gaps
 * review xl U6): a job that fails, or never runs, after a restart then ages from the start, and the README's "older
 * than its period and a margin" alert fires for it, where a gauge made at the first success left no series to age.
 * A job whose cron is {@code "-"} (turned off) has none.
 */
@Component
class ScheduledJobRuns implements ObservationHandler<ScheduledTaskObservationContext>, SmartInitializingSingleton {

    private final Map<String, AtomicLong> lastSuccess = new ConcurrentHashMap<>();
    private final ObjectProvider<MeterRegistry> registry;
    private final Clock clock;
    private final ConfigurableListableBeanFactory beans;
    private final Environment environment;

    ScheduledJobRuns(ObjectProvider<MeterRegistry> registry, Clock clock, ConfigurableListableBeanFactory beans,
                     Environment environment) {
        this.registry = registry;
        this.clock = clock;
        this.beans = beans;
        this.environment = environment;
    }

    /** Before the scheduler starts (it does once the context is refreshed): every job's gauge, at the start. */
    @Override
    public void afterSingletonsInstantiated() {
        long start = clock.millis();
        for (String job : jobs(beans, environment)) {
            lastSuccess.computeIfAbsent(job, j -> registered(j, start));
        }
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
        return context instanceof ScheduledTaskObservationContext;
    }

    @Override
    public void onStop(ScheduledTaskObservationContext context) {
        if (context.getError() != null || JobRunRecords.caughtFailure(context)) {
            return;
        }
        String job = name(ClassUtils.getUserClass(context.getTargetClass()), context.getMethod());
        lastSuccess.computeIfAbsent(job, j -> registered(j, 0)).set(clock.millis());
    }

    /**
     * The {@code Class.method} of every {@code @Scheduled} method of the context's beans, as their runs are named,
     * found as Spring's scheduling finds them (merged and repeated annotations), leaving out those turned off.
     */
    static Set<String> jobs(ConfigurableListableBeanFactory beans, Environment environment) {
        return new TreeSet<>(schedules(beans, environment).keySet());
    }

    /**
     * {@link #jobs} with each one's schedule as resolved ("cron 0 5 0 * * * Asia/Shanghai", "fixedDelay PT30S"; a
     * method with several, joined by "; "), for the 后台作业 page.
     */
    static Map<String, String> schedules(ConfigurableListableBeanFactory beans, Environment environment) {
        Map<String, String> jobs = new TreeMap<>();
        annotated(beans).forEach((job, annotations) -> {
            StringJoiner schedule = new StringJoiner("; ");
            for (Scheduled s : annotations) {
                String cron = environment.resolvePlaceholders(s.cron()).trim();
                if (!Scheduled.CRON_DISABLED.equals(cron)) {
                    schedule.add(schedule(s, cron, environment));
                }
            }
            if (schedule.length() > 0) {
                jobs.put(job, schedule.toString());
            }
        });
        return jobs;
    }

    /** Two firings of a nightly job's cron are at least this far apart. */
    static final Duration NIGHTLY = Duration.ofHours(12);

    /**
     * The jobs of {@link #jobs} run at most twice a day: each of their crons turned on fires {@link #NIGHTLY} or more
     * after its firing before (the nightly retention and windows, the daily claims), none on a fixed delay or rate.
     * Their runs are audited each ({@link NightlyRuns}); the ticks' are not.
     */
    static Set<String> nightly(ConfigurableListableBeanFactory beans, Environment environment) {
        Set<String> nightly = new TreeSet<>();
        annotated(beans).forEach((job, annotations) -> {
            boolean on = false;
            boolean rare = true;
            for (Scheduled s : annotations) {
                String cron = environment.resolvePlaceholders(s.cron()).trim();
                if (!Scheduled.CRON_DISABLED.equals(cron)) {
                    on = true;
                    rare &= !cron.isEmpty() && rare(cron, s.zone());
                }
            }
            if (on && rare) {
                nightly.add(job);
            }
        });
        return nightly;
    }

    /** Whether the cron's next two firings after a fixed day are at least {@link #NIGHTLY} apart. */
    static boolean rare(String cron, String zone) {
        CronExpression expression = CronExpression.parse(cron);
        ZonedDateTime from = ZonedDateTime.of(2026, 1, 5, 0, 0, 0, 0,
                zone.isEmpty() ? ZoneOffset.UTC : ZoneId.of(zone));
        ZonedDateTime first = expression.next(from);
        ZonedDateTime second = first == null ? null : expression.next(first);
        return second == null || Duration.between(first, second).compareTo(NIGHTLY) >= 0;
    }

    /** Every {@code @Scheduled} method of the context's beans by its name, with its annotations (merged, repeated). */
    private static Map<String, Set<Scheduled>> annotated(ConfigurableListableBeanFactory beans) {
        Map<String, Set<Scheduled>> jobs = new TreeMap<>();
        for (String bean : beans.getBeanDefinitionNames()) {
            Class<?> type = beans.getType(bean, false);
            if (type == null) {
                continue;
            }
            Class<?> user = ClassUtils.getUserClass(type);
            MethodIntrospector.selectMethods(user, (MethodIntrospector.MetadataLookup<Set<Scheduled>>) m -> {
                Set<Scheduled> s = AnnotatedElementUtils.getMergedRepeatableAnnotations(m, Scheduled.class,
                        Schedules.class);
                return s.isEmpty() ? null : s;
            }).forEach((method, annotations) -> jobs.put(name(user, method), annotations));
        }
        return jobs;
    }

    private static String schedule(Scheduled s, String cron, Environment environment) {
        if (!cron.isEmpty()) {
            return ("cron " + cron + " " + s.zone()).strip();
        }
        String delay = environment.resolvePlaceholders(s.fixedDelayString());
        if (!delay.isEmpty() || s.fixedDelay() >= 0) {
            return "fixedDelay " + (delay.isEmpty() ? Duration.ofMillis(s.fixedDelay()) : delay);
        }
        String rate = environment.resolvePlaceholders(s.fixedRateString());
        return "fixedRate " + (rate.isEmpty() ? Duration.ofMillis(s.fixedRate()) : rate);
    }

    private static String name(Class<?> type, Method method) {
        return type.getSimpleName() + "." + method.getName();
    }

    /**
     * A job's gauge, first at {@code at}; after that a run costs one map look-up and one write. The gauge holds its
     * value strongly: Micrometer's default weak reference reads NaN once nothing else holds it (a unit test's handler
     * dropped after its start did).
     */
    private AtomicLong registered(String job, long at) {
        AtomicLong last = new AtomicLong(at);
        registry.ifAvailable(r -> Gauge.builder("chengxin.job.last.success", last, a -> a.get() / 1000.0)
                .strongReference(true)
                .description("When the scheduled job last ended without an error on this instance (until its first "
                        + "such run, when the instance started)")
                .tag("job", job).baseUnit("seconds").register(r));
        return last;
    }
}
