package cn.chengxin.oversight;

import java.time.LocalDate;

import cn.chengxin.shared.calendar.CalendarDay;
import cn.chengxin.shared.calendar.DayKind;
import cn.chengxin.shared.calendar.WorkingDays;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Principals;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

/**
 * A change of the working calendar and its audit event are one transaction (RULES.md §10): a change the audit log
 * cannot record is not made, and no request caches a calendar the change's transaction did not commit.
 */
@IntegrationTest
class CalendarEditingIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    WorkingDays workingDays;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aCalendarChangeTheAuditLogCannotRecordIsNotMade() throws Exception {
        // Made-up dates far ahead, so that no other test meets them.
        LocalDate day = LocalDate.of(2099, 7, 6);
        refuseAuditEventsAbout(day, () -> mvc.perform(set(day))
                .andExpect(flash().attribute("failureCode", "AUDIT_UNAVAILABLE")));
        assertThat(stored(day)).as("not set unaudited").isZero();
        assertThat(workingDays.calendar().isWorkingDay(day)).isTrue();

        mvc.perform(set(day)).andExpect(flash().attribute("successKey", "calendar.saved"));
        assertThat(stored(day)).isOne();
        assertThat(workingDays.calendar().isWorkingDay(day)).isFalse();

        refuseAuditEventsAbout(day, () -> mvc.perform(post("/console/calendar/clear").with(clerk()).with(csrf())
                        .param("day", day.toString()))
                .andExpect(flash().attribute("failureCode", "AUDIT_UNAVAILABLE")));
        assertThat(stored(day)).as("not cleared unaudited").isOne();
        assertThat(workingDays.calendar().isWorkingDay(day)).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action LIKE 'calendar.%' AND detail LIKE ?")
                .param(day + "%").query(Long.class).single()).as("the one change made, audited").isOne();
    }

    /**
     * A request in the change's own transaction reads the day already and caches the calendar; rolled back (an audit
     * refusal, a later failure), the day is gone, and so is the calendar that held it.
     */
    @Test
    void aDaySetInATransactionRolledBackIsNotInTheCachedCalendar() {
        LocalDate day = LocalDate.of(2099, 7, 8);
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            workingDays.set(new CalendarDay(day, DayKind.HOLIDAY, "测试假日"), "测试通知", "tester");
            assertThat(workingDays.calendar().isWorkingDay(day)).isFalse();
            tx.setRollbackOnly();
        });
        assertThat(stored(day)).isZero();
        assertThat(workingDays.calendar().isWorkingDay(day)).isTrue();
    }

    private RequestBuilder set(LocalDate day) {
        return post("/console/calendar").with(clerk()).with(csrf()).param("day", day.toString())
                .param("kind", "HOLIDAY").param("holiday", "测试假日").param("source", "测试通知");
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor clerk() {
        return authentication(Principals.staff("calendar-clerk", "CREDIT_OFFICE", Permission.CALENDAR_EDIT));
    }

    private long stored(LocalDate day) {
        return jdbc.sql("SELECT count(*) FROM shared.calendar_day WHERE day = ?").param(day).query(Long.class)
                .single();
    }

    /** The audit log refuses the events about the day (an outage, for this day's changes only). */
    private void refuseAuditEventsAbout(LocalDate day, ThrowingRunnable action) throws Exception {
        jdbc.sql("ALTER TABLE audit.event ADD CONSTRAINT test_calendar_refused CHECK (detail NOT LIKE '" + day
                + "%') NOT VALID").update();
        try {
            action.run();
        } finally {
            jdbc.sql("ALTER TABLE audit.event DROP CONSTRAINT test_calendar_refused").update();
        }
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
