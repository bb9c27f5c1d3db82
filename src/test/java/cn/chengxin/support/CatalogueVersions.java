package cn.chengxin.support;

import java.util.List;
import java.util.UUID;

import cn.chengxin.account.DemoDepartments;
import cn.chengxin.catalog.Catalogue;
import cn.chengxin.catalog.CatalogueItem;
import cn.chengxin.catalog.domain.ItemDefinition;
import cn.chengxin.catalog.domain.Nature;
import cn.chengxin.catalog.domain.Severity;

import static cn.chengxin.support.AsStaff.as;

/**
 * New versions of catalogue items as the console makes them (maker-checker): drafted and submitted by one person,
 * approved by another. The catalogue is shared by every test of the JVM: a test that changes a base item restores it.
 */
public final class CatalogueVersions {

    private static final String MAKER = "catalogue-maker";
    private static final String CHECKER = "catalogue-checker";

    private CatalogueVersions() {
    }

    /** {@code d} with another name, minimum publication period and use for scoring. */
    public static ItemDefinition revised(ItemDefinition d, String name, Integer publicationMinMonths,
                                         boolean usableForScoring) {
        return new ItemDefinition(d.code(), name, d.subjectType(), d.nature(), d.category(), d.domain(), d.fields(),
                d.providers(), d.legalBasis(), d.sharing(), d.severity(), publicationMinMonths,
                d.publicationMaxMonths(), d.retentionYears(), d.usableForPunishment(), usableForScoring,
                d.sharedUpward(), d.updateCycle(), d.linksToResponsiblePersons(), d.description());
    }

    /**
     * {@code d} as a new item: another code and name, provided by those of its departments the tests' directory has
     * (a new item names only departments of the directory), the rest alike.
     */
    public static ItemDefinition copied(ItemDefinition d, String code, String name) {
        return new ItemDefinition(code, name, d.subjectType(), d.nature(), d.category(), d.domain(), d.fields(),
                inDirectory(d.providers()), d.legalBasis(), d.sharing(), d.severity(), d.publicationMinMonths(),
                d.publicationMaxMonths(), d.retentionYears(), d.usableForPunishment(), d.usableForScoring(),
                d.sharedUpward(), d.updateCycle(), d.linksToResponsiblePersons(), d.description());
    }

    /** Those of {@code providers} that are departments of the tests' directory (the demo's departments). */
    public static List<String> inDirectory(List<String> providers) {
        return providers.stream().filter(DemoDepartments.codes()::contains).toList();
    }

    /** {@code d} of another nature; severity and use for punishment as only a negative item may have them. */
    public static ItemDefinition ofNature(ItemDefinition d, Nature nature) {
        boolean negative = nature == Nature.NEGATIVE;
        return new ItemDefinition(d.code(), d.name(), d.subjectType(), nature, d.category(), d.domain(), d.fields(),
                d.providers(), d.legalBasis(), d.sharing(), negative ? d.severity() : null, d.publicationMinMonths(),
                d.publicationMaxMonths(), d.retentionYears(), negative && d.usableForPunishment(),
                d.usableForScoring(), d.sharedUpward(), d.updateCycle(), d.linksToResponsiblePersons(),
                d.description());
    }

    /** {@code d} of another severity class, its periods those of the class (RULES.md §4). */
    public static ItemDefinition ofSeverity(ItemDefinition d, Severity severity) {
        return new ItemDefinition(d.code(), d.name(), d.subjectType(), d.nature(), d.category(), d.domain(), d.fields(),
                d.providers(), d.legalBasis(), d.sharing(), severity, null, null, null, d.usableForPunishment(),
                d.usableForScoring(), d.sharedUpward(), d.updateCycle(), d.linksToResponsiblePersons(),
                d.description());
    }

    /** {@code d} no longer usable for punishment (nor, so, shared upward: ItemRules). */
    public static ItemDefinition notForPunishment(ItemDefinition d) {
        return new ItemDefinition(d.code(), d.name(), d.subjectType(), d.nature(), d.category(), d.domain(), d.fields(),
                d.providers(), d.legalBasis(), d.sharing(), d.severity(), d.publicationMinMonths(),
                d.publicationMaxMonths(), d.retentionYears(), false, d.usableForScoring(), false, d.updateCycle(),
                d.linksToResponsiblePersons(), d.description());
    }

    public static void draft(Catalogue catalogue, ItemDefinition d) throws Exception {
        as(MAKER, () -> catalogue.draft(d, "测试修订"));
    }

    public static void submit(Catalogue catalogue, String code) throws Exception {
        as(MAKER, () -> {
            catalogue.submit(code);
            return null;
        });
    }

    /** The version waiting for a checker: the one a checker has read, and approves or sends back. */
    public static int pending(Catalogue catalogue, String code) {
        return catalogue.history(code).stream().filter(i -> i.status() == CatalogueItem.Status.PENDING).findFirst()
                .orElseThrow().version();
    }

    /**
     * A new item in force, a copy of the item {@code baseCode} in force under a fresh code beginning with {@code prefix}
     * and another name, drafted, submitted and approved; returns its code.
     */
    public static String newItemLike(Catalogue catalogue, String baseCode, String prefix, String name)
            throws Exception {
        ItemDefinition base = catalogue.active(baseCode).orElseThrow().definition();
        String code = prefix + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        draft(catalogue, copied(base, code, name));
        submit(catalogue, code);
        approve(catalogue, code);
        return code;
    }

    public static void approve(Catalogue catalogue, String code) throws Exception {
        as(CHECKER, () -> {
            catalogue.approve(code, pending(catalogue, code), "同意");
            return null;
        });
    }

    /**
     * A new version of the item in force publishing its records {@code months} months at the most (and its minimum
     * lowered to that, where longer), drafted, submitted and approved; returns its number.
     */
    public static int approvePublicationMonths(Catalogue catalogue, String code, int months) throws Exception {
        ItemDefinition d = catalogue.active(code).orElseThrow().definition();
        Integer min = d.publicationMinMonths() == null ? null : Math.min(d.publicationMinMonths(), months);
        draft(catalogue, d.withPeriods(min, months, d.retentionYears()));
        submit(catalogue, code);
        int version = pending(catalogue, code);
        approve(catalogue, code);
        return version;
    }

    /** Withdraws the item (废止): proposed by one person, approved by another. Final: only for a test's own items. */
    public static void withdraw(Catalogue catalogue, String code) throws Exception {
        as(MAKER, () -> catalogue.proposeWithdrawal(code, "目录修订后不再列入", "《测试市公共信用信息补充目录（2026年版）》"));
        approve(catalogue, code);
    }

    /** Puts {@code original} back in force, with no version left in preparation. */
    public static void restore(Catalogue catalogue, ItemDefinition original) throws Exception {
        String code = original.code();
        List<CatalogueItem.Status> open = catalogue.history(code).stream().map(CatalogueItem::status)
                .filter(s -> s == CatalogueItem.Status.DRAFT || s == CatalogueItem.Status.PENDING).toList();
        if (open.contains(CatalogueItem.Status.DRAFT)) {
            submit(catalogue, code);
        }
        if (!open.isEmpty()) {
            as(CHECKER, () -> {
                catalogue.reject(code, pending(catalogue, code), "测试结束");
                return null;
            });
        }
        if (!catalogue.active(code).orElseThrow().definition().equals(original)) {
            draft(catalogue, original);
            submit(catalogue, code);
            approve(catalogue, code);
        }
    }
}
