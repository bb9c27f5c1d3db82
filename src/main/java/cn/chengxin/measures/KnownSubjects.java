package cn.chengxin.measures;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.Function;

import cn.chengxin.shared.JobOutcome;
import cn.chengxin.subject.SubjectJoining;
import cn.chengxin.subject.SubjectRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Whether the registry knows a checked subject, answered from memory for the subjects registered when the instance
 * last read the registry (every resident, in a city), and from the registry for the others, so that a subject
 * registered a moment ago, here or on another instance, is known at once. Only "known" is remembered: a number nobody
 * holds is asked again at its next check, since its holder may be registered meanwhile. A check needs this before it
 * grants incentives for a clean record (RULES.md §7): the platform can vouch for three years without a negative
 * record only for someone it keeps a file on.
 *
 * <p>A number a subject holds as a further document (gaps review xxx L1: a 港澳居民居住证 besides the 通行证 it was
 * registered under) is answered with the subject's pseudonym, under which its entries are kept. Memory holds only the
 * pseudonyms subjects were registered under, so such a number is asked of the registry at each check, in the same
 * query as a number nobody holds: a check by the registered document costs what it did.
 *
 * <p>A subject joined into another (L1) stays in memory under the pseudonym it was registered under: such a pseudonym is
 * answered with the kept subject's. The instance that approved the join learns it at the commit ({@link #joined});
 * every instance follows the approved joins in the registry ({@link #followJoins}, every {@code
 * chengxin.measures.joins-follow}, 10 s by default), so that within that time of the commit no instance answers the
 * joined document from the joined subject's empty file (S2 of gaps-review-xxxviii). Each run counts the approved
 * joins and reads them again only when the count changed.
 *
 * <p>Registered subjects the registry had to confirm show that memory is behind it (a registry loaded in bulk after
 * the start): after {@link #RELOAD_AFTER} of them the registry is read again, in the background, at most once
 * every {@link #RELOAD_INTERVAL}.
 */
@Component
class KnownSubjects {

    static final int RELOAD_AFTER = 1_000;
    static final Duration RELOAD_INTERVAL = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(KnownSubjects.class);

    private final Function<Collection<String>, Map<String, String>> inRegistry;
    private final Consumer<LongConsumer> readRegistry;
    private final java.util.function.LongSupplier joinsApproved;
    private final java.util.function.Supplier<List<String>> joinedPseudonyms;
    /** The count of approved joins last followed; -1: none read yet. */
    private volatile long joinsFollowed = -1;
    private final Executor executor;
    private final Clock clock;
    private volatile PrefixSet known = new PrefixSet();
    private final AtomicInteger confirmed = new AtomicInteger();
    private final AtomicBoolean loading = new AtomicBoolean();
    private volatile Instant lastLoad = Instant.EPOCH;
    /** Pseudonyms of subjects joined into another since the last read (gaps review xxx L1): joined → kept. */
    private final Map<String, String> joined = new java.util.concurrent.ConcurrentHashMap<>();

    @Autowired
    KnownSubjects(SubjectRegistry registry, SubjectJoining joins,
                  @Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) TaskExecutor executor,
                  Clock clock) {
        this(registry::holdersAmong, registry::eachPseudonymPrefix, joins::approvedCount, joins::joinedPseudonyms,
                executor, clock);
    }

    /** Without joins to follow (a registry where nobody is ever joined). */
    KnownSubjects(Function<Collection<String>, Map<String, String>> inRegistry, Consumer<LongConsumer> readRegistry,
                  Executor executor, Clock clock) {
        this(inRegistry, readRegistry, () -> 0, List::of, executor, clock);
    }

    /**
     * @param inRegistry   the holder's pseudonym of each of some pseudonyms that is registered ({@link
     *                     SubjectRegistry#holdersAmong})
     * @param readRegistry hands every registered pseudonym's prefix over ({@link SubjectRegistry#eachPseudonymPrefix})
     */
    KnownSubjects(Function<Collection<String>, Map<String, String>> inRegistry, Consumer<LongConsumer> readRegistry,
                  java.util.function.LongSupplier joinsApproved,
                  java.util.function.Supplier<List<String>> joinedPseudonyms, Executor executor, Clock clock) {
        this.inRegistry = inRegistry;
        this.readRegistry = readRegistry;
        this.joinsApproved = joinsApproved;
        this.joinedPseudonyms = joinedPseudonyms;
        this.executor = executor;
        this.clock = clock;
    }

    /**
     * The pseudonym of the subject holding the checked document's number ({@code pseudonym}): itself for the document a
     * subject was registered under, the subject's for a further document; null when nobody registered holds it.
     */
    String holder(String pseudonym) {
        String kept = joined.get(pseudonym);
        if (kept != null) {
            return kept;
        }
        return known.contains(SubjectRegistry.pseudonymPrefix(pseudonym)) ? pseudonym
                : confirmed(List.of(pseudonym)).get(pseudonym);
    }

    boolean registered(String pseudonym) {
        return holder(pseudonym) != null;
    }

    /**
     * The holder's pseudonym ({@link #holder}) of each of the pseudonyms that is registered: those memory lacks are
     * asked of the registry together (a batch).
     */
    Map<String, String> holdersAmong(Collection<String> pseudonyms) {
        PrefixSet remembered = known;
        Map<String, String> holders = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (String pseudonym : pseudonyms) {
            String kept = joined.get(pseudonym);
            if (kept != null) {
                holders.put(pseudonym, kept);
            } else if (remembered.contains(SubjectRegistry.pseudonymPrefix(pseudonym))) {
                holders.put(pseudonym, pseudonym);
            } else {
                unknown.add(pseudonym);
            }
        }
        if (!unknown.isEmpty()) {
            holders.putAll(confirmed(unknown));
        }
        return holders;
    }

    private Map<String, String> confirmed(List<String> unknown) {
        PrefixSet remembered = known;
        Map<String, String> holders = inRegistry.apply(unknown);
        // Only a pseudonym a subject was registered under is remembered: a further document's must be answered with
        // its holder's, which memory does not keep.
        List<String> registered = holders.entrySet().stream().filter(h -> h.getKey().equals(h.getValue()))
                .map(Map.Entry::getKey).toList();
        registered.forEach(p -> remembered.add(SubjectRegistry.pseudonymPrefix(p)));
        if (!registered.isEmpty() && confirmed.addAndGet(registered.size()) >= RELOAD_AFTER
                && Duration.between(lastLoad, clock.instant()).compareTo(RELOAD_INTERVAL) >= 0) {
            loadInBackground();
        }
        return holders;
    }

    /**
     * A subject registered under {@code joinedPseudonym} was joined into the one under {@code keptPseudonym} (gaps
     * review xxx L1): memory still holds the joined pseudonym as registered, so it is answered with the kept one's from
     * now on. Another instance learns it from {@link #followJoins}.
     */
    void joined(String joinedPseudonym, String keptPseudonym) {
        joined.replaceAll((from, to) -> to.equals(joinedPseudonym) ? keptPseudonym : to);
        joined.put(joinedPseudonym, keptPseudonym);
    }

    /**
     * Learns the joins approved on any instance (S2 of gaps-review-xxxviii): when the count of approved joins changed,
     * each joined pseudonym is answered with its holder's in the registry from now on — the kept subject's, also after
     * a chain of joins. An approved join is never undone, so what was learnt stays; a join committed while this runs
     * changes the count again and is read at the next run.
     */
    @Scheduled(fixedDelayString = "${chengxin.measures.joins-follow:PT10S}",
            initialDelayString = "${chengxin.measures.joins-follow:PT10S}")
    void followJoins() {
        try {
            long approved = joinsApproved.getAsLong();
            if (approved == joinsFollowed) {
                return;
            }
            List<String> pseudonyms = joinedPseudonyms.get();
            if (!pseudonyms.isEmpty()) {
                inRegistry.apply(pseudonyms).forEach((from, to) -> {
                    if (!from.equals(to)) {
                        joined.put(from, to);
                    }
                });
            }
            joinsFollowed = approved;
        } catch (RuntimeException e) {
            // The next run tries again; until then a joined document may be answered from the joined file here.
            log.warn("approved joins could not be read: {}", e.toString());
            JobOutcome.failed("approved joins", e);
        }
    }

    /** Reads the registry once the application is up; until then checks ask the registry. */
    @EventListener(ApplicationReadyEvent.class)
    void loadInBackground() {
        if (loading.compareAndSet(false, true)) {
            executor.execute(this::load);
        }
    }

    private void load() {
        try {
            lastLoad = clock.instant();
            long started = System.nanoTime();
            PrefixSet fresh = new PrefixSet();
            readRegistry.accept(fresh::add);
            known = fresh;
            confirmed.set(0);
            log.info("{} registered subjects known to checks, read in {} ms", fresh.size(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            // Checks go on asking the registry for the subjects memory lacks; the next confirmations try again.
            log.warn("registered subjects could not be read: {}", e.toString());
        } finally {
            loading.set(false);
        }
    }

    /** How many registered subjects memory holds. */
    int remembered() {
        return known.size();
    }
}
