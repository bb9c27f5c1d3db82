package cn.chengxin.objection;

import java.time.LocalDate;
import java.util.List;

import cn.chengxin.account.NoticeArg;
import cn.chengxin.account.Notices;
import cn.chengxin.objection.domain.ObjectionDeadlines;
import cn.chengxin.shared.calendar.WorkingDays;
import cn.chengxin.subject.CorrectionDeadlines;
import cn.chengxin.subject.CorrectionRequestDecided;
import cn.chengxin.subject.CorrectionRequestReceived;
import cn.chengxin.subject.domain.CorrectionRequest;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * 更正补充请求 (PIPL Art. 46; gaps review xlvi AA3) as the objection rules govern it: a person's request to correct
 * their registered name or complete their birth date is due as an objection the credit office decides alone
 * ({@link ObjectionDeadlines#platformDue}: the configured working days of RULES.md §5, on the city's calendar) — the
 * registry's data is the office's own, no providing department verifies it — and the person is told in 消息通知 that it
 * was received and by when, then how it was decided, a refusal with its reasons (PIPL Art. 50). The notices are written
 * in the request's or decision's transaction (synchronous listeners), so one is never told of what was rolled back.
 */
@Component
class RegistryCorrections implements CorrectionDeadlines {

    static final String LINK = "/me/corrections";

    private final ObjectionDeadlines deadlines;
    private final WorkingDays workingDays;
    private final Notices notices;

    RegistryCorrections(ObjectionSettings settings, WorkingDays workingDays, Notices notices) {
        this.deadlines = settings.deadlines();
        this.workingDays = workingDays;
        this.notices = notices;
    }

    @Override
    public LocalDate dueFor(LocalDate received) {
        return deadlines.platformDue(workingDays.calendar(), received);
    }

    @EventListener
    void on(CorrectionRequestReceived received) {
        NoticeArg field = field(received.field());
        notices.notify(received.subjectId(), "CORRECTION_RECEIVED", "您的更正补充请求已受理",
                "您请求将登记的" + field.zh() + "更正或补充为“" + received.value() + "”，已受理并提交审核。办理期限："
                        + received.dueOn() + "（按工作日计算）。", LINK, "CORRECTION_RECEIVED",
                List.of(field, NoticeArg.text(received.value()), NoticeArg.date(received.dueOn())));
    }

    @EventListener
    void on(CorrectionRequestDecided decided) {
        NoticeArg field = field(decided.field());
        if (decided.approved()) {
            notices.notify(decided.subjectId(), "CORRECTION_DECIDED", "您的更正补充请求已办结：已更正",
                    "您请求将登记的" + field.zh() + "更正或补充为“" + decided.value() + "”，经审核已予更正。", LINK,
                    "CORRECTION_APPROVED", List.of(field, NoticeArg.text(decided.value())));
            return;
        }
        notices.notify(decided.subjectId(), "CORRECTION_DECIDED", "您的更正补充请求已办结：不予更正",
                "您请求将登记的" + field.zh() + "更正或补充为“" + decided.value() + "”，经审核不予更正。理由："
                        + decided.reason() + "。如有新的证明材料，可再次提出请求。", LINK, "CORRECTION_REFUSED",
                List.of(field, NoticeArg.text(decided.value()), NoticeArg.text(decided.reason())));
    }

    static NoticeArg field(CorrectionRequest.Field field) {
        return NoticeArg.label("corrections.field." + field.name(), field == CorrectionRequest.Field.NAME ? "姓名"
                : "出生日期");
    }
}
