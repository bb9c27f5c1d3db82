package cn.chengxin.catalog.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import cn.chengxin.catalog.domain.Category;
import cn.chengxin.catalog.domain.Domain;
import cn.chengxin.catalog.domain.FieldDefinition;
import cn.chengxin.catalog.domain.FieldType;
import cn.chengxin.catalog.domain.ItemDefinition;
import cn.chengxin.catalog.domain.ItemRules;
import cn.chengxin.catalog.domain.Nature;
import cn.chengxin.catalog.domain.RepairRequirement;
import cn.chengxin.catalog.domain.Severity;
import cn.chengxin.catalog.domain.Sharing;
import cn.chengxin.catalog.domain.SubjectType;
import cn.chengxin.catalog.domain.UpdateCycle;

/**
 * The item form as the browser posts it. Content fields are written one per line as
 * {@code name|label|type|required|choices} (e.g. {@code fine|罚款金额（万元）|DECIMAL|否|}), which is how the
 * credit office's own item specifications list them.
 */
public class ItemForm {

    private String code;
    private String name;
    private SubjectType subjectType = SubjectType.PERSON;
    private Nature nature = Nature.NEGATIVE;
    private Category category = Category.ADMINISTRATIVE_PENALTY;
    private Domain domain = Domain.GENERAL;
    private Sharing sharing = Sharing.PUBLIC;
    private Severity severity;
    private Integer publicationMinMonths;
    private Integer publicationMaxMonths;
    private Integer retentionYears;
    private String retentionCountsFrom = "";
    private boolean usableForPunishment;
    private boolean usableForScoring;
    private boolean sharedUpward;
    private UpdateCycle updateCycle = UpdateCycle.DAILY;
    private boolean linksToResponsiblePersons;
    private boolean refusableBySubject;
    private List<RepairRequirement> repairRequirements = new ArrayList<>();
    private String providers = "";
    private String legalBasis = "";
    private String description = "";
    private String fields = "";
    private String changeNote = "";

    public static ItemForm of(ItemDefinition d) {
        ItemForm f = new ItemForm();
        f.code = d.code();
        f.name = d.name();
        f.subjectType = d.subjectType();
        f.nature = d.nature();
        f.category = d.category();
        f.domain = d.domain();
        f.sharing = d.sharing();
        f.severity = d.severity();
        // Periods that are only the defaults of the item's nature and severity stay blank, so that a change of
        // severity (or nature) brings its own defaults instead of keeping the old ones; set ones are shown.
        ItemDefinition defaults = ItemDefinition.withDefaultPeriods(d.withPeriods(null, null, null));
        f.publicationMinMonths = unlessDefault(d.publicationMinMonths(), defaults.publicationMinMonths());
        f.publicationMaxMonths = unlessDefault(d.publicationMaxMonths(), defaults.publicationMaxMonths());
        f.retentionYears = unlessDefault(d.retentionYears(), defaults.retentionYears());
        f.retentionCountsFrom = d.retentionCountsFrom() == null ? "" : d.retentionCountsFrom();
        f.usableForPunishment = d.usableForPunishment();
        f.usableForScoring = d.usableForScoring();
        f.sharedUpward = d.sharedUpward();
        f.updateCycle = d.updateCycle();
        f.linksToResponsiblePersons = d.linksToResponsiblePersons();
        f.refusableBySubject = d.refusableBySubject();
        f.repairRequirements = new ArrayList<>(d.repairRequirements());
        f.providers = String.join(", ", d.providers());
        f.legalBasis = d.legalBasis();
        f.description = d.description() == null ? "" : d.description();
        StringBuilder lines = new StringBuilder();
        for (FieldDefinition field : d.fields()) {
            lines.append(field.name()).append('|').append(field.label()).append('|').append(field.type().name())
                    .append('|').append(field.required() ? "是" : "否").append('|')
                    .append(String.join(",", field.choices())).append('\n');
        }
        f.fields = lines.toString();
        return f;
    }

    private static Integer unlessDefault(Integer value, Integer byDefault) {
        return java.util.Objects.equals(value, byDefault) ? null : value;
    }

    /** The definition, or the lines of the field list that cannot be read. */
    public ItemDefinition toDefinition(List<ItemRules.Violation> problems) {
        List<FieldDefinition> parsed = new ArrayList<>();
        int lineNumber = 0;
        for (String line : (fields == null ? "" : fields).split("\\R")) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("\\|", -1);
            try {
                if (parts.length < 4) {
                    throw new IllegalArgumentException();
                }
                FieldType type = FieldType.valueOf(parts[2].trim().toUpperCase());
                List<String> choices = parts.length > 4 && !parts[4].isBlank()
                        ? Arrays.stream(parts[4].split("[,，]")).map(String::trim).filter(s -> !s.isEmpty()).toList()
                        : List.of();
                parsed.add(new FieldDefinition(parts[0].trim(), parts[1].trim(), type,
                        List.of("是", "y", "yes", "true", "必填").contains(parts[3].trim().toLowerCase()), 0, choices));
            } catch (IllegalArgumentException e) {
                problems.add(new ItemRules.Violation("FIELD_LINE_FORMAT", "fields", "第 " + lineNumber
                        + " 行字段定义应为 字段名|名称|类型|是否必填|选项，类型为 TEXT、INTEGER、DECIMAL、DATE、BOOLEAN 或 CHOICE"));
            }
        }
        List<String> providerCodes = getProviderCodes();
        return new ItemDefinition(code == null ? null : code.trim().toUpperCase(), name == null ? null : name.trim(),
                subjectType, nature, category, domain, parsed, providerCodes, legalBasis == null ? null
                : legalBasis.trim(), sharing, severity, publicationMinMonths, publicationMaxMonths, retentionYears,
                usableForPunishment, usableForScoring, sharedUpward, updateCycle, linksToResponsiblePersons,
                description == null || description.isBlank() ? null : description.trim(), retentionCountsFrom,
                refusableBySubject, RepairRequirement.setOf(repairRequirements));
    }

    /**
     * The codes of the providing departments: the form posts one per ticked department (bound here joined by commas),
     * and a code may also be typed, several separated by commas or spaces.
     */
    public List<String> getProviderCodes() {
        return Arrays.stream((providers == null ? "" : providers).split("[,，\\s]+"))
                .map(String::trim).filter(s -> !s.isEmpty()).map(String::toUpperCase).distinct().toList();
    }

    // ---- bean properties for form binding ----------------------------------------------------------------

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public SubjectType getSubjectType() { return subjectType; }
    public void setSubjectType(SubjectType subjectType) { this.subjectType = subjectType; }
    public Nature getNature() { return nature; }
    public void setNature(Nature nature) { this.nature = nature; }
    public Category getCategory() { return category; }
    public void setCategory(Category category) { this.category = category; }
    public Domain getDomain() { return domain; }
    public void setDomain(Domain domain) { this.domain = domain; }
    public Sharing getSharing() { return sharing; }
    public void setSharing(Sharing sharing) { this.sharing = sharing; }
    public Severity getSeverity() { return severity; }
    public void setSeverity(Severity severity) { this.severity = severity; }
    public Integer getPublicationMinMonths() { return publicationMinMonths; }
    public void setPublicationMinMonths(Integer v) { this.publicationMinMonths = v; }
    public Integer getPublicationMaxMonths() { return publicationMaxMonths; }
    public void setPublicationMaxMonths(Integer v) { this.publicationMaxMonths = v; }
    public Integer getRetentionYears() { return retentionYears; }
    public void setRetentionYears(Integer v) { this.retentionYears = v; }
    public String getRetentionCountsFrom() { return retentionCountsFrom; }
    public void setRetentionCountsFrom(String v) { this.retentionCountsFrom = v; }
    public boolean isUsableForPunishment() { return usableForPunishment; }
    public void setUsableForPunishment(boolean v) { this.usableForPunishment = v; }
    public boolean isUsableForScoring() { return usableForScoring; }
    public void setUsableForScoring(boolean v) { this.usableForScoring = v; }
    public boolean isSharedUpward() { return sharedUpward; }
    public void setSharedUpward(boolean v) { this.sharedUpward = v; }
    public UpdateCycle getUpdateCycle() { return updateCycle; }
    public void setUpdateCycle(UpdateCycle updateCycle) { this.updateCycle = updateCycle; }
    public boolean isLinksToResponsiblePersons() { return linksToResponsiblePersons; }
    public void setLinksToResponsiblePersons(boolean v) { this.linksToResponsiblePersons = v; }
    public boolean isRefusableBySubject() { return refusableBySubject; }
    public void setRefusableBySubject(boolean v) { this.refusableBySubject = v; }
    public List<RepairRequirement> getRepairRequirements() { return repairRequirements; }
    public void setRepairRequirements(List<RepairRequirement> v) { this.repairRequirements = v == null ? new ArrayList<>() : v; }
    public String getProviders() { return providers; }
    public void setProviders(String providers) { this.providers = providers; }
    public String getLegalBasis() { return legalBasis; }
    public void setLegalBasis(String legalBasis) { this.legalBasis = legalBasis; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getFields() { return fields; }
    public void setFields(String fields) { this.fields = fields; }
    public String getChangeNote() { return changeNote; }
    public void setChangeNote(String changeNote) { this.changeNote = changeNote; }
}
