package cn.chengxin.repair.domain;

import java.time.LocalDate;
import java.util.List;

import cn.chengxin.catalog.domain.Nature;
import cn.chengxin.catalog.domain.RepairAuthority;
import cn.chengxin.catalog.domain.Severity;
import cn.chengxin.listing.ListType;

/**
 * When a list entry a department proposed by hand may be repaired (finding #8; RULES.md §6). It rests on no record,
 * so on no catalogue item with a severity of its own; its list stands for one. A black-list entry rests on one of the
 * four serious grounds of 国办发〔2020〕49号 (RULES.md §7) and is serious information: 1 year before repair; a grey-list
 * entry (重点关注, administrative penalties and abnormal lists) is general: 3 months (RULES.md §4). Counted, as for
 * records, from the act: the day of the act the proposal named. A red-list entry is a reward, with nothing to repair.
 * An entry a court decided — the Supreme People's Court's list of defaulters (法释〔2017〕7号) or its consumption
 * restrictions (法释〔2015〕17号), relayed by hand — is the court's to end after performance (RULES.md §7), as a
 * court's record is: the person is told where to apply instead.
 */
public final class HandEntryRepair {

    /** The court's provisions a legal basis cites when the listing is the court's own (as checks read it too). */
    private static final List<String> COURT_PROVISIONS = List.of("关于公布失信被执行人名单信息的若干规定",
            "法释〔2017〕7号", "限制被执行人高消费", "法释〔2015〕17号");

    private HandEntryRepair() {
    }

    /** The severity an entry of {@code type} stands for (RULES.md §4, §7); null for the red list: not negative. */
    public static Severity severityOf(ListType type) {
        return switch (type) {
            case BLACK -> Severity.SERIOUS;
            case GREY -> Severity.GENERAL;
            case RED -> null;
        };
    }

    /**
     * When an entry of {@code type}, for an act done on {@code actDay}, may be repaired and by whom.
     *
     * @param byCourt whether the listing is a court's ({@link #courtsListing})
     */
    public static RepairEligibility eligibility(ListType type, LocalDate actDay, boolean byCourt) {
        Severity severity = severityOf(type);
        RepairEligibility byPeriod = RepairEligibility.of(severity == null ? Nature.GOOD : Nature.NEGATIVE,
                severity, null, actDay);
        if (byPeriod.kind() != RepairEligibility.Kind.NOT_APPLICABLE && byCourt) {
            return new RepairEligibility(RepairEligibility.Kind.BY_AUTHORITY, null, RepairAuthority.COURT);
        }
        return byPeriod;
    }

    /**
     * Whether an entry proposed by hand is a court's listing: its legal basis cites the court's provisions on
     * defaulters or consumption restrictions, or it was proposed by a court (a department whose items the court
     * repairs, {@code proposerIsCourt}).
     */
    public static boolean courtsListing(String legalBasis, boolean proposerIsCourt) {
        return proposerIsCourt || legalBasis != null && COURT_PROVISIONS.stream().anyMatch(legalBasis::contains);
    }
}
