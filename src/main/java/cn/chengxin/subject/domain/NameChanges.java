package cn.chengxin.subject.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.chengxin.shared.DomainProblem.Kind;

/**
 * When the credit office may change a subject's registered name (issue #4; RULES.md §1: the credit code or identity
 * number is the key, the name goes with it). Organisations change names (企业名称变更登记) and people do (户籍姓名变更),
 * and the first department to deliver may have mistyped one; every later row would otherwise be refused as naming
 * another subject. A name is changed from an official document a staff member has seen, and a second person approves
 * it (maker-checker, as for birth dates): a name decides which rows reach a file, so one person alone must not be
 * able to change it. The former name is kept with its period ({@link FormerName}), so that records decided under it
 * are still accepted ({@link SubjectNames#match}).
 */
public final class NameChanges {

    /** Maker-checker: whoever proposed the change may neither approve nor reject it ({@link Review}). */
    public static final Review REVIEW = new Review("NAME_CHANGE", "提出名称变更的人不能审核自己的申请", "不予变更须写明理由",
            "该名称变更申请已由他人处理");

    /** As long as the name a row may carry (ingestion's limit). */
    public static final int MAX_NAME = 100;
    public static final int MAX_REFERENCE = 100;
    public static final int MAX_REASON = 500;

    private NameChanges() {
    }

    /**
     * Refuses an incomplete or impossible proposal: a new name (not the current one however written), the day it holds
     * from (not after today, and after the day the current name took effect: a period of a former name is never
     * empty), evidence that can show a change of this kind of subject, its reference and the reason.
     *
     * @param currentFrom the day the current name took effect, null when it is the name the subject was registered
     *                    under
     */
    public static void requireComplete(SubjectKind kind, String currentName, LocalDate currentFrom, String newName,
                                       LocalDate effectiveFrom, NameChangeEvidence evidence, String reference,
                                       String reason, LocalDate today) {
        List<String> problems = new ArrayList<>();
        if (newName == null || newName.isBlank() || newName.strip().length() > MAX_NAME) {
            problems.add("须填写新名称（不超过 " + MAX_NAME + " 字）");
        }
        if (effectiveFrom == null) {
            problems.add("须填写新名称启用日期");
        }
        if (evidence == null) {
            problems.add("须选择证明材料");
        }
        if (reference == null || reference.isBlank() || reference.strip().length() > MAX_REFERENCE) {
            problems.add("须填写证明材料的编号或出处（不超过 " + MAX_REFERENCE + " 字）");
        }
        if (reason == null || reason.isBlank() || reason.strip().length() > MAX_REASON) {
            problems.add("须写明变更理由（不超过 " + MAX_REASON + " 字）");
        }
        if (!problems.isEmpty()) {
            throw new SubjectProblem("NAME_CHANGE_INCOMPLETE", Kind.INVALID_INPUT, String.join("；", problems));
        }
        if (SubjectNames.same(currentName, newName)) {
            throw new SubjectProblem("NAME_CHANGE_SAME_NAME", Kind.INVALID_INPUT, "新名称与登记的现名称相同");
        }
        if (effectiveFrom.isAfter(today) || currentFrom != null && !effectiveFrom.isAfter(currentFrom)) {
            throw new SubjectProblem("NAME_CHANGE_DATE_INVALID", Kind.INVALID_INPUT, "新名称启用日期不能晚于今天"
                    + (currentFrom == null ? "" : "，且须晚于现名称的启用日期 " + currentFrom));
        }
        if (!evidence.provesFor(kind)) {
            throw new SubjectProblem("NAME_CHANGE_EVIDENCE_KIND", Kind.INVALID_INPUT,
                    "“" + evidence.label() + "”不能证明该类主体的名称变更");
        }
    }

    /**
     * The period the current name leaves behind when {@code effectiveFrom} replaces it: from the day after the last
     * former name's period (null: since registration) to the day before the new name holds.
     */
    public static FormerName leaving(String currentName, List<FormerName> formerNames, LocalDate effectiveFrom) {
        return new FormerName(currentName, currentFrom(formerNames), effectiveFrom.minusDays(1));
    }

    /** The day the current name took effect: the day after the last former name's period, null if none. */
    public static LocalDate currentFrom(List<FormerName> formerNames) {
        return formerNames.stream().map(FormerName::validUntil).max(LocalDate::compareTo).map(d -> d.plusDays(1))
                .orElse(null);
    }


    /**
     * The reason a change of name delivered by a department gives: its registration by the market regulator
     * (企业名称变更登记, 《中华人民共和国市场主体登记管理条例》第二十四条).
     */
    public static String deliveredReason(String department) {
        return "市场监督管理部门报送的企业名称变更登记" + (department.isBlank() ? "" : "（" + department + "）");
    }
}
