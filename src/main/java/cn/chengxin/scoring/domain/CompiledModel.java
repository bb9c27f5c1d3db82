package cn.chengxin.scoring.domain;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import cn.chengxin.catalog.domain.Severity;
import cn.chengxin.scoring.domain.ScoreOutcome.NotScored;
import cn.chengxin.scoring.domain.ScoreOutcome.Scored;

/**
 * A valid {@link ScoreModel} prepared for scoring many subjects: item lookups, dimension indexes, weights and grade
 * bands are resolved once, so that scoring a subject costs a few small arrays and the result. Immutable; one
 * instance may score from many threads at once. Obtain one from {@link ScoreCalculator#compile(ScoreModel)}.
 *
 * <p>The calculation: each record that counts weighs its recency decay × its severity weight (records weighing
 * nothing are left out); of each item only the {@code perRecordCap} most recent records count; a record moves its
 * dimension by points × weight; a dimension moves the score by at most its cap, and when it would move it by more
 * its records are scaled down alike; the score is base + the dimensions' points, kept within the model's range.
 * Rounding happens once per dimension, and the records' rounded points are apportioned (largest remainder) so
 * that they add up to their dimension's points. The result does not depend on the order of the records.
 */
public final class CompiledModel {

    /** Above this many records a subject's records are sorted with the JDK sort instead of insertion sort. */
    private static final int INSERTION_SORT_LIMIT = 48;

    private final ScoreModel model;
    private final Map<String, Integer> itemIndex;
    private final String[] itemCodes;
    private final int[] itemPoints;
    private final int[] itemDimension;
    private final int[] itemCap;
    private final String[] dimensionCodes;
    private final String[] dimensionLabels;
    private final int[] dimensionCaps;
    private final double[] severityWeights;
    private final boolean noDecay;
    private final GradeBand[] bands;
    private final List<DimensionScore> unmovedDimensions;
    private final Scored unmoved;
    private final NotScored minor;
    private final NotScored ageUnknown;
    private final NotScored notResident;
    private final NotScored residenceTooShort;

    CompiledModel(ScoreModel model) {
        List<String> problems = model.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("评分模型 " + model.code() + " 无效：" + String.join("；", problems));
        }
        this.model = model;
        List<Dimension> dimensions = model.dimensions();
        int dims = dimensions.size();
        dimensionCodes = new String[dims];
        dimensionLabels = new String[dims];
        dimensionCaps = new int[dims];
        Map<String, Integer> dimensionIndex = new HashMap<>();
        DimensionScore[] zero = new DimensionScore[dims];
        for (int d = 0; d < dims; d++) {
            Dimension dimension = dimensions.get(d);
            dimensionCodes[d] = dimension.code();
            dimensionLabels[d] = dimension.label();
            dimensionCaps[d] = dimension.cap();
            dimensionIndex.put(dimension.code(), d);
            zero[d] = new DimensionScore(dimension.code(), dimension.label(), 0, dimension.cap(), false);
        }
        unmovedDimensions = List.of(zero);

        // Items are numbered in dimension order so that records sorted by item are grouped by dimension too.
        List<ItemPoints> items = model.items().stream()
                .filter(i -> i.points() != 0)
                .sorted(Comparator.comparingInt(i -> dimensionIndex.get(i.dimension())))
                .toList();
        int count = items.size();
        itemIndex = new HashMap<>(count * 2);
        itemCodes = new String[count];
        itemPoints = new int[count];
        itemDimension = new int[count];
        itemCap = new int[count];
        for (int k = 0; k < count; k++) {
            ItemPoints item = items.get(k);
            itemIndex.put(item.itemCode(), k);
            itemCodes[k] = item.itemCode();
            itemPoints[k] = item.points();
            itemDimension[k] = dimensionIndex.get(item.dimension());
            itemCap[k] = item.perRecordCap();
        }

        severityWeights = new double[Severity.values().length];
        for (Severity s : Severity.values()) {
            severityWeights[s.ordinal()] = model.severityWeight(s);
        }
        noDecay = model.decay().isNone();
        bands = model.grades().stream().sorted(Comparator.comparingInt(GradeBand::minInclusive))
                .toArray(GradeBand[]::new);
        GradeBand base = gradeOf(model.baseScore());
        unmoved = new Scored(model.baseScore(), base.grade(), base.label(), unmovedDimensions, List.of());

        minor = new NotScored(NotScored.MINOR, "未成年人不评分");
        ageUnknown = new NotScored(NotScored.AGE_UNKNOWN, "出生日期不明，无法确认已成年，不评分");
        notResident = new NotScored(NotScored.NOT_RESIDENT, "无本地户籍或常住登记，不评分");
        residenceTooShort = new NotScored(NotScored.RESIDENCE_TOO_SHORT,
                "在本地居住不满 " + model.minResidenceMonths() + " 个月，暂不评分");
    }

    public ScoreModel model() {
        return model;
    }

    /** The grade band containing {@code score}, a score within the model's range. */
    public GradeBand gradeOf(int score) {
        for (GradeBand band : bands) {
            if (band.contains(score)) {
                return band;
            }
        }
        throw new IllegalArgumentException("分数 " + score + " 超出评分模型 " + model.code() + " 的范围");
    }

    /**
     * Why the subject is not scored, if so: minors never are (issue #6); adults only after living here
     * {@code minResidenceMonths} (Rongcheng: one year). {@code residentSince} is the start of the subject's current
     * 户籍 or 常住 registration; null: none, not scored. Lets a caller skip reading records of subjects not scored.
     */
    public Optional<NotScored> refusal(LocalDate birthDate, LocalDate residentSince, LocalDate today) {
        return Optional.ofNullable(refusalOrNull(birthDate, residentSince, today));
    }

    private NotScored refusalOrNull(LocalDate birthDate, LocalDate residentSince, LocalDate today) {
        if (birthDate == null) {
            return ageUnknown;
        }
        if (birthDate.plusYears(model.minAdultAge()).isAfter(today)) {
            return minor;
        }
        if (residentSince == null) {
            return notResident;
        }
        if (residentSince.plusMonths(model.minResidenceMonths()).isAfter(today)) {
            return residenceTooShort;
        }
        return null;
    }

    /**
     * Scores one subject on {@code today} from the records that count (see {@link ScoredRecord}); records of items
     * the model does not price are ignored.
     */
    public ScoreOutcome score(LocalDate birthDate, LocalDate residentSince, List<ScoredRecord> records,
                              LocalDate today) {
        NotScored refusal = refusalOrNull(birthDate, residentSince, today);
        if (refusal != null) {
            return refusal;
        }
        if (records.isEmpty()) {
            return unmoved;
        }
        ScoreSheet sheet = sheet();
        begin(sheet, today);
        for (ScoredRecord r : records) {
            Integer k = itemIndex.get(r.itemCode());
            if (k != null) {
                add(sheet, k, r.decisionDate().toEpochDay(), severityFactor(r.severity()),
                        r.recordKey().getMostSignificantBits(), r.recordKey().getLeastSignificantBits(), r);
            }
        }
        if (sheet.count == 0) {
            return unmoved;
        }
        compute(sheet);
        List<DimensionScore> dimensions = unmovedDimensions;
        for (int d = 0; d < dimensionCodes.length; d++) {
            if (sheet.dimensionPoints[d] != 0 || sheet.dimensionCapped[d]) {
                if (dimensions == unmovedDimensions) {
                    dimensions = new java.util.ArrayList<>(unmovedDimensions);
                }
                dimensions.set(d, new DimensionScore(dimensionCodes[d], dimensionLabels[d], sheet.dimensionPoints[d],
                        dimensionCaps[d], sheet.dimensionCapped[d]));
            }
        }
        Contribution[] contributions = new Contribution[sheet.contributions];
        for (int c = 0; c < contributions.length; c++) {
            ScoredRecord r = (ScoredRecord) sheet.contributionSource(c);
            contributions[c] = new Contribution(r.recordKey(), r.itemCode(), r.title(),
                    dimensionCodes[itemDimension[sheet.contributionItem(c)]], r.decisionDate(),
                    sheet.contributionWeight(c), sheet.contributionPoints(c));
        }
        return new Scored(sheet.score, sheet.band.grade(), sheet.band.label(), dimensions, List.of(contributions));
    }

    /** A workspace for scoring many subjects with this model on one thread. */
    public ScoreSheet sheet() {
        return new ScoreSheet(dimensionCodes.length);
    }

    /** The position of an item among the items this model prices; -1: not priced (its records are ignored). */
    public int itemIndex(String itemCode) {
        Integer k = itemIndex.get(itemCode);
        return k == null ? -1 : k;
    }

    /** The number of items this model prices. */
    public int items() {
        return itemCodes.length;
    }

    /** The code of the priced item at {@code position} ({@link #itemIndex}). */
    public String itemCode(int position) {
        return itemCodes[position];
    }

    /**
     * The first decision day, as {@link LocalDate#toEpochDay()}, of a record that can weigh anything on
     * {@code today}; older records weigh nothing whatever their severity. {@link Long#MIN_VALUE}: no decay, every
     * record counts. Lets a caller leave the older records unread.
     */
    public long firstCountingDay(LocalDate today) {
        if (noDecay) {
            return Long.MIN_VALUE;
        }
        // As Decay.weight: full weight from fullFrom on, else something after zeroAt (the same day when equal).
        long fullFrom = today.minusMonths(model.decay().fullWeightMonths()).toEpochDay();
        long zeroAt = today.minusMonths(model.decay().zeroWeightMonths()).toEpochDay();
        return Math.min(fullFrom, zeroAt + 1);
    }

    /** The factor of a record's severity class; 1 for none (good information). */
    public double severityFactor(Severity severity) {
        return severity == null ? 1.0 : severityWeights[severity.ordinal()];
    }

    /** Clears the sheet for the next subject, scored on {@code today}. */
    public void begin(ScoreSheet sheet, LocalDate today) {
        long day = today.toEpochDay();
        if (sheet.today != day) {
            sheet.today = day;
            if (!noDecay) {
                sheet.fullFrom = today.minusMonths(model.decay().fullWeightMonths()).toEpochDay();
                sheet.zeroAt = today.minusMonths(model.decay().zeroWeightMonths()).toEpochDay();
            }
        }
        sheet.count = 0;
    }

    /**
     * Adds one record that counts: its item's position ({@link #itemIndex}), its decision day, its severity factor
     * ({@link #severityFactor}) and its key; {@code source} is handed back with its contribution. A record that
     * weighs nothing (decayed, or a severity weighted 0) is left out.
     */
    public void add(ScoreSheet sheet, int item, long decisionDay, double severityFactor, long keyMost, long keyLeast,
                    Object source) {
        // The weight is decay × severity in this order, so that it is the same double however the record came.
        double w = noDecay ? 1.0 : Decay.weight(decisionDay, sheet.fullFrom, sheet.zeroAt);
        w *= severityFactor;
        if (!(w > 0)) {
            return;
        }
        sheet.ensureRoom();
        int a = sheet.count++;
        sheet.item[a] = item;
        sheet.day[a] = decisionDay;
        sheet.weight[a] = w;
        sheet.keyMost[a] = keyMost;
        sheet.keyLeast[a] = keyLeast;
        sheet.source[a] = source;
    }

    /** Works out the score of the records added since {@link #begin}; the result is read from the sheet. */
    public void compute(ScoreSheet sheet) {
        int m = sheet.count;
        int[] item = sheet.item;
        double[] weight = sheet.weight;
        int[] order = sheet.order;
        sortedOrder(m, sheet);

        // Of each item only the most recent perRecordCap records count.
        int dims = dimensionCodes.length;
        double[] dimensionSum = sheet.dimensionSum;
        Arrays.fill(dimensionSum, 0);
        Arrays.fill(sheet.dimensionPoints, 0);
        Arrays.fill(sheet.dimensionCapped, false);
        double[] raw = sheet.raw;
        int[] kept = sheet.contribution;
        int keptCount = 0;
        int previousItem = -1;
        int taken = 0;
        for (int p = 0; p < m; p++) {
            int a = order[p];
            int k = item[a];
            if (k != previousItem) {
                previousItem = k;
                taken = 0;
            }
            if (taken == itemCap[k]) {
                continue;
            }
            taken++;
            raw[a] = itemPoints[k] * weight[a];
            dimensionSum[itemDimension[k]] += raw[a];
            kept[keptCount++] = a;
        }

        int[] points = sheet.points;
        int total = 0;
        int start = 0;
        while (start < keptCount) {
            int d = itemDimension[item[kept[start]]];
            int end = start;
            while (end < keptCount && itemDimension[item[kept[end]]] == d) {
                end++;
            }
            double sum = dimensionSum[d];
            int cap = dimensionCaps[d];
            boolean capped = sum > cap || sum < -cap;
            double clamped = capped ? Math.copySign(cap, sum) : sum;
            int dimensionPoints = round(clamped);
            double factor = capped ? clamped / sum : 1.0;
            apportion(kept, start, end, raw, factor, dimensionPoints, points);
            total += dimensionPoints;
            sheet.dimensionPoints[d] = dimensionPoints;
            sheet.dimensionCapped[d] = capped;
            start = end;
        }

        // The contributions are the kept records with points, in the order kept.
        int listed = 0;
        for (int q = 0; q < keptCount; q++) {
            if (points[kept[q]] != 0) {
                kept[listed++] = kept[q];
            }
        }
        sheet.contributions = listed;
        sheet.score = Math.max(model.minScore(), Math.min(model.maxScore(), model.baseScore() + total));
        sheet.band = gradeOf(sheet.score);
    }

    /**
     * Orders positions 0..m−1 by item (and so by dimension), most recent decision first, then by record key, so
     * that the outcome does not depend on the order in which the records were read.
     */
    private static void sortedOrder(int m, ScoreSheet sheet) {
        int[] order = sheet.order;
        if (m <= INSERTION_SORT_LIMIT) {
            for (int p = 0; p < m; p++) {
                int a = p;
                int q = p - 1;
                while (q >= 0 && compare(a, order[q], sheet) < 0) {
                    order[q + 1] = order[q];
                    q--;
                }
                order[q + 1] = a;
            }
            return;
        }
        Integer[] boxed = new Integer[m];
        Arrays.setAll(boxed, p -> p);
        Arrays.sort(boxed, (a, b) -> compare(a, b, sheet));
        for (int p = 0; p < m; p++) {
            order[p] = boxed[p];
        }
    }

    private static int compare(int a, int b, ScoreSheet sheet) {
        if (sheet.item[a] != sheet.item[b]) {
            return Integer.compare(sheet.item[a], sheet.item[b]);
        }
        if (sheet.day[a] != sheet.day[b]) {
            return Long.compare(sheet.day[b], sheet.day[a]);
        }
        // UUID's own order, whatever it is in this JDK: the one the record keys were always ordered by.
        return new UUID(sheet.keyMost[a], sheet.keyLeast[a]).compareTo(new UUID(sheet.keyMost[b], sheet.keyLeast[b]));
    }

    /**
     * Rounds the scaled points of the kept records {@code kept[start..end)} so that they add up to
     * {@code dimensionPoints}, giving the remaining points to the records rounded furthest from their value.
     */
    private static void apportion(int[] kept, int start, int end, double[] raw, double factor, int dimensionPoints,
                                 int[] points) {
        int sum = 0;
        for (int q = start; q < end; q++) {
            int a = kept[q];
            points[a] = round(raw[a] * factor);
            sum += points[a];
        }
        int step = Integer.signum(dimensionPoints - sum);
        for (int left = Math.abs(dimensionPoints - sum); left > 0; left--) {
            int best = -1;
            double bestGap = 0;
            for (int q = start; q < end; q++) {
                int a = kept[q];
                double gap = (raw[a] * factor - points[a]) * step;
                if (best < 0 || gap > bestGap) {
                    best = a;
                    bestGap = gap;
                }
            }
            points[best] += step;
        }
    }

    /** Half away from zero, so that a penalty and a reward of the same size round alike. */
    static int round(double x) {
        double magnitude = Math.floor(Math.abs(x) + 0.5 + 1e-9);
        return (int) Math.copySign(magnitude, x);
    }
}
