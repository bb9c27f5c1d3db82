package cn.chengxin.oversight;

import java.time.LocalDate;

import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.shared.calendar.CalendarDay;
import cn.chengxin.shared.calendar.WorkingDays;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 工作日历: the credit office's changes to the working calendar, each with its audit event in one transaction — a change
 * the audit log cannot record is not made (RULES.md §10: every operation leaves a trace), as every other audited
 * change records its event before it commits.
 */
@Service
public class CalendarEditing {

    private final WorkingDays workingDays;
    private final AuditLog audit;

    CalendarEditing(WorkingDays workingDays, AuditLog audit) {
        this.workingDays = workingDays;
        this.audit = audit;
    }

    /** Declares a day a holiday or an adjusted working day, with the notice it comes from. */
    @Transactional
    public void set(CalendarDay day, String source) {
        workingDays.set(day, source, AuditLog.currentActor().actorName());
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "calendar.set")
                .detail(day.date() + " " + day.kind() + " " + day.holiday().strip() + "（" + source.strip() + "）"));
    }

    /** Makes a day ordinary again; audited only when it was not ordinary already. */
    @Transactional
    public void clear(LocalDate day) {
        if (workingDays.clear(day)) {
            audit.record(AuditEntry.of(AuditCategory.PROCESSING, "calendar.clear").detail(day.toString()));
        }
    }
}
