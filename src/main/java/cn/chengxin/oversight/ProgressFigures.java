package cn.chengxin.oversight;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import cn.chengxin.catalog.Catalogue;
import cn.chengxin.catalog.domain.Domain;
import cn.chengxin.creditfile.CollectionFigures;
import cn.chengxin.oversight.ProgressReport.DomainFigure;
import cn.chengxin.oversight.ProgressReport.GroupFigure;
import cn.chengxin.scoring.ScoreCoverage;
import cn.chengxin.scoring.Scoring;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.OccupationalGroup;
import org.springframework.stereotype.Component;

/**
 * The yearly progress report's figures that no kept day gives (gaps review xxxv P2 rest): the subjects with a file,
 * the year's records and distinct persons by key domain, each key occupational group's members and those with a file,
 * and the score coverage. Each is a distinct count over every record (or every member's id through the JVM), so they
 * are counted once and kept with the time they were counted, not at each view: by {@link SupervisionDays} each night,
 * after it has kept the closed days, for the current year, and otherwise by the first view of a year since this
 * instance started. The report says "截至" that time (as 工作台's and the scoring page's figures do).
 */
@Component
class ProgressFigures {

    /** The figures of a year as counted at {@code asOf}. */
    record Kept(Instant asOf, long subjectsWithFile, List<DomainFigure> domains, List<GroupFigure> groups,
                ScoreCoverage coverage) {
    }

    private final CollectionFigures collection;
    private final Catalogue catalogue;
    private final SubjectRegistry subjects;
    private final Scoring scoring;
    private final Clock clock;
    private final Map<Integer, Kept> kept = new ConcurrentHashMap<>();

    ProgressFigures(CollectionFigures collection, Catalogue catalogue, SubjectRegistry subjects, Scoring scoring,
                    Clock clock) {
        this.collection = collection;
        this.catalogue = catalogue;
        this.subjects = subjects;
        this.scoring = scoring;
        this.clock = clock;
    }

    /** The year's kept figures; counted now if none are kept (views of the same year meanwhile wait for that one count). */
    Kept of(int year) {
        return kept.computeIfAbsent(year, this::count);
    }

    /**
     * Counts {@code year}'s figures again and keeps them; the other years' are dropped, to be counted at their next
     * view (a past year's "as it stands" figures move too, and are seldom asked for).
     */
    Kept recount(int year) {
        Kept now = count(year);
        kept.keySet().removeIf(y -> y != year);
        kept.put(year, now);
        return now;
    }

    private Kept count(int year) {
        Instant asOf = clock.instant();
        return new Kept(asOf, collection.subjectsWithFile(),
                domains(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)), groups(), scoring.coverageTotal());
    }

    /**
     * The records first received in the period by their item's key domain (the version in force; an item never in
     * force counts as 综合), every domain listed (攀枝花 三(二): each key domain's records collected).
     */
    private List<DomainFigure> domains(LocalDate from, LocalDate to) {
        Map<String, String> domainOfItem = new HashMap<>();
        catalogue.versionsEverInForce().inForce().forEach((code, item) -> domainOfItem.put(code, item.domain().name()));
        Map<String, CollectionFigures.GroupFigure> received = new HashMap<>();
        collection.receivedByItemGroup(from, to, domainOfItem, Domain.GENERAL.name())
                .forEach(f -> received.put(f.group(), f));
        return Arrays.stream(Domain.values()).map(d -> {
            CollectionFigures.GroupFigure f = received.get(d.name());
            return f == null ? new DomainFigure(d, 0, 0) : new DomainFigure(d, f.records(), f.subjects());
        }).toList();
    }

    /** Every key occupational group: its members today and how many have a file (黄石 二(二): 重点人群信用数据库). */
    private List<GroupFigure> groups() {
        Map<OccupationalGroup, List<UUID>> members = subjects.currentMembersByGroup(LocalDate.now(clock));
        return Arrays.stream(OccupationalGroup.values()).map(g -> {
            List<UUID> ids = members.getOrDefault(g, List.of());
            return new GroupFigure(g, ids.size(), collection.withFileAmong(ids));
        }).toList();
    }
}
