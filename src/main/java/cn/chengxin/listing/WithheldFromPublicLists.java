package cn.chengxin.listing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import cn.chengxin.listing.domain.PublicListing;
import cn.chengxin.listing.persistence.JdbcListing;
import cn.chengxin.shared.FeedCursor;
import cn.chengxin.subject.ResidentFacts;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.SubjectKind;
import org.springframework.stereotype.Component;

/**
 * The persons the public lists must not name today ({@link PublicListing}: under 18, or of unknown age), judged on the
 * registry's birth dates. The birth date of every person who holds an entry is read once, as the entry first appears
 * in the listing's change feed ({@link FeedCursor}, as the check index follows it), so that a view of the unfiltered
 * lists, which every visitor and scraper pages through, costs the same whatever the lists' size: a read of the feed's
 * latest changes and a pass over the few persons withheld. Those are read again every {@link #REJUDGED}, so that a
 * birth date completed in the registry names them in time; an entry the feed has not yet given is judged when it is
 * about to be shown ({@link #withheldAmong}), never shown unjudged.
 */
@Component
class WithheldFromPublicLists {

    static final Duration REJUDGED = Duration.ofMinutes(1);
    private static final int PAGE = 5_000;

    private final JdbcListing store;
    private final SubjectRegistry subjects;
    private final Clock clock;
    /** Every person holding an entry, with their birth date (empty: unknown). */
    private final ConcurrentHashMap<UUID, Optional<LocalDate>> birthDates = new ConcurrentHashMap<>();
    private final FeedCursor entries = new FeedCursor(Duration.ofSeconds(10));
    private Instant rejudgedAt = Instant.MIN;

    WithheldFromPublicLists(JdbcListing store, SubjectRegistry subjects, Clock clock) {
        this.store = store;
        this.subjects = subjects;
        this.clock = clock;
    }

    /** The persons not to be named on {@code today}; a search by name or number judges only its own candidates. */
    List<UUID> among(ListType type, EntryStatus status, JdbcListing.ByName name, String pseudonym,
                     LocalDate today) {
        if (name != null || pseudonym != null) {
            return withheldAmong(store.publishedPersons(type, status, name, pseudonym, today), today);
        }
        follow();
        return birthDates.entrySet().stream().filter(e -> !PublicListing.namesPerson(e.getValue().orElse(null), today))
                .map(Map.Entry::getKey).toList();
    }

    /** Of {@code persons} (a page about to be shown), those not to be named; any not yet judged is judged now. */
    List<UUID> withheldAmong(Collection<UUID> persons, LocalDate today) {
        judge(persons.stream().filter(id -> !birthDates.containsKey(id)).distinct().toList());
        return persons.stream().distinct().filter(id -> !PublicListing.namesPerson(
                birthDates.getOrDefault(id, Optional.empty()).orElse(null), today)).toList();
    }

    private synchronized void follow() {
        Instant now = clock.instant();
        List<ListEntry> changes;
        do {
            changes = store.changesSince(entries.position(), PAGE);
            judge(changes.stream().filter(e -> e.subjectKind() == SubjectKind.PERSON).map(ListEntry::subjectId)
                    .filter(id -> !birthDates.containsKey(id)).distinct().toList());
        } while (entries.advance(changes.stream().map(ListEntry::changeSeq).toList(), now)
                && changes.size() == PAGE);
        if (rejudgedAt.isBefore(now.minus(REJUDGED))) {
            rejudgedAt = now;
            LocalDate today = LocalDate.ofInstant(now, clock.getZone());
            judge(birthDates.entrySet().stream().filter(e -> !PublicListing.namesPerson(e.getValue().orElse(null),
                    today)).map(Map.Entry::getKey).toList());
        }
    }

    private void judge(List<UUID> persons) {
        if (persons.isEmpty()) {
            return;
        }
        Map<UUID, ResidentFacts> facts = subjects.residentFacts(persons);
        persons.forEach(id -> birthDates.put(id, Optional.ofNullable(facts.get(id)).map(ResidentFacts::birthDate)));
    }
}
