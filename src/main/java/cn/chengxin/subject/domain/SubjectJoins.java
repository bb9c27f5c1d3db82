package cn.chengxin.subject.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import cn.chengxin.shared.DomainProblem.Kind;

/**
 * When two credit files of one person become one (合并信用档案; gaps review xxx L1 (3)). 国办发〔2016〕98号 三(一) asks
 * the platform to "确保个人身份识别信息的唯一性"; 攀枝花 二(三)2's "一处失信，处处受限" fails if the same person is two
 * subjects: a Hong Kong resident fined under his 来往内地通行证 and later registered under his 居住证 number, or a
 * foreigner under a passport and its renewal. Where the second document already has a file of its own, adding it as a
 * further document ({@link FurtherDocuments}) is refused; the files are joined instead: a clerk who has seen both
 * documents (or the issuing authority's certificate) proposes it with its evidence, and a second person approves it
 * (maker-checker: a join decides which records, entries and cases reach a person).
 *
 * <p>Only two persons' files are joined (an organisation has one unified code, RULES.md §1), never a file into itself
 * or one already joined, and only when the registry gives both the same name and no two different birth dates: one
 * person shows one name and one birth date on every document. A changed name is corrected first (名称变更, V210), so
 * that the registry's names agree before the join.
 */
public final class SubjectJoins {

    /** Maker-checker: whoever proposed the join may neither approve nor reject it ({@link Review}). */
    public static final Review REVIEW = new Review("SUBJECT_JOIN", "提出合并档案的人不能审核自己的申请",
            "不予合并须写明理由", "该档案合并申请已由他人处理");

    public static final int MAX_REFERENCE = 100;
    public static final int MAX_REASON = 500;

    private SubjectJoins() {
    }

    /** What the rules compare of each subject. */
    public record Side(SubjectKind kind, String name, LocalDate birthDate) {
    }

    /** Refuses a proposal without its evidence's reference or its reason. */
    public static void requireComplete(String reference, String reason) {
        List<String> problems = new ArrayList<>();
        if (reference == null || reference.isBlank() || reference.strip().length() > MAX_REFERENCE) {
            problems.add("须填写证明材料的编号或出处（不超过 " + MAX_REFERENCE + " 字）");
        }
        if (reason == null || reason.isBlank() || reason.strip().length() > MAX_REASON) {
            problems.add("须写明合并理由（不超过 " + MAX_REASON + " 字）");
        }
        if (!problems.isEmpty()) {
            throw new SubjectProblem("SUBJECT_JOIN_INCOMPLETE", Kind.INVALID_INPUT, String.join("；", problems));
        }
    }

    /**
     * Refuses joining what cannot be one person's two files: persons only, two different subjects, the same name in
     * the registry, and no two different birth dates (an unknown one, as a passport gives none, agrees with any).
     */
    public static void requireJoinable(Side kept, Side joined, boolean sameSubject) {
        if (sameSubject) {
            throw new SubjectProblem("SUBJECT_JOIN_SELF", Kind.CONFLICT, "该证件已属于本主体，无需合并");
        }
        if (kept.kind() != SubjectKind.PERSON || joined.kind() != SubjectKind.PERSON) {
            throw new SubjectProblem("SUBJECT_JOIN_PERSONS_ONLY", Kind.INVALID_INPUT, "只能合并同一自然人的两份信用档案");
        }
        if (!SubjectNames.same(kept.name(), joined.name())) {
            throw new SubjectProblem("SUBJECT_JOIN_NAMES_DIFFER", Kind.CONFLICT,
                    "两份档案的姓名不一致：请先经名称变更核准姓名，再申请合并");
        }
        if (kept.birthDate() != null && joined.birthDate() != null
                && !Objects.equals(kept.birthDate(), joined.birthDate())) {
            throw new SubjectProblem("SUBJECT_JOIN_BIRTH_DATES_DIFFER", Kind.CONFLICT, "两份档案的出生日期不一致，不能合并");
        }
    }

    /** The refusal of a document no subject holds: it is added as a further document, there is nothing to join. */
    public static SubjectProblem unknown() {
        return new SubjectProblem("SUBJECT_JOIN_UNKNOWN", Kind.NOT_FOUND,
                "平台没有该证件的信用档案：请按“添加证件”办理");
    }

    /** The refusal of a subject joined meanwhile (by another proposal), or of a kept one joined elsewhere. */
    public static SubjectProblem alreadyJoined() {
        return new SubjectProblem("SUBJECT_JOIN_ALREADY_JOINED", Kind.CONFLICT, "该档案已并入其他档案");
    }
}
