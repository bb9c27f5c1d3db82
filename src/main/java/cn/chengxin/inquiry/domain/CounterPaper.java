package cn.chengxin.inquiry.domain;

import java.util.List;

import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.files.Attachments;

/**
 * A paper scanned at the window with a counter service (gaps review xxxi M2): the signed 授权书 or 查询申请表, the
 * person's written authorisation that 征信业管理条例 Art. 18 asks the user of the information to keep as proof, or,
 * when a guardian acts, the proof of guardianship (RULES.md §6). Checked as any uploaded evidence is
 * ({@link Attachments}: PDF, JPEG or PNG by content).
 */
public record CounterPaper(Kind kind, String filename, byte[] content) {

    public enum Kind {
        AUTHORISATION, GUARDIANSHIP
    }

    /**
     * Refuses a counter service without its papers, before anything is looked up or stored: the signed authorisation
     * always, the proof of guardianship when a guardian acts; each file checked by content, five at most.
     *
     * @return the content type of each paper, in order
     */
    public static List<String> requireFor(List<CounterPaper> papers, CounterIdentityCheck check) {
        if (papers.stream().noneMatch(p -> p.kind() == Kind.AUTHORISATION)) {
            throw new InquiryProblem("COUNTER_AUTHORISATION_REQUIRED", DomainProblem.Kind.INVALID_INPUT,
                    "请上传本人（或监护人）签字的授权书或查询申请表的扫描件（PDF、JPG 或 PNG）");
        }
        if (check.byGuardian() && papers.stream().noneMatch(p -> p.kind() == Kind.GUARDIANSHIP)) {
            throw new InquiryProblem("COUNTER_GUARDIANSHIP_PAPER_REQUIRED", DomainProblem.Kind.INVALID_INPUT,
                    "监护人代为办理的，请上传监护关系证明的扫描件（PDF、JPG 或 PNG）");
        }
        Attachments.requireCount(papers.size(), "一次窗口办理");
        return papers.stream().map(p -> Attachments.check(p.filename(), p.content())).toList();
    }
}
