package cn.chengxin.repair;

import java.time.LocalDate;
import java.util.List;

import cn.chengxin.account.NoticeArg;
import cn.chengxin.account.Notices;
import cn.chengxin.shared.AppealPeriods;
import org.springframework.stereotype.Component;

/**
 * Tells the subject about their repair (issue #8 "Notifications"): that a record can now be repaired, that the
 * application was received, and how it was decided — in self-service and, with a phone on file, by text. A refusal
 * carries its reasons, which the applicant is owed.
 */
@Component
class RepairNotices {

    private static final String LINK = "/me/repairs";

    private final Notices notices;

    RepairNotices(Notices notices) {
        this.notices = notices;
    }

    void eligible(java.util.UUID subjectId, String itemName, String decisionNumber) {
        notices.notify(subjectId, "REPAIR_ELIGIBLE", "您有一条失信记录今日起可申请信用修复",
                "“" + itemName + "”（" + decisionNumber + "）的最短公示期已满。纠正失信行为、履行义务后，可在“我的信用修复”"
                        + "申请信用修复，不收取任何费用。", LINK, "REPAIR_ELIGIBLE",
                List.of(NoticeArg.text(itemName), NoticeArg.text(decisionNumber)));
    }

    void received(RepairApplication a, String itemName) {
        notices.notify(a.subjectId(), "REPAIR_RECEIVED", "您的信用修复申请已受理",
                "您就" + named(a, itemName) + "提出的信用修复申请已受理，平台将于 " + a.feedbackDue()
                        + " 前反馈（按工作日计算）。", LINK, "REPAIR_RECEIVED",
                List.of(NoticeArg.text(itemName), decision(a), NoticeArg.date(a.feedbackDue())));
    }

    void decided(RepairApplication a, String itemName, boolean approved, String reasons, LocalDate today) {
        if (approved) {
            notices.notify(a.subjectId(), "REPAIR_APPROVED", "您的信用修复申请已获批准",
                    named(a, itemName) + "已于 " + today + " 完成信用修复：停止公示和使用，"
                            + "相关名单已移出，信用评分将随之更新。", LINK, "REPAIR_APPROVED",
                    List.of(NoticeArg.text(itemName), decision(a), NoticeArg.date(today)));
        } else {
            NoticeArg remedy = remedy(today);
            notices.notify(a.subjectId(), "REPAIR_REFUSED", "您的信用修复申请未获批准",
                    named(a, itemName) + "的信用修复申请不予批准，理由：" + reasons
                            + "。您可在补充材料后重新申请。" + remedy.zh(), LINK, "REPAIR_REFUSED",
                    List.of(NoticeArg.text(itemName), decision(a), NoticeArg.text(reasons), remedy));
        }
    }

    /**
     * The review was extended (RULES.md §6): the applicant learns the new deadline (the feedback's, or the decision's
     * once proposed) and why, rather than seeing the first one pass without an answer (issue #8 "Notifications"). The
     * reason is the reviewer's, kept masked; it is owed to the applicant.
     */
    void extended(RepairApplication a, String itemName, int days, String reason, LocalDate newDue) {
        notices.notify(a.subjectId(), "REPAIR_EXTENDED", "您的信用修复申请办理期限延长至 " + newDue,
                "您就" + named(a, itemName) + "提出的信用修复申请办理期限延长 " + days + " 个工作日，新的办理期限为 "
                        + newDue + "（按工作日计算）。延期理由：" + reason + "。", LINK, "REPAIR_EXTENDED",
                List.of(NoticeArg.text(itemName), decision(a), NoticeArg.number(days), NoticeArg.date(newDue),
                        NoticeArg.text(reason)));
    }

    /**
     * The application ended without a decision because its record left display or changed (G8): the applicant learns
     * why, and that nothing is held against them — no refusal was made.
     */
    void ended(RepairApplication a, String itemName, String reason) {
        notices.notify(a.subjectId(), "REPAIR_ENDED", "您的信用修复申请已终结",
                "您就" + named(a, itemName) + "提出的信用修复申请已终结：" + reason
                        + "。这不是不予修复的决定，随申请签署的信用承诺同时失效。", LINK, "REPAIR_ENDED",
                List.of(NoticeArg.text(itemName), decision(a), NoticeArg.text(reason)));
    }

    /**
     * A refusal is a decision about the person (L3 of gaps-review-xxx; 攀枝花 四(二), 98号 四(三)): it ends with 行政复议 and
     * the lawsuit and their last days from the decision day. The platform has no review of its own for a repair.
     */
    private static NoticeArg remedy(LocalDate decidedOn) {
        AppealPeriods periods = AppealPeriods.from(decidedOn);
        return NoticeArg.label("notice.remedy.appeal", periods.zh(), periods.reconsiderationBy().toString(),
                periods.lawsuitBy().toString());
    }

    /** The decision number after the item's name in the reader's language (G13), or nothing when there is none. */
    private static NoticeArg decision(RepairApplication a) {
        return a.decisionNumber() == null ? NoticeArg.text("")
                : NoticeArg.label("notice.decision", "（" + a.decisionNumber() + "）", a.decisionNumber());
    }

    /** A record by its item and decision number; a list entry proposed by hand, which has none, by its list. */
    private static String named(RepairApplication a, String itemName) {
        return "“" + itemName + "”" + (a.decisionNumber() == null ? "" : "（" + a.decisionNumber() + "）");
    }
}
