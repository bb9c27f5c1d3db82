package cn.chengxin.objection;

import java.time.Clock;
import java.util.List;

import cn.chengxin.account.NoticeArg;
import cn.chengxin.account.Notices;
import cn.chengxin.subject.RequestedCorrections;
import cn.chengxin.subject.domain.CorrectionRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deadlines of 更正补充请求 watched with the objections' (review xlvi AA3 rest): their deadline is the objection
 * rules' ({@link RegistryCorrections}), so they are reminded and escalated by the same hourly watch — the registry marks
 * and audits ({@link RequestedCorrections#watchDeadlines}), and the person whose request is escalated is told it is late
 * in 消息通知 in the same transaction, as a person whose score review is.
 */
@Component
public class WatchedCorrections {

    private final RequestedCorrections corrections;
    private final Notices notices;

    WatchedCorrections(RequestedCorrections corrections, Notices notices) {
        this.corrections = corrections;
        this.notices = notices;
    }

    @Transactional
    public RequestedCorrections.Watch watch(Clock at) {
        RequestedCorrections.Watch done = corrections.watchDeadlines(at);
        for (CorrectionRequest r : done.escalated()) {
            NoticeArg field = RegistryCorrections.field(r.field());
            notices.notify(r.subjectId(), "CORRECTION_ESCALATED", "您的更正补充请求已逾期，已报信用办督办",
                    "您请求更正或补充登记的" + field.zh() + "未在 " + r.dueOn() + " 前办结，已报信用办督办。办结后您将收到通知。",
                    RegistryCorrections.LINK, "CORRECTION_ESCALATED", List.of(field, NoticeArg.date(r.dueOn())));
        }
        return done;
    }
}
