package cn.chengxin.measures;

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
 * The establishment dates of the registered organisations checked, as the registry records them, remembered once
 * read: a check asks only for an organisation that would otherwise have a clean record ({@link CleanRecord}), and an
 * organisation's establishment date does not change, so each costs one read per instance, and a batch reads those
 * it names together. Never asked for persons, who are most checks.
 */
@Component
class Establishments {

    /** Remembered for an organisation whose date the registry does not record. */
    private static final LocalDate UNKNOWN = LocalDate.MIN;

    private final Function<Collection<String>, Map<String, LocalDate>> registry;
    private final ConcurrentHashMap<String, LocalDate> read = new ConcurrentHashMap<>();

    @Autowired
    Establishments(SubjectRegistry registry) {
        this(registry::establishedOn);
    }

    Establishments(Function<Collection<String>, Map<String, LocalDate>> registry) {
        this.registry = registry;
    }

    /** The organisation's establishment date; null when the registry does not record one. */
    LocalDate of(String pseudonym) {
        LocalDate date = read.get(pseudonym);
        if (date == null) {
            readAmong(List.of(pseudonym));
            date = read.get(pseudonym);
        }
        return date == UNKNOWN ? null : date;
    }

    /** Reads the dates of the organisations among {@code pseudonyms} not read before, in one query. */
    void readAmong(Collection<String> pseudonyms) {
        List<String> unread = pseudonyms.stream().filter(p -> !read.containsKey(p)).distinct().toList();
        if (unread.isEmpty()) {
            return;
        }
        Map<String, LocalDate> found = registry.apply(unread);
        unread.forEach(p -> read.put(p, found.getOrDefault(p, UNKNOWN)));
    }
}
