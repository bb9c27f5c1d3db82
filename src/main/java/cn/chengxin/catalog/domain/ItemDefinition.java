package cn.chengxin.catalog.domain;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the catalogue says about one information item (RULES.md §2): what it is, what its records
 * hold, who provides it on what legal basis, who may see it, how serious it is and for how long it is
 * shown ({@code null} maximum: long-term, as for good information) and kept.
 *
 * @param providers                 codes of the departments whose remit includes the item
 * @param sharedUpward              the item's records go up to the parent platform (RULES.md §11: records and
 *                                  lists pushed upward); the credit office decides it per item, per version
 * @param linksToResponsiblePersons an organisation's record is also recorded on its legal representative
 *                                  and responsible persons (RULES.md §1)
 * @param retentionCountsFrom       the DATE field of the item's records holding the day the act or the sentence
 *                                  ended, from which retention counts when a record gives it (RULES.md §4); null:
 *                                  retention counts from the decision date
 * @param refusableBySubject        the person may refuse to have the item's records recorded (RULES.md §2, Shenzhen
 *                                  Art. 39: honours); only a good item about persons, never a negative one
 *                                  ({@link ItemRules})
 * @param repairRequirements        what the item's repair asks beyond proof and the signed commitment (RULES.md §6:
 *                                  training, a credit report, volunteering or a donation, as the sector's rule asks);
 *                                  only on a negative item the platform repairs ({@link ItemRules}); never null
 */
public record ItemDefinition(String code, String name, SubjectType subjectType, Nature nature, Category category,
                             Domain domain, List<FieldDefinition> fields, List<String> providers, String legalBasis,
                             Sharing sharing, Severity severity, Integer publicationMinMonths,
                             Integer publicationMaxMonths, Integer retentionYears, boolean usableForPunishment,
                             boolean usableForScoring, boolean sharedUpward, UpdateCycle updateCycle,
                             boolean linksToResponsiblePersons, String description, String retentionCountsFrom,
                             boolean refusableBySubject, Set<RepairRequirement> repairRequirements) {

    public ItemDefinition {
        repairRequirements = RepairRequirement.setOf(repairRequirements);
        fields = fields == null ? List.of() : List.copyOf(fields);
        providers = providers == null ? List.of() : List.copyOf(providers);
        retentionCountsFrom = retentionCountsFrom == null || retentionCountsFrom.isBlank() ? null
                : retentionCountsFrom.strip();
    }

    /** An item whose records' retention counts from their decision date and which the subject may not refuse. */
    public ItemDefinition(String code, String name, SubjectType subjectType, Nature nature, Category category,
                          Domain domain, List<FieldDefinition> fields, List<String> providers, String legalBasis,
                          Sharing sharing, Severity severity, Integer publicationMinMonths,
                          Integer publicationMaxMonths, Integer retentionYears, boolean usableForPunishment,
                          boolean usableForScoring, boolean sharedUpward, UpdateCycle updateCycle,
                          boolean linksToResponsiblePersons, String description) {
        this(code, name, subjectType, nature, category, domain, fields, providers, legalBasis, sharing, severity,
                publicationMinMonths, publicationMaxMonths, retentionYears, usableForPunishment, usableForScoring,
                sharedUpward, updateCycle, linksToResponsiblePersons, description, null, false);
    }

    /** An item whose repair asks for nothing beyond proof and the signed commitment. */
    public ItemDefinition(String code, String name, SubjectType subjectType, Nature nature, Category category,
                          Domain domain, List<FieldDefinition> fields, List<String> providers, String legalBasis,
                          Sharing sharing, Severity severity, Integer publicationMinMonths,
                          Integer publicationMaxMonths, Integer retentionYears, boolean usableForPunishment,
                          boolean usableForScoring, boolean sharedUpward, UpdateCycle updateCycle,
                          boolean linksToResponsiblePersons, String description, String retentionCountsFrom,
                          boolean refusableBySubject) {
        this(code, name, subjectType, nature, category, domain, fields, providers, legalBasis, sharing, severity,
                publicationMinMonths, publicationMaxMonths, retentionYears, usableForPunishment, usableForScoring,
                sharedUpward, updateCycle, linksToResponsiblePersons, description, retentionCountsFrom,
                refusableBySubject, null);
    }

    /** The same item with retention counted from the field {@code field} where a record gives it. */
    public ItemDefinition withRetentionCountedFrom(String field) {
        return new ItemDefinition(code, name, subjectType, nature, category, domain, fields, providers, legalBasis,
                sharing, severity, publicationMinMonths, publicationMaxMonths, retentionYears, usableForPunishment,
                usableForScoring, sharedUpward, updateCycle, linksToResponsiblePersons, description, field,
                refusableBySubject, repairRequirements);
    }

    /**
     * The day a record's retention counts from (RULES.md §4: negative information is kept 5 years from the end of the
     * act, a custodial sentence's from the end of the sentence): the day the record's content gives in the item's
     * {@link #retentionCountsFrom} field, when it gives a date; never before the decision date, from which the record
     * is published, as nothing is published longer than it is kept.
     */
    public LocalDate retentionStart(LocalDate decisionDate, Map<String, String> content) {
        if (retentionCountsFrom == null || content == null || decisionDate == null) {
            return decisionDate;
        }
        String ended = content.get(retentionCountsFrom);
        if (ended == null || ended.isBlank()) {
            return decisionDate;
        }
        try {
            LocalDate day = LocalDate.parse(ended.strip());
            return day.isAfter(decisionDate) ? day : decisionDate;
        } catch (DateTimeParseException e) {
            return decisionDate; // the schema refuses such a value; an older record's is read as absent
        }
    }

    /** The same item with the subject's right to refuse its records ({@link #refusableBySubject}) as given. */
    public ItemDefinition refusableBySubject(boolean refusable) {
        return new ItemDefinition(code, name, subjectType, nature, category, domain, fields, providers, legalBasis,
                sharing, severity, publicationMinMonths, publicationMaxMonths, retentionYears, usableForPunishment,
                usableForScoring, sharedUpward, updateCycle, linksToResponsiblePersons, description, retentionCountsFrom,
                refusable, repairRequirements);
    }

    /** The same item with its repair asking for {@code requirements} ({@link #repairRequirements}). */
    public ItemDefinition withRepairRequirements(Set<RepairRequirement> requirements) {
        return new ItemDefinition(code, name, subjectType, nature, category, domain, fields, providers, legalBasis,
                sharing, severity, publicationMinMonths, publicationMaxMonths, retentionYears, usableForPunishment,
                usableForScoring, sharedUpward, updateCycle, linksToResponsiblePersons, description, retentionCountsFrom,
                refusableBySubject, requirements);
    }

    /**
     * Who decides whether the item's records are repaired (RULES.md §6, §7): a court's and a listing department's own
     * decisions are ended by them, not by the credit platform.
     */
    public RepairAuthority repairAuthority() {
        return RepairAuthority.of(category);
    }

    /** Where the item's periods depart from the national ones of its severity: shown, never refused. */
    public List<NationalPeriods.Departure> nationalPeriodDepartures() {
        return NationalPeriods.departures(this);
    }

    /** The same item with the periods given ({@code null}: the default, see {@link #withDefaultPeriods}). */
    public ItemDefinition withPeriods(Integer minMonths, Integer maxMonths, Integer retention) {
        return new ItemDefinition(code, name, subjectType, nature, category, domain, fields, providers, legalBasis,
                sharing, severity, minMonths, maxMonths, retention, usableForPunishment, usableForScoring,
                sharedUpward, updateCycle, linksToResponsiblePersons, description, retentionCountsFrom, refusableBySubject,
                repairRequirements);
    }

    /** The defaults of RULES.md §4 for a negative item of this severity; good items are shown long-term. */
    public static ItemDefinition withDefaultPeriods(ItemDefinition d) {
        Integer min = d.publicationMinMonths();
        Integer max = d.publicationMaxMonths();
        Integer retention = d.retentionYears();
        if (d.nature() == Nature.NEGATIVE && d.severity() != null) {
            min = min != null ? min : d.severity().defaultMinimumMonths();
            max = max != null ? max : d.severity().defaultMaximumMonths();
            retention = retention != null ? retention : 5;
        }
        return new ItemDefinition(d.code(), d.name(), d.subjectType(), d.nature(), d.category(), d.domain(),
                d.fields(), d.providers(), d.legalBasis(), d.sharing(), d.severity(), min, max, retention,
                d.usableForPunishment(), d.usableForScoring(), d.sharedUpward(), d.updateCycle(),
                d.linksToResponsiblePersons(), d.description(), d.retentionCountsFrom(), d.refusableBySubject(),
                d.repairRequirements());
    }
}
