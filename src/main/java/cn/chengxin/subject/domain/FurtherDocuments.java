package cn.chengxin.subject.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.chengxin.shared.DomainProblem.Kind;

/**
 * When a person's file takes a further identity document (gaps review xxx L1). 国办发〔2016〕98号 三(一) asks the
 * platform to "确保个人身份识别信息的唯一性", and RULES.md §1 keeps passports, 港澳台 permits and the 永久居留身份证 with their
 * type: a Hong Kong resident fined under his 港澳居民来往内地通行证 who later shows his 港澳台居民居住证, or a foreigner who
 * renews his passport, is one person and must have one file ("一处失信，处处受限", 攀枝花 二(三)2). A clerk who has seen
 * both documents (or the issuing authority's certificate) proposes the further one with its evidence; a second person
 * approves it (maker-checker, as name changes are: a document decides which records reach a file). Once approved, the
 * registry resolves the further document to the same subject.
 */
public final class FurtherDocuments {

    /** Maker-checker: whoever proposed the document may neither approve nor reject it ({@link Review}). */
    public static final Review REVIEW = new Review("SUBJECT_DOCUMENT", "提出添加证件的人不能审核自己的申请",
            "不予添加须写明理由", "该证件添加申请已由他人处理");

    public static final int MAX_REFERENCE = 100;
    public static final int MAX_REASON = 500;

    private FurtherDocuments() {
    }

    /**
     * Refuses an incomplete or impossible proposal: a person's document for a person (an organisation has one unified
     * code, RULES.md §1), a period that is not empty, the evidence's reference and the reason. Whether the subject or
     * another already holds the document is the registry's to say ({@link #own}, {@link #taken}).
     */
    public static void requireComplete(SubjectKind subjectKind, IdentityDocument further, LocalDate validFrom,
                                       LocalDate validTo,
                                       String reference, String reason) {
        List<String> problems = new ArrayList<>();
        if (reference == null || reference.isBlank() || reference.strip().length() > MAX_REFERENCE) {
            problems.add("须填写证明材料的编号或出处（不超过 " + MAX_REFERENCE + " 字）");
        }
        if (reason == null || reason.isBlank() || reason.strip().length() > MAX_REASON) {
            problems.add("须写明添加理由（不超过 " + MAX_REASON + " 字）");
        }
        if (!problems.isEmpty()) {
            throw new SubjectProblem("SUBJECT_DOCUMENT_INCOMPLETE", Kind.INVALID_INPUT, String.join("；", problems));
        }
        if (subjectKind != SubjectKind.PERSON || further.subjectKind() != SubjectKind.PERSON) {
            throw new SubjectProblem("SUBJECT_DOCUMENT_PERSONS_ONLY", Kind.INVALID_INPUT,
                    "只能为自然人添加其另持有的个人身份证件");
        }
        if (validFrom != null && validTo != null && validFrom.isAfter(validTo)) {
            throw new SubjectProblem("SUBJECT_DOCUMENT_PERIOD_INVALID", Kind.INVALID_INPUT, "证件有效期起始日不能晚于截止日");
        }
    }

    /** The refusal of a document the subject already holds, as the one it was registered under or a further one. */
    public static SubjectProblem own() {
        return new SubjectProblem("SUBJECT_DOCUMENT_OWN", Kind.CONFLICT, "该证件已属于该主体");
    }

    /**
     * The refusal of a document another subject holds, as the document it was registered under or as a further one:
     * its records stay in that file; the two files are joined instead ({@link SubjectJoins}).
     */
    public static SubjectProblem taken() {
        return new SubjectProblem("SUBJECT_DOCUMENT_TAKEN", Kind.CONFLICT,
                "该证件已属于信用主体库中的另一主体：两份档案不能由此合并");
    }
}
