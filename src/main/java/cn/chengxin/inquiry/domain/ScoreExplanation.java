package cn.chengxin.inquiry.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.scoring.domain.Contribution;
import cn.chengxin.scoring.domain.DimensionScore;

/**
 * The score's explanation as a report prints it (为什么是这个分数; RULES.md §8, §9). The score is the subject's one
 * score: it counts every record usable for scoring, also those the report may not show — a government-only item in
 * an institution's report (§2), an item outside a department's data scope (§10) — since a score made of the shown
 * records alone would be a second score for one person, not the one that grades and benefits follow (§8). A report
 * shows of a record its item, source, decision, date and class (§9), so of a record it leaves out it shows none of
 * these, nor anything that points at them:
 * <ul>
 *     <li>the records shown are itemised with their points, and each dimension's total is the sum of those lines
 *     only. The dimension's real total would differ from its lines by exactly what the report leaves out in it:
 *     that would tell in which dimension (and so of which kind) an unshown record lies, and with one such record
 *     its points;</li>
 *     <li>the points of the records left out are summed into one line, {@link #notShownPoints}, that belongs to no
 *     dimension, so that the base, the dimensions and that line still add up to the real score (within the
 *     model's range).</li>
 * </ul>
 * That line does show, when one record is left out, that record's points. No presentation hides them while the
 * real score is printed: the model's base is published, so the score less the base and the shown lines is that sum
 * whatever the report prints — leaving the line out or merging it into the base would only make the reader
 * subtract, and would make the explanation not add up. The score is in an institution's report at all because the
 * subject consented to it for a credit decision (§9), and what it tells is that records not shown moved the score
 * by so much; it does not tell how many records, which items, dimensions or dates, nor whether good and negative
 * ones offset each other. A sum of 0 is not printed: it adds nothing up and would only say that something is left
 * out. One trace stays: a dimension at its cap scales all its records down alike, the shown ones too, so a shown
 * record's points may be less than its item's published points weighed by its age; they are what the score counts.
 *
 * @param dimensions     every dimension of the model, with the points of its shown records
 * @param contributions  the shown records that moved the score
 * @param notShownPoints what the records not shown moved the score by together; null when nothing, or when they
 *                       offset each other exactly
 */
public record ScoreExplanation(List<DimensionLine> dimensions, List<Contribution> contributions,
                               Integer notShownPoints) {

    /** A dimension's label and the points of the shown records in it. */
    public record DimensionLine(String label, int points) {
    }

    /** The explanation of a score in a report that shows the records {@code shown}, by record key. */
    public static ScoreExplanation of(List<DimensionScore> dimensions, List<Contribution> contributions,
                                      Set<UUID> shown) {
        Map<String, Integer> shownByDimension = new HashMap<>();
        List<Contribution> itemised = new ArrayList<>();
        int notShown = 0;
        for (Contribution c : contributions) {
            if (shown.contains(c.recordKey())) {
                itemised.add(c);
                shownByDimension.merge(c.dimension(), c.points(), Integer::sum);
            } else {
                notShown += c.points();
            }
        }
        return new ScoreExplanation(dimensions.stream()
                .map(d -> new DimensionLine(d.label(), shownByDimension.getOrDefault(d.code(), 0))).toList(),
                List.copyOf(itemised), notShown == 0 ? null : notShown);
    }
}
