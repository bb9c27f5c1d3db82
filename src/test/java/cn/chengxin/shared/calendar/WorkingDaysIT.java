package cn.chengxin.shared.calendar;

import java.time.LocalDate;

import cn.chengxin.shared.CodedProblem;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Principals;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The seeded schedules are in force from the database, and an edit changes deadlines at once. */
@IntegrationTest
class WorkingDaysIT {

    @Autowired
    WorkingDays workingDays;

    @Autowired
    MockMvc mvc;

    @Autowired
    java.time.Clock clock;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Test
    void seededSchedulesCountAndEditsTakeEffect() {
        WorkingCalendar seeded = workingDays.calendar();
        assertThat(seeded.onOrAfter(LocalDate.of(2026, 10, 1))).isEqualTo(LocalDate.of(2026, 10, 8));
        assertThat(seeded.onOrAfter(LocalDate.of(2025, 1, 28))).isEqualTo(LocalDate.of(2025, 2, 5));
        assertThat(seeded.isWorkingDay(LocalDate.of(2024, 2, 18))).as("2024 春节 调休 Sunday").isTrue();
        assertThat(workingDays.year(2026)).extracting(CalendarDay::holiday).contains("春节", "国庆节");

        // A day off decided later (a made-up date far ahead, so no other test meets it).
        LocalDate day = LocalDate.of(2099, 6, 3);
        assertThat(workingDays.calendar().isWorkingDay(day)).isTrue();
        workingDays.set(new CalendarDay(day, DayKind.HOLIDAY, "测试假日"), "测试通知", "tester");
        assertThat(workingDays.calendar().isWorkingDay(day)).isFalse();
        assertThat(workingDays.calendar().plusWorkingDays(day.minusDays(1), 1)).isEqualTo(day.plusDays(1));
        assertThat(workingDays.clear(day)).isTrue();
        assertThat(workingDays.calendar().isWorkingDay(day)).isTrue();

        CodedProblem weekday = catchThrowableOfType(CodedProblem.class, () -> workingDays.set(
                new CalendarDay(day, DayKind.ADJUSTED_WORKDAY, "测试"), "测试通知", "tester"));
        assertThat(weekday.code()).isEqualTo("CALENDAR_ADJUSTED_NOT_WEEKEND");
    }

    /** The working calendar names the kinds of day in the reader's language (issue #5); Chinese as before. */
    @Test
    void theCalendarPageNamesKindsOfDayInTheReadersLanguage() throws Exception {
        var clerk = authentication(Principals.staff("calendar-clerk", "CREDIT_OFFICE", Permission.CALENDAR_EDIT));

        assertThat(page(get("/console/calendar").param("year", "2026").param("lang", "en").with(clerk)))
                .contains("<td>Holiday (rest day)</td>", "<td>Adjusted working day</td>",
                        ">Adjusted working day</option>")
                .doesNotContain("休息日（节假日）", "调休工作日");
        assertThat(page(get("/console/calendar").param("year", "2026").with(clerk)))
                .contains("<td>休息日（节假日）</td>", "<td>调休工作日</td>", ">调休工作日</option>");
    }


    /**
     * 工作台 warns every staff member while a schedule deadlines need is missing. The current year's days are cleared
     * in a transaction that is rolled back, so the warning shows whatever today's date is.
     */
    @Test
    void theDashboardWarnsWhileAYearsScheduleIsMissing() {
        var clerk = authentication(Principals.staff("dashboard-clerk", "CREDIT_OFFICE", Permission.CONSOLE_HOME));
        int thisYear = LocalDate.now(clock).getYear();
        transactions.executeWithoutResult(tx -> {
            workingDays.year(thisYear).forEach(day -> workingDays.clear(day.date()));
            String page = page(get("/console").with(clerk));
            assertThat(page).contains("data-field=\"calendar-missing\"", thisYear + " 年节假日安排尚未录入工作日历")
                    .as("the link is for those who may enter it").doesNotContain("/console/calendar?year=" + thisYear);
            var editor = authentication(Principals.staff("calendar-x7", "CREDIT_OFFICE", Permission.CALENDAR_EDIT));
            assertThat(page(get("/console/calendar").with(editor))).as("the calendar page warns too (review X7)")
                    .contains("data-field=\"calendar-missing\"", thisYear + " 年节假日安排尚未录入工作日历",
                            "/console/calendar?year=" + thisYear);
            tx.setRollbackOnly();
        });
        assertThat(workingDays.calendar().isScheduled(thisYear)).as("rolled back").isTrue();
        String after = page(get("/console").with(clerk));
        assertThat(after.contains(thisYear + " 年节假日安排尚未录入"))
                .as("the current year is scheduled again").isFalse();
        assertThat(after.contains("calendar-missing"))
                .isEqualTo(!workingDays.calendar().missingSchedules(LocalDate.now(clock)).isEmpty());
    }

    private String page(org.springframework.test.web.servlet.RequestBuilder request) {
        try {
            return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
