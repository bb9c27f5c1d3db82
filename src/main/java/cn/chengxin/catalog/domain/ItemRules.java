package cn.chengxin.catalog.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What an item must satisfy to be saved, and more to be activated (RULES.md §2 and §4): no forbidden data
 * as a field, nor in the item's name or description; a negative item has a severity and a coherent publication
 * period (never longer than the 5 years negative information may be kept); no item is published longer than it is kept; an active item has
 * a legal basis ("未经法律法规授权不得采集") and at least one providing department.
 */
public final class ItemRules {

    private static final int LONGEST_PUBLICATION_MONTHS = 60;

    private ItemRules() {
    }

    /** A broken rule: stable code, the field of the form it concerns, message in Chinese. */
    public record Violation(String code, String field, String message) {
    }

    /** The most content fields an item has; a delivered record with more is refused whole (ingestion). */
    public static final int MOST_FIELDS = 200;

    public static List<Violation> forSaving(ItemDefinition d) {
        List<Violation> out = new ArrayList<>();
        if (d.code() == null || !d.code().matches("[A-Z][A-Z0-9_]{2,39}")) {
            out.add(new Violation("ITEM_CODE_FORMAT", "code", "事项代码须为 3–40 位大写字母、数字或下划线，以字母开头"));
        }
        if (d.name() == null || d.name().isBlank()) {
            out.add(new Violation("ITEM_NAME_MISSING", "name", "事项名称不能为空"));
        }
        // The item's name and description say what it collects as plainly as its fields do: 个人存款信息 collects
        // deposits whatever its fields are called (征信业管理条例 Art. 14).
        forbiddenIn(d.name(), "name", "名称", out);
        forbiddenIn(d.description(), "description", "说明", out);
        if (d.subjectType() == null || d.nature() == null || d.category() == null || d.domain() == null
                || d.sharing() == null || d.updateCycle() == null) {
            out.add(new Violation("ITEM_INCOMPLETE", "", "主体类型、性质、类别、领域、共享属性和更新周期均须填写"));
        }
        if (d.fields().size() > MOST_FIELDS) {
            out.add(new Violation("FIELDS_TOO_MANY", "fields", "一个事项最多 " + MOST_FIELDS + " 个字段"));
        }
        Set<String> names = new HashSet<>();
        for (FieldDefinition field : d.fields()) {
            if (field.name() == null || !field.name().matches("[a-z][a-z0-9_]{0,39}")) {
                out.add(new Violation("FIELD_NAME_FORMAT", "fields", "字段名须为小写字母、数字或下划线：" + field.name()));
            }
            if (!names.add(field.name())) {
                out.add(new Violation("FIELD_DUPLICATE", "fields", "字段名重复：" + field.name()));
            }
            ForbiddenData.in(field).ifPresent(what -> out.add(new Violation("FIELD_FORBIDDEN", "fields",
                    "字段「" + field.label() + "」属于禁止采集的信息（" + what + "，《征信业管理条例》第十四条）")));
            if (field.type() == FieldType.CHOICE && field.choices().isEmpty()) {
                out.add(new Violation("FIELD_CHOICES_MISSING", "fields", "选项字段须列出可选值：" + field.name()));
            }
        }
        if (d.nature() == Nature.NEGATIVE && d.severity() == null) {
            out.add(new Violation("SEVERITY_REQUIRED", "severity", "失信信息须确定严重程度（轻微、一般、严重）"));
        }
        if (d.nature() != Nature.NEGATIVE && d.severity() != null) {
            out.add(new Violation("SEVERITY_ONLY_FOR_NEGATIVE", "severity", "只有失信信息有严重程度"));
        }
        Integer min = d.publicationMinMonths();
        Integer max = d.publicationMaxMonths();
        if (min != null && min < 0 || max != null && max < 0) {
            out.add(new Violation("PERIOD_INVALID", "publicationMaxMonths", "公示期限不能为负"));
        } else if (min != null && max != null && min > max) {
            out.add(new Violation("PERIOD_INVALID", "publicationMinMonths", "最短公示期限不能长于最长公示期限"));
        }
        // A retention counts forward from the decision (or the act's end): a negative one would archive a record
        // before it was decided, which creditfile.record refuses (V640) — the item is refused here instead.
        if (d.retentionYears() != null && d.retentionYears() < 0) {
            out.add(new Violation("PERIOD_INVALID", "retentionYears", "保存期限不能为负"));
        }
        if (d.nature() == Nature.NEGATIVE && max != null && max > LONGEST_PUBLICATION_MONTHS) {
            out.add(new Violation("PERIOD_TOO_LONG", "publicationMaxMonths", "失信信息的公示期限最长 5 年"));
        }
        if (d.nature() == Nature.NEGATIVE && d.retentionYears() != null && d.retentionYears() > 5) {
            out.add(new Violation("RETENTION_TOO_LONG", "retentionYears", "失信信息的保存期限最长 5 年（届满后归档）"));
        }
        // Publication is separate from retention (RULES.md §4) and cannot outlast it: once the information is
        // archived nothing is left to show. No maximum means shown long-term, which only long-term keeping allows.
        if (d.retentionYears() != null && d.retentionYears() >= 0 && (max == null || max > d.retentionYears() * 12)) {
            out.add(new Violation("PUBLICATION_BEYOND_RETENTION", "publicationMaxMonths",
                    "最长公示期限不能超过保存期限（" + d.retentionYears() + " 年，即 " + d.retentionYears() * 12
                            + " 个月）：保存期满即归档，不再公示"));
        }
        // Retention counts from the end of the act or sentence a record states (RULES.md §4): a date field of its own.
        if (d.retentionCountsFrom() != null && d.fields().stream().noneMatch(f ->
                f.name().equals(d.retentionCountsFrom()) && f.type() == FieldType.DATE)) {
            out.add(new Violation("RETENTION_FIELD_NOT_DATE", "retentionCountsFrom",
                    "保存期限起算字段须是本事项的日期（DATE）字段：" + d.retentionCountsFrom()));
        }
        if (d.linksToResponsiblePersons() && d.subjectType() == SubjectType.PERSON) {
            out.add(new Violation("LINK_ONLY_FOR_ORGANISATIONS", "linksToResponsiblePersons",
                    "只有组织的事项可同时记入法定代表人和责任人名下"));
        }
        if (d.usableForPunishment() && d.nature() != Nature.NEGATIVE) {
            out.add(new Violation("PUNISHMENT_ONLY_NEGATIVE", "usableForPunishment", "只有失信信息可用于惩戒"));
        }
        // What only an authorised query may read, and what may not be used to punish (RULES.md §2: "not reported
        // for individuals"), never leaves the platform; a flag saying otherwise would mislead whoever reads it.
        if (d.sharedUpward() && d.sharing() == Sharing.AUTHORISED_QUERY) {
            out.add(new Violation("UPWARD_NOT_FOR_AUTHORISED_QUERY", "sharedUpward",
                    "授权查询的事项不能向上级平台共享"));
        }
        if (d.sharedUpward() && d.nature() == Nature.NEGATIVE && !d.usableForPunishment()) {
            out.add(new Violation("UPWARD_NOT_USABLE_FOR_PUNISHMENT", "sharedUpward",
                    "不可用于惩戒的失信信息（简易程序、轻微违法等）不向上级平台报送"));
        }
        // Only honours may be refused by the person they are about (RULES.md §2, Shenzhen Art. 39): a refusable
        // negative item would let anyone take their dishonesty out of their file.
        if (d.refusableBySubject() && (d.nature() != Nature.GOOD || d.subjectType() != SubjectType.PERSON)) {
            out.add(new Violation("REFUSABLE_ONLY_PERSONAL_HONOURS", "refusableBySubject",
                    "只有关于自然人的守信（表彰、志愿服务、献血、捐赠等）事项可由本人拒绝记录"));
        }
        // Repair requirements are conditions of the platform's repair (RULES.md §6): an item that is not repaired, or
        // whose repair a court or a listing department decides under its own rules (§7), has none to state.
        if (!d.repairRequirements().isEmpty() && (d.nature() != Nature.NEGATIVE || !d.repairAuthority().platform())) {
            out.add(new Violation("REPAIR_REQUIREMENTS_ONLY_PLATFORM_REPAIRED", "repairRequirements",
                    "只有由信用平台办理修复的失信事项可规定修复条件（培训、信用报告、志愿服务或慈善捐赠）"));
        }
        return out;
    }

    private static void forbiddenIn(String text, String field, String label, List<Violation> out) {
        if (text != null) {
            ForbiddenData.named(text).ifPresent(what -> out.add(new Violation("ITEM_FORBIDDEN", field,
                    "事项" + label + "所述属于禁止采集的信息（" + what + "，《征信业管理条例》第十四条）")));
        }
    }

    public static List<Violation> forActivation(ItemDefinition d) {
        List<Violation> out = new ArrayList<>(forSaving(d));
        if (d.legalBasis() == null || d.legalBasis().strip().length() < 4) {
            out.add(new Violation("LEGAL_BASIS_MISSING", "legalBasis",
                    "没有法律法规依据的事项不能启用（未经法律法规授权不得采集）"));
        }
        if (d.providers().isEmpty()) {
            out.add(new Violation("PROVIDER_MISSING", "providers", "须指定至少一个数据提供单位"));
        }
        return out;
    }
}
