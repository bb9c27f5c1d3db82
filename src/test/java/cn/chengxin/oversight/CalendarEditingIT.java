package cn.chengxin.oversight;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;

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
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A change of the working calendar is a proposal a second {@code calendar:edit} holder decides (H9 of
 * gaps-review-xxv), and each step and its audit event are one transaction (RULES.md §10): a change the audit log
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

    @Autowired
    Clock clock;

    private final Authentication maker = clerk("calendar-maker");
    private final Authentication checker = clerk("calendar-checker");

    @Test
    void theProposerCannotApproveAndASecondPersonsApprovalChangesTheCalendar() throws Exception {
        // Made-up dates far ahead, so that no other test meets them.
        LocalDate first = LocalDate.of(2099, 7, 13);
        LocalDate last = first.plusDays(1);
        mvc.perform(propose(maker, first).param("lastDay", last.toString()))
                .andExpect(flash().attribute("successKey", "calendar.proposed"));
        UUID proposal = proposalOf(first);
        assertThat(stored(first) + stored(last)).as("nothing written before approval").isZero();
        assertThat(workingDays.calendar().isWorkingDay(first)).isTrue();

        assertThat(page(maker)).as("the proposer sees it waiting, without the approval buttons")
                .contains("data-proposal=\"" + proposal + "\"")
                .doesNotContain("/console/calendar/proposals/" + proposal + "/approve");
        assertThat(page(checker)).contains("/console/calendar/proposals/" + proposal + "/approve",
                "/console/calendar/proposals/" + proposal + "/reject");

        mvc.perform(decide(maker, proposal, "approve"))
                .andExpect(flash().attribute("failureCode", "CALENDAR_SELF_REVIEW"));
        mvc.perform(decide(maker, proposal, "reject").param("note", "撤回"))
                .andExpect(flash().attribute("failureCode", "CALENDAR_SELF_REVIEW"));
        assertThat(workingDays.calendar().isWorkingDay(first)).as("the proposer alone changes nothing").isTrue();

        mvc.perform(decide(checker, proposal, "approve")).andExpect(flash().attribute("successKey", "calendar.approved"));
        assertThat(workingDays.calendar().isWorkingDay(first)).isFalse();
        assertThat(workingDays.calendar().isWorkingDay(last)).isFalse();
        assertThat(workingDays.calendar().plusWorkingDays(first.minusDays(1), 1)).isEqualTo(last.plusDays(1));
        mvc.perform(decide(checker, proposal, "reject").param("note", "迟了"))
                .andExpect(flash().attribute("failureCode", "CALENDAR_PROPOSAL_DECIDED"));
        assertThat(audited(first)).containsExactly("calendar.propose", "calendar.approve");
        String days = first + "~" + last;
        assertThat(details(days)).containsExactly(
                "reason=CALENDAR_PROPOSED; days=" + days + "; change=#calendar.kind.HOLIDAY; holiday=测试假日; "
                        + "source=测试通知; proposal=" + proposal,
                "reason=CALENDAR_APPROVED; days=" + days + "; change=#calendar.kind.HOLIDAY; holiday=测试假日; "
                        + "source=测试通知; proposal=" + proposal);
        // 审计日志 names the step in the reader's language (K7), what the days become by its label.
        assertThat(auditLog(""))
                .contains("工作日历 " + days + " 改为「休息日（节假日）」（节日：测试假日，依据：测试通知），审核通过；变更申请 "
                        + proposal)
                .doesNotContain("reason=CALENDAR_APPROVED");
        assertThat(auditLog("&lang=en"))
                .contains("Working calendar " + days + " becomes “Holiday (rest day)” (holiday: 测试假日, notice: 测试通知), "
                        + "approved; proposal " + proposal)
                .doesNotContain("审核通过；变更申请 " + proposal);
    }

    /**
     * The approver sees the open cases whose stored deadline the proposal would count differently, with the date
     * recounted under it and a link to each; approval leaves the stored dates as the person was told them.
     */
    @Test
    void aProposalCoveringAnOpenObjectionsDeadlineListsThatCase() throws Exception {
        LocalDate received = LocalDate.of(2098, 3, 1).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        LocalDate due = received.plusDays(3);              // Thursday: 3 working days from Monday
        LocalDate holiday = received.plusDays(2);          // Wednesday
        UUID covered = openObjection(received, due);
        UUID before = openObjection(received.minusDays(7), due.minusDays(7)); // due the week before: not reached
        try {
            mvc.perform(propose(maker, holiday)).andExpect(flash().attribute("successKey", "calendar.proposed"));
            UUID proposal = proposalOf(holiday);
            String page = page(checker, 2098);
            int at = page.indexOf("data-moved=\"" + proposal + "\"");
            assertThat(at).as("the proposal's cases are listed").isPositive();
            String listed = page.substring(at, page.indexOf("</table>", at));
            assertThat(listed).contains("data-case=\"" + covered + "\"", "/console/objections/" + covered,
                            "异议办理期限", due.toString(), received.plusDays(4).toString(), "已存储的期限不变")
                    .doesNotContain(before.toString());

            mvc.perform(decide(checker, proposal, "approve"))
                    .andExpect(flash().attribute("successKey", "calendar.approved"));
            assertThat(jdbc.sql("SELECT due_on FROM objection.objection WHERE id = ?").param(covered)
                    .query(LocalDate.class).single()).as("the person keeps the date they were told").isEqualTo(due);
        } finally {
            jdbc.sql("DELETE FROM objection.objection WHERE id IN (?, ?)").params(covered, before).update();
            workingDays.clear(holiday);
        }
    }

    private UUID openObjection(LocalDate received, LocalDate due) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO objection.objection (id, subject_id, record_key, item_code, department_code,
                               reasons, filed_by, filed_at, status, due_on, received_on)
                        VALUES (?, ?, ?, 'P_ADMIN_PENALTY_GENERAL', 'CALTEST', '测试', 'calendar-test', ?, 'RECEIVED',
                                ?, ?)""")
                .params(id, UUID.randomUUID(), UUID.randomUUID(),
                        Timestamp.from(received.atTime(10, 0).atZone(clock.getZone()).toInstant()), due, received)
                .update();
        return id;
    }

    @Test
    void aRejectedProposalChangesNothingAndARejectionSaysWhy() throws Exception {
        LocalDate day = LocalDate.of(2099, 7, 20);
        mvc.perform(propose(maker, day)).andExpect(flash().attribute("successKey", "calendar.proposed"));
        UUID proposal = proposalOf(day);
        mvc.perform(decide(checker, proposal, "reject"))
                .andExpect(flash().attribute("failureCode", "REVIEW_NOTE_REQUIRED"));
        mvc.perform(decide(checker, proposal, "reject").param("note", "依据文件文号有误"))
                .andExpect(flash().attribute("successKey", "calendar.rejected"));
        mvc.perform(decide(checker, proposal, "approve"))
                .andExpect(flash().attribute("failureCode", "CALENDAR_PROPOSAL_DECIDED"));
        assertThat(stored(day)).isZero();
        assertThat(workingDays.calendar().isWorkingDay(day)).isTrue();
        assertThat(audited(day)).containsExactly("calendar.propose", "calendar.reject");
    }

    /** A day before today (Beijing date) is changed only by a correction naming its reason, itself reviewed. */
    @Test
    void aPastDayIsRefusedWithoutACorrectionReason() throws Exception {
        LocalDate yesterday = LocalDate.now(clock).minusDays(1);
        long before = proposals(yesterday);
        mvc.perform(propose(maker, yesterday)).andExpect(flash().attribute("failureCode", "CALENDAR_DAY_PAST"));
        assertThat(proposals(yesterday)).as("nothing proposed").isEqualTo(before);

        mvc.perform(propose(maker, yesterday).param("reason", "录入时把日期输错了"))
                .andExpect(flash().attribute("successKey", "calendar.proposed"));
        assertThat(proposals(yesterday)).as("a correction waits for a second person").isEqualTo(before + 1);
        UUID correction = jdbc.sql("SELECT id FROM shared.calendar_proposal WHERE first_day = ? "
                        + "AND correction_reason IS NOT NULL AND status = 'PENDING' ORDER BY proposed_at DESC LIMIT 1")
                .param(yesterday).query(UUID.class).single();
        // Not approved here: the day is real, and other tests count working days across it.
        mvc.perform(decide(checker, correction, "reject").param("note", "测试结束"))
                .andExpect(flash().attribute("successKey", "calendar.rejected"));
        assertThat(details(yesterday.toString())).as("a correction's steps say so, with its reason").contains(
                "reason=CALENDAR_PROPOSED_CORRECTION; days=" + yesterday + "; change=#calendar.kind.HOLIDAY; "
                        + "holiday=测试假日; source=测试通知; proposal=" + correction + "; reason=录入时把日期输错了",
                "reason=CALENDAR_REJECTED_CORRECTION; days=" + yesterday + "; change=#calendar.kind.HOLIDAY; "
                        + "holiday=测试假日; source=测试通知; proposal=" + correction + "; reason=录入时把日期输错了");
    }

    @Test
    void aCalendarChangeTheAuditLogCannotRecordIsNotMade() throws Exception {
        LocalDate day = LocalDate.of(2099, 7, 6);
        refuseAuditEventsAbout(day, () -> mvc.perform(propose(maker, day))
                .andExpect(flash().attribute("failureCode", "AUDIT_UNAVAILABLE")));
        assertThat(proposals(day)).as("not proposed unaudited").isZero();

        mvc.perform(propose(maker, day)).andExpect(flash().attribute("successKey", "calendar.proposed"));
        UUID set = proposalOf(day);
        refuseAuditEventsAbout(day, () -> mvc.perform(decide(checker, set, "approve"))
                .andExpect(flash().attribute("failureCode", "AUDIT_UNAVAILABLE")));
        assertThat(stored(day)).as("not set unaudited").isZero();
        assertThat(workingDays.calendar().isWorkingDay(day)).isTrue();

        mvc.perform(decide(checker, set, "approve")).andExpect(flash().attribute("successKey", "calendar.approved"));
        assertThat(stored(day)).isOne();
        assertThat(workingDays.calendar().isWorkingDay(day)).isFalse();

        mvc.perform(propose(maker, day, "ORDINARY"))
                .andExpect(flash().attribute("successKey", "calendar.proposed"));
        UUID clear = proposalOf(day);
        refuseAuditEventsAbout(day, () -> mvc.perform(decide(checker, clear, "approve"))
                .andExpect(flash().attribute("failureCode", "AUDIT_UNAVAILABLE")));
        assertThat(stored(day)).as("not cleared unaudited").isOne();
        assertThat(workingDays.calendar().isWorkingDay(day)).isFalse();
        mvc.perform(decide(checker, clear, "approve")).andExpect(flash().attribute("successKey", "calendar.approved"));
        assertThat(stored(day)).isZero();
        assertThat(workingDays.calendar().isWorkingDay(day)).isTrue();
        assertThat(audited(day)).as("the steps taken, each audited")
                .containsExactly("calendar.propose", "calendar.approve", "calendar.propose", "calendar.approve");
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

    private static MockHttpServletRequestBuilder propose(Authentication who, LocalDate day) {
        return propose(who, day, "HOLIDAY");
    }

    private static MockHttpServletRequestBuilder propose(Authentication who, LocalDate day, String kind) {
        return post("/console/calendar").with(authentication(who)).with(csrf()).param("day", day.toString())
                .param("kind", kind).param("holiday", "测试假日").param("source", "测试通知");
    }

    private static MockHttpServletRequestBuilder decide(Authentication who, UUID proposal, String decision) {
        return post("/console/calendar/proposals/" + proposal + "/" + decision).with(authentication(who))
                .with(csrf());
    }

    private String page(Authentication who) throws Exception {
        return page(who, 2099);
    }

    private String page(Authentication who, int year) throws Exception {
        return mvc.perform(get("/console/calendar").param("year", String.valueOf(year)).with(authentication(who)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static Authentication clerk(String name) {
        return Principals.staff(name, "CREDIT_OFFICE", Permission.CALENDAR_EDIT);
    }

    private UUID proposalOf(LocalDate firstDay) {
        return jdbc.sql("SELECT id FROM shared.calendar_proposal WHERE first_day = ? AND status = 'PENDING'")
                .param(firstDay).query(UUID.class).single();
    }

    private long proposals(LocalDate firstDay) {
        return jdbc.sql("SELECT count(*) FROM shared.calendar_proposal WHERE first_day = ?").param(firstDay)
                .query(Long.class).single();
    }

    private List<String> audited(LocalDate day) {
        return jdbc.sql("SELECT action FROM audit.event WHERE action LIKE 'calendar.%' AND detail LIKE ? ORDER BY seq")
                .param(aboutDay(day)).query(String.class).list();
    }

    /** The stored details of the steps about these days ({@code first~last}, or one day), oldest first. */
    private List<String> details(String days) {
        return jdbc.sql("SELECT detail FROM audit.event WHERE action LIKE 'calendar.%' AND detail LIKE ? ORDER BY seq")
                .param("reason=CALENDAR_%; days=" + days + ";%").query(String.class).list();
    }

    /** The details of the steps whose days start with {@code day} (K7: the days are the detail's first value). */
    private static String aboutDay(LocalDate day) {
        return "reason=CALENDAR_%; days=" + day + "%";
    }

    /** 审计日志's approvals of calendar changes, as an auditor reads them. */
    private String auditLog(String language) throws Exception {
        return mvc.perform(get("/console/audit?action=calendar.approve" + language)
                        .with(cn.chengxin.support.ConsoleStaff.staff("审计员（工作日历）", "audit:read")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private long stored(LocalDate day) {
        return jdbc.sql("SELECT count(*) FROM shared.calendar_day WHERE day = ?").param(day).query(Long.class)
                .single();
    }

    /** The audit log refuses the events about the day (an outage, for this day's changes only). */
    private void refuseAuditEventsAbout(LocalDate day, ThrowingRunnable action) throws Exception {
        jdbc.sql("ALTER TABLE audit.event ADD CONSTRAINT test_calendar_refused CHECK (detail NOT LIKE '"
                + aboutDay(day) + "') NOT VALID").update();
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
