package cn.chengxin.listing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import cn.chengxin.listing.domain.PublicListing;
import cn.chengxin.listing.persistence.JdbcListing;
import cn.chengxin.subject.ResidentFacts;
import cn.chengxin.subject.SubjectRegistry;
import org.springframework.stereotype.Component;

/**
 * The persons the public lists must not name today ({@link PublicListing}: under 18, or of unknown age), judged on each
 * view on the registry's birth dates. The unfiltered pages, which every visitor and scraper pages through, would read
 * the birth date of everyone on the list on each view: the dates read are kept for {@link #KEPT}, so a view reads only
 * those of persons newly listed, and a birth date completed or corrected in the registry counts within that time.
 */
@Component
class WithheldFromPublicLists {

    static final Duration KEPT = Duration.ofMinutes(1);

    private final JdbcListing store;
    private final SubjectRegistry subjects;
    private final Clock clock;
    private final ConcurrentHashMap<UUID, Optional<LocalDate>> birthDates = new ConcurrentHashMap<>();
    private volatile Instant keptSince = Instant.MIN;

    WithheldFromPublicLists(JdbcListing store, SubjectRegistry subjects, Clock clock) {
        this.store = store;
        this.subjects = subjects;
        this.clock = clock;
    }

    List<UUID> among(ListType type, List<EntryStatus> statuses, String name, String pseudonym, LocalDate today) {
        Instant now = clock.instant();
        if (keptSince.isBefore(now.minus(KEPT))) {
            birthDates.clear();
            keptSince = now;
        }
        List<UUID> persons = store.publishedPersons(type, statuses, name, pseudonym, today);
        List<UUID> unread = persons.stream().filter(id -> !birthDates.containsKey(id)).toList();
        if (!unread.isEmpty()) {
            Map<UUID, ResidentFacts> facts = subjects.residentFacts(unread);
            unread.forEach(id -> birthDates.put(id, Optional.ofNullable(facts.get(id)).map(ResidentFacts::birthDate)));
        }
        return persons.stream().filter(id -> !PublicListing.namesPerson(
                birthDates.getOrDefault(id, Optional.empty()).orElse(null), today)).toList();
    }
}
