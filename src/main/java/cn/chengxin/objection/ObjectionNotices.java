package cn.chengxin.objection;

import java.time.LocalDate;
import java.util.List;

import cn.chengxin.account.NoticeArg;
import cn.chengxin.account.Notices;
import cn.chengxin.catalog.Catalogue;
import cn.chengxin.catalog.CatalogueItem;
import cn.chengxin.objection.domain.Remedy;
import cn.chengxin.shared.AppealPeriods;
import org.springframework.stereotype.Component;

/**
 * Tells the subject that their objection was received and how it was decided (issue #8 "Notifications"): in
 * self-service and, with a phone on file, by text. The decision's reasons are in the notice because the subject is
 * owed them (PIPL Art. 50).
 */
@Component
class ObjectionNotices {

    private static final String LINK = "/me/objections";
    private static final String FILE_LINK = "/me/file";

    private final Notices notices;
    private final Catalogue catalogue;
    private final java.time.Clock clock;

    ObjectionNotices(Notices notices, Catalogue catalogue, java.time.Clock clock) {
        this.notices = notices;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    void received(Objection o) {
        if (o.againstOmission()) {
            // Nothing was marked: the record said to be missing is not in the file (K8 of gaps-review-xxix).
            String department = catalogue.departments().getOrDefault(o.departmentCode(), o.departmentCode());
            notices.notify(o.subjectId(), "OBJECTION_RECEIVED", "您的异议已受理",
                    "您提出的“" + itemName(o) + "”信息遗漏异议已受理，将由提供单位" + department + "核实。办结期限："
                            + o.dueOn() + "（按工作日计算）。", LINK, "OBJECTION_OMISSION_RECEIVED",
                    List.of(item(o), NoticeArg.date(o.dueOn()), NoticeArg.department(o.departmentCode(), department)));
            return;
        }
        notices.notify(o.subjectId(), "OBJECTION_RECEIVED", "您的异议已受理",
                "您对“" + itemName(o) + "”记录提出的异议已受理，该记录已标注“异议中”。办结期限：" + o.dueOn()
                        + "（按工作日计算）。", LINK, "OBJECTION_RECEIVED", List.of(item(o), NoticeArg.date(o.dueOn())));
    }

    void decided(Objection o) {
        NoticeArg remedy = remedy(o);
        if (o.againstOmission()) {
            // 补充: the department submitted the record, which the person finds in their file (RULES.md §5); the
            // sentence is an argument of its own, so that a reader of another language reads it too (K8).
            NoticeArg supplied = NoticeArg.text("");
            if (o.outcome() == cn.chengxin.objection.domain.Outcome.SUPPLEMENT) {
                String department = catalogue.departments().getOrDefault(o.departmentCode(), o.departmentCode());
                supplied = NoticeArg.label("notice.omission.supplied",
                        "所遗漏的记录已由提供单位" + department + "报送，请在“我的信用档案”查看。", department);
            }
            notices.notify(o.subjectId(), "OBJECTION_DECIDED", "您的异议已办结：" + o.outcomeLabel(),
                    "您提出的“" + itemName(o) + "”信息遗漏异议已办结。处理结果：" + o.outcomeLabel() + "。"
                            + supplied.zh() + "理由：" + o.outcomeReasons() + "。" + remedy.zh(), LINK,
                    "OBJECTION_OMISSION_DECIDED",
                    List.of(outcome(o), item(o), NoticeArg.text(o.outcomeReasons()), remedy, supplied));
            return;
        }
        notices.notify(o.subjectId(), "OBJECTION_DECIDED", "您的异议已办结：" + o.outcome().label(),
                "您对“" + itemName(o) + "”记录提出的异议已办结。处理结果：" + o.outcome().label() + "。理由："
                        + o.outcomeReasons() + "。" + remedy.zh(), LINK, "OBJECTION_DECIDED",
                List.of(outcome(o), item(o), NoticeArg.text(o.outcomeReasons()), remedy));
    }

    /**
     * The case went to the providing department for verification, which gives it the longer deadline of Henan Art. 41:
     * the subject, told the platform's 3-day date on receipt, learns the new one and who verifies (RULES.md §5).
     */
    void routed(Objection o, java.time.LocalDate newDue) {
        String department = catalogue.departments().getOrDefault(o.departmentCode(), o.departmentCode());
        notices.notify(o.subjectId(), "OBJECTION_ROUTED", "您的异议已转" + department + "核查，办结期限 " + newDue,
                what(o) + "需由提供单位" + department + "核实，已转该单位核查。"
                        + "办结期限相应变更为 " + newDue + "（自受理之日起按工作日计算）。", LINK,
                wording(o, "ROUTED"),
                List.of(NoticeArg.department(o.departmentCode(), department), NoticeArg.date(newDue), item(o)));
    }

    /** The subject learns that the deadline moved, and why (testing or expert review is not counted). */
    void paused(Objection o, cn.chengxin.objection.domain.ObjectionPause.Kind pause, java.time.LocalDate until,
                java.time.LocalDate newDue) {
        String kind = pause.label();
        notices.notify(o.subjectId(), "OBJECTION_PAUSED", "您的异议办理期限顺延至 " + newDue,
                what(o) + "需" + kind + "，至 " + until + " 止的工作日不计入办理期限，"
                        + "办结期限顺延至 " + newDue + "（自受理之日起不超过 20 日）。", LINK, wording(o, "PAUSED"),
                List.of(NoticeArg.date(newDue), item(o), NoticeArg.label("objections.pauseKind." + pause.name(), kind),
                        NoticeArg.date(until)));
    }

    /**
     * The department did not deliver the correction decided on the subject's objection within its deadline: the case
     * went to the credit office, and the record stays marked 异议中 until the correction comes (RULES.md §5).
     */
    void correctionEscalated(Objection o, java.time.LocalDate due) {
        notices.notify(o.subjectId(), "OBJECTION_CORRECTION_ESCALATED", "异议记录逾期未更正，已报信用办督办",
                "您对“" + itemName(o) + "”记录提出的异议已办结为" + o.outcome().label() + "，提供单位未在 " + due
                        + " 前报送更正后的记录，已报信用办督办。更正前，该记录继续标注“异议中”。", LINK,
                "OBJECTION_CORRECTION_ESCALATED", List.of(item(o), outcome(o), NoticeArg.date(due)));
    }

    /**
     * The correction decided on the subject's objection arrived: the record is 有效 again, no longer marked. The subject
     * is told which version now stands and where to read it, so that a correction still wrong can be contested in
     * time (RULES.md §5; issue #8 "the citizen sees the outcome and the corrected record").
     */
    void corrected(java.util.UUID subjectId, cn.chengxin.creditfile.FileEntry record) {
        String decision = record.decisionNumber() == null ? "" : "（" + record.decisionNumber() + "）";
        notices.notify(subjectId, "OBJECTION_CORRECTED", "您异议的记录已更正",
                "提供单位已报送“" + itemName(record.itemCode()) + "”记录" + decision + "更正后的记录（第 "
                        + record.version() + " 版），该记录已解除“异议中”标注。请在“我的信用档案”查看更正后的内容；"
                        + "如仍有误，可再次提出异议。", FILE_LINK, "OBJECTION_CORRECTED",
                List.of(NoticeArg.item(record.itemCode(), itemName(record.itemCode())),
                        record.decisionNumber() == null ? NoticeArg.text("")
                                : NoticeArg.label("notice.decision", decision, record.decisionNumber()),
                        NoticeArg.number(record.version())));
    }

    /**
     * The decision ends with what the person may still do and by when (L3 of gaps-review-xxx; RULES.md §5): a review
     * here once, in self-service, and 行政复议 or a lawsuit by their last days counted from the decision day; nothing
     * when the objection was granted in full or ended without a decision ({@link Remedy}).
     */
    private NoticeArg remedy(Objection o) {
        Remedy remedy = Remedy.of(o.outcome(), o.againstOmission(), o.review());
        if (remedy == Remedy.NONE) {
            return NoticeArg.text("");
        }
        AppealPeriods periods = AppealPeriods.from(LocalDate.ofInstant(o.decidedAt(), clock.getZone()));
        String by = periods.reconsiderationBy().toString();
        String lawsuit = periods.lawsuitBy().toString();
        return remedy == Remedy.APPEAL ? NoticeArg.label("notice.remedy.appeal", periods.zh(), by, lawsuit)
                : NoticeArg.label("notice.remedy.review", "如对处理结果有异议，可在个人中心“我的异议”申请复核一次；"
                        + periods.zh(), by, lawsuit);
    }

    /**
     * The case as a notice names it: an objection to a record, or an omission (信息遗漏), which names no record (K8 of
     * gaps-review-xxix).
     */
    private String what(Objection o) {
        return o.againstOmission() ? "您提出的“" + itemName(o) + "”信息遗漏异议"
                : "您对“" + itemName(o) + "”记录提出的异议";
    }

    /** The wording of a notice {@code OBJECTION_<event>}, or {@code OBJECTION_OMISSION_<event>} for an omission. */
    private static String wording(Objection o, String event) {
        return (o.againstOmission() ? "OBJECTION_OMISSION_" : "OBJECTION_") + event;
    }

    /** The record objected to, by its item (or list) code and its name as the text gives it (G13). */
    private NoticeArg item(Objection o) {
        return NoticeArg.item(o.itemCode(), itemName(o));
    }

    private static NoticeArg outcome(Objection o) {
        return NoticeArg.label(o.outcomeKey(), o.outcomeLabel());
    }

    private String itemName(String itemCode) {
        return catalogue.active(itemCode).map(CatalogueItem::definition).map(d -> d.name()).orElse(itemCode);
    }

    private String itemName(Objection o) {
        if (o.againstEntry()) {
            return cn.chengxin.listing.ListType.valueOf(o.itemCode().substring("LIST_".length())).label();
        }
        return itemName(o.itemCode());
    }
}
