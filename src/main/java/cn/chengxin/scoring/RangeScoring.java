package cn.chengxin.scoring;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.creditfile.CreditFile;
import cn.chengxin.creditfile.RecordColumns;
import cn.chengxin.creditfile.RecordStatus;
import cn.chengxin.scoring.domain.CompiledModel;
import cn.chengxin.scoring.domain.ScoreOutcome.NotScored;
import cn.chengxin.scoring.domain.ScoreSheet;
import cn.chengxin.scoring.persistence.JdbcRangeScores;
import cn.chengxin.scoring.persistence.RangeWrite;
import cn.chengxin.subject.ResidentFacts;
import cn.chengxin.subject.SubjectRegistry;
import org.springframework.context.ApplicationEventPublisher;

/**
 * One pass of the full recompute, range of person ids by range: the same rules as {@link Scoring#rescore} (records
 * that count: items usable for scoring in the version in force and the version collected under, shown; adults
 * resident long enough), read and scored without an object per
 * record. Only the records that can weigh anything are read — items the model prices and the catalogue allows,
 * decided since the decay's zero-weight limit — as columns; each person is scored on a reused {@link ScoreSheet}
 * and compared with the stored row straight away. Ranges may be scored on several threads at once.
 */
final class RangeScoring {

    private final CompiledModel model;
    private final LocalDate today;
    /** The item codes read, and for each its position in the model and its severity factor. */
    private final List<String> codes = new ArrayList<>();
    private final int[] modelItem;
    private final double[] severityFactor;
    /** By position in {@link #codes}: whether some of the item's records were collected under a version not usable. */
    private final boolean[] checkVersion;
    private final java.util.Map<String, Set<Integer>> notUsableThen;
    private final LocalDate decidedFrom;
    private final SubjectRegistry subjects;
    private final CreditFile creditFile;
    private final JdbcRangeScores store;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ThreadLocal<ScoreSheet> sheets;
    /** Each thread's columns, refilled range after range. */
    private final ThreadLocal<RecordColumns> columns = ThreadLocal.withInitial(RecordColumns::new);
    /** Each thread's arrays for the rows to write, reused range after range. */
    private final ThreadLocal<RangeWrite.Buffers> buffers = ThreadLocal.withInitial(RangeWrite.Buffers::new);
    /** How many subjects the pass graded with each grade, for the day's snapshot of the distribution. */
    private final java.util.concurrent.ConcurrentHashMap<String, Long> grades =
            new java.util.concurrent.ConcurrentHashMap<>();

    RangeScoring(CompiledModel model, UsableItems usable, LocalDate today, Set<RecordStatus> counted,
                 SubjectRegistry subjects, CreditFile creditFile, JdbcRangeScores store,
                 ApplicationEventPublisher events, Clock clock) {
        this.model = model;
        this.today = today;
        // The columns hold the records in use (shown), which are exactly the records that count (RULES.md §8).
        if (!counted.equals(java.util.EnumSet.copyOf(java.util.Arrays.stream(RecordStatus.values())
                .filter(RecordStatus::shown).toList()))) {
            throw new IllegalArgumentException("the full recompute counts the records in use, not " + counted);
        }
        this.subjects = subjects;
        this.creditFile = creditFile;
        this.store = store;
        this.events = events;
        this.clock = clock;
        List<Double> factors = new ArrayList<>();
        List<Integer> items = new ArrayList<>();
        usable.inForce().forEach((code, definition) -> {
            int k = model.itemIndex(code);
            if (k >= 0) {
                codes.add(code);
                items.add(k);
                factors.add(model.severityFactor(definition.severity()));
            }
        });
        modelItem = items.stream().mapToInt(Integer::intValue).toArray();
        severityFactor = factors.stream().mapToDouble(Double::doubleValue).toArray();
        notUsableThen = usable.notUsableThen();
        checkVersion = new boolean[codes.size()];
        for (int i = 0; i < codes.size(); i++) {
            checkVersion[i] = notUsableThen.containsKey(codes.get(i));
        }
        long first = model.firstCountingDay(today);
        decidedFrom = first == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(first);
        sheets = ThreadLocal.withInitial(model::sheet);
    }

    /** Rescores every person with an id in (after, last] (null: unbounded); returns how many. */
    int score(UUID after, UUID last) {
        Instant readAt = clock.instant();
        List<ResidentFacts> persons = subjects.residentFactsBetween(after, last);
        if (persons.isEmpty()) {
            return 0;
        }
        RecordColumns records = creditFile.columnsBetween(after, last, codes, decidedFrom, columns.get());
        // RULES.md §2, §8 (UsableItems): the range's records collected under a version of their item that did not
        // allow scoring; no query unless such a version was ever in force, then one per range and a set look-up for
        // the records of those items only.
        Set<UUID> notCounted = creditFile.collectedUnder(null, after, last, notUsableThen);
        RangeWrite range = store.begin(after, last, model, readAt, buffers.get());
        ScoreSheet sheet = sheets.get();
        Map<String, Long> graded = new java.util.HashMap<>();
        int r = 0;
        for (ResidentFacts person : persons) {
            long most = person.id().getMostSignificantBits();
            long least = person.id().getLeastSignificantBits();
            // Records of subjects that are not persons (organisations) lie between them in the id order.
            while (r < records.size() && compare(records, r, most, least) < 0) {
                r++;
            }
            Integer year = person.birthDate() == null ? null : person.birthDate().getYear();
            NotScored refusal = model.refusal(person.birthDate(), person.residentSince(), today).orElse(null);
            if (refusal != null) {
                range.notScored(person.id(), person.regionCode(), year, refusal);
                continue;
            }
            model.begin(sheet, today);
            for (; r < records.size() && compare(records, r, most, least) == 0; r++) {
                int i = records.item(r);
                if (checkVersion[i] && notCounted.contains(new UUID(records.keyMost(r), records.keyLeast(r)))) {
                    continue;
                }
                model.add(sheet, modelItem[i], records.decisionDay(r), severityFactor[i], records.keyMost(r),
                        records.keyLeast(r), null);
            }
            model.compute(sheet);
            range.scored(person.id(), person.regionCode(), year, sheet);
            graded.merge(sheet.band().grade(), 1L, Long::sum);
        }
        graded.forEach((grade, n) -> grades.merge(grade, n, Long::sum));
        List<GradesChanged.Change> changes = store.write(range).stream()
                .map(c -> new GradesChanged.Change(c.subjectId(), c.from(), c.to())).toList();
        if (!changes.isEmpty()) {
            events.publishEvent(new GradesChanged(changes, readAt));
        }
        return persons.size();
    }

    /**
     * How many persons the ranges scored so far graded with each grade: after the pass, the distribution of the
     * grades it computed (a grade stored meanwhile by a rescore from later facts is counted as the pass found it).
     */
    Map<String, Long> gradeCounts() {
        return Map.copyOf(grades);
    }

    /** The database's order of ids: unsigned, high bits first. */
    private static int compare(RecordColumns records, int row, long most, long least) {
        int order = Long.compareUnsigned(records.subjectMost(row), most);
        return order != 0 ? order : Long.compareUnsigned(records.subjectLeast(row), least);
    }
}
