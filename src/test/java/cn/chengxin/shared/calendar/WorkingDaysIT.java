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

    private String page(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
