package cn.chengxin.measures;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import cn.chengxin.subject.SubjectRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The establishment dates of the registered organisations checked, as the registry records them, remembered for a
 * while once read: a check asks only for an organisation that would otherwise have a clean record
 * ({@link CleanRecord}), so each costs one read per instance and {@link #REMEMBERED}, and a batch reads those it names
 * together. Not for ever: a registration record delivered later gives a date the registry did not have (or corrects
 * one), and the next check must see it. Never asked for persons, who are most checks.
 */
@Component
class Establishments {

    static final Duration REMEMBERED = Duration.ofMinutes(10);

    /** Read at {@code readAt}; {@code date} null: the registry does not record one. */
    private record Read(LocalDate date, Instant readAt) {
    }

    private final Function<Collection<String>, Map<String, LocalDate>> registry;
    private final Clock clock;
    private final ConcurrentHashMap<String, Read> read = new ConcurrentHashMap<>();

    @Autowired
    Establishments(SubjectRegistry registry, Clock clock) {
        this(registry::establishedOn, clock);
    }

    Establishments(Function<Collection<String>, Map<String, LocalDate>> registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** The organisation's establishment date; null when the registry does not record one. */
    LocalDate of(String pseudonym) {
        Read known = read.get(pseudonym);
        if (known == null || stale(known)) {
            readAmong(List.of(pseudonym));
            known = read.get(pseudonym);
        }
        return known.date();
    }

    /** Reads the dates of the organisations among {@code pseudonyms} not read lately, in one query. */
    void readAmong(Collection<String> pseudonyms) {
        List<String> unread = pseudonyms.stream().filter(p -> {
            Read known = read.get(p);
            return known == null || stale(known);
        }).distinct().toList();
        if (unread.isEmpty()) {
            return;
        }
        Map<String, LocalDate> found = registry.apply(unread);
        Instant now = clock.instant();
        unread.forEach(p -> read.put(p, new Read(found.get(p), now)));
    }

    private boolean stale(Read known) {
        return known.readAt().isBefore(clock.instant().minus(REMEMBERED));
    }
}
