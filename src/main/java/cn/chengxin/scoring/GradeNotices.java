package cn.chengxin.scoring;

import java.util.ArrayList;
import java.util.List;

import cn.chengxin.account.NoticeArg;
import cn.chengxin.account.Notices;
import cn.chengxin.scoring.domain.GradeBand;
import cn.chengxin.scoring.domain.GradeDrop;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * 信用等级变动通知 (issue #6: a grade change is an event that notices use; issue #8 notices; RULES.md §8; J5 of
 * gaps-review-xxviii): each subject whose grade dropped or ended ({@link GradeDrop}) is told in 消息通知 — and by text
 * when their account has a phone — with the new grade and a link to their score page, where the explanation and the
 * human review are. One pass per stored batch, the notices written together ({@link Notices#notifyAll}), in the
 * transaction that stored the scores when there is one: scores rolled back are never announced. Here, not in the
 * account module that keeps the notices: that module may not depend on scoring (scoring already writes its review
 * notices there). A back-load's changes ({@link GradesChanged#backLoad}) are told to nobody: the first grade after a
 * city's migration is as a first grade.
 */
@Component
class GradeNotices {

    static final String KIND = "GRADE_CHANGED";
    static final String LINK = "/me/score";

    private final Scoring scoring;
    private final Notices notices;

    GradeNotices(Scoring scoring, Notices notices) {
        this.scoring = scoring;
        this.notices = notices;
    }

    @EventListener
    void on(GradesChanged changed) {
        // A back-load's grades (gaps review xliii X4): the person is told of changes about them, not of the platform's
        // loading of a decision years old (PIPL Art. 17: accurate notice); the score page shows the grade as it is.
        if (changed.backLoad()) {
            return;
        }
        List<GradeBand> bands = scoring.activeModel().model().grades();
        List<Notices.Addressed> dropped = new ArrayList<>();
        List<Notices.Addressed> lost = new ArrayList<>();
        for (GradesChanged.Change c : changed.changes()) {
            GradeDrop drop = GradeDrop.of(bands, c.from(), c.to());
            String was = GradeDrop.label(bands, c.from());
            if (drop == GradeDrop.DROPPED) {
                String now = GradeDrop.label(bands, c.to());
                dropped.add(new Notices.Addressed(c.subjectId(), "您的信用等级由" + was + "调整为" + now,
                        "根据您的信用记录，您的信用等级由" + was + "调整为" + now + "，与信用等级挂钩的信用惠民措施随之调整。"
                                + "可在“我的信用分”查看评分说明；对评分有疑问可申请人工复核，对所依据的记录有异议可提出异议。",
                        List.of(NoticeArg.text(c.from()), NoticeArg.text(c.to()))));
            } else if (drop == GradeDrop.LOST) {
                lost.add(new Notices.Addressed(c.subjectId(), "您已不再评定信用等级（原为" + was + "）",
                        "您已不再评定信用等级（原为" + was + "），与信用等级挂钩的信用惠民措施不再适用。"
                                + "可在“我的信用分”查看不评分的原因。",
                        List.of(NoticeArg.text(c.from()))));
            }
        }
        if (!dropped.isEmpty()) {
            notices.notifyAll(KIND, LINK, "GRADE_DROPPED", dropped);
        }
        if (!lost.isEmpty()) {
            notices.notifyAll(KIND, LINK, "GRADE_LOST", lost);
        }
    }
}
