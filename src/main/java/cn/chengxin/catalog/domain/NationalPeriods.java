package cn.chengxin.catalog.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * How an item's publication periods depart from those the national rule gives its severity class (RULES.md §4,
 * 国办发〔2025〕22号 and NDRC Order No. 36, from 2026-04-01; {@link Severity}). A departure is not refused: all
 * periods are configurable per item because sector rules and local laws differ. It is shown instead, to the maker
 * beside the periods and to the checker before approving, so that a 一般 item published for five years is a choice
 * someone saw, never an oversight.
 */
public final class NationalPeriods {

    private NationalPeriods() {
    }

    /** A departure: the field of the form it concerns and what differs, in Chinese. */
    public record Departure(String field, String message) {
    }

    /** The departures of a definition whose periods are filled ({@link ItemDefinition#withDefaultPeriods}). */
    public static List<Departure> departures(ItemDefinition d) {
        List<Departure> out = new ArrayList<>();
        Severity s = d.severity();
        if (d.nature() != Nature.NEGATIVE || s == null) {
            return out;
        }
        // Minor acts are "normally not published" (RULES.md §4); the 3 months are for when a sector rule does.
        if (s == Severity.MINOR && d.sharing() == Sharing.PUBLIC) {
            out.add(new Departure("sharing", "按全国规定，轻微失信信息通常不公示；本事项设为公开公示"));
        }
        Integer min = d.publicationMinMonths();
        if (min != null && min != s.defaultMinimumMonths()) {
            out.add(new Departure("publicationMinMonths", "最短公示期限 " + min + " 个月" + comparedTo(min,
                    s.defaultMinimumMonths()) + "全国规定的" + s.label() + "失信信息最短 " + s.defaultMinimumMonths()
                    + " 个月（期满方可申请信用修复）"));
        }
        Integer max = d.publicationMaxMonths();
        if (max == null || max != s.defaultMaximumMonths()) {
            out.add(new Departure("publicationMaxMonths", (max == null ? "长期公示，长于" : "最长公示期限 " + max
                    + " 个月" + comparedTo(max, s.defaultMaximumMonths())) + "全国规定的" + s.label() + "失信信息最长 "
                    + s.defaultMaximumMonths() + " 个月（期满自动停止公示）"));
        }
        return out;
    }

    private static String comparedTo(int months, int national) {
        return months > national ? "，长于" : "，短于";
    }
}
