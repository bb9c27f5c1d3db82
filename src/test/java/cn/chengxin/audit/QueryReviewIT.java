package cn.chengxin.audit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import cn.chengxin.inquiry.Reports;
import cn.chengxin.shared.security.Actor;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.StaffQueryPurpose;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.support.AsStaff;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Principals;
import cn.chengxin.support.TestCitizens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;

import static cn.chengxin.support.ConsoleStaff.staff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 查询审查 (finding L5; RULES.md §10 "query use registration and review", 国办发〔2016〕98号 四(一)): a clerk who looks up
 * 400 people in a day under one 案号 is counted and flagged on the auditor's page, the flagged queries are listed
 * without the people, and the auditor's review is recorded, audited, listed and clears the 工作台's monthly line.
 */
@IntegrationTest
class QueryReviewIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditLog audit;

    @Autowired
    QueryReviews reviews;

    @Autowired
    Reports reports;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void fourHundredQueriesByOneClerkAreCountedAndFlaggedWithoutThePeople() throws Exception {
        long run = System.nanoTime();
        String clerkName = "L5-clerk-" + run;
        String department = "L5D" + run % 1_000_000;
        String caseReference = "许可受理 L5-" + run;
        Actor clerk = (Actor) Principals.staff(clerkName, department, Permission.INQUIRY_GOVERNMENT).getPrincipal();
        LocalTime before = LocalTime.now(clock);
        // One real 政务查询, so that the review reads the 案号 as Reports records it …
        TestCitizens.Person real = TestCitizens.register(subjects, "舒望岳");
        AsStaff.as(clerkName, () -> reports.forGovernment(clerk, real.number(), null,
                StaffQueryPurpose.ADMINISTRATIVE_LICENSING, caseReference));
        // … and 400 more events of the same shape, each about another person (the reports themselves are not needed).
        String purpose = "政务查询：" + StaffQueryPurpose.ADMINISTRATIVE_LICENSING.label() + "（" + caseReference + "）";
        List<AuditEntry> looks = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            looks.add(AuditEntry.of(AuditCategory.QUERY, "report.issue").by(clerk).subject("l5-" + run + "-" + i)
                    .purpose(purpose, StaffQueryPurpose.ADMINISTRATIVE_LICENSING.legalBasis()));
        }
        audit.recordAll(looks);
        LocalTime after = LocalTime.now(clock);
        LocalDate today = LocalDate.now(clock);

        QueryReviews.Summary summary = reviews.summarise(today, today);
        assertThat(summary.byStaff()).filteredOn(c -> clerkName.equals(c.actorName()))
                .extracting(QueryReviews.Count::organisation, QueryReviews.Count::purpose, QueryReviews.Count::queries,
                        QueryReviews.Count::subjects)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(department, "政务查询：行政许可审查", 401L, 401L));
        assertThat(summary.byDepartment()).filteredOn(c -> department.equals(c.organisation()))
                .extracting(QueryReviews.Count::queries).containsExactly(401L);
        assertThat(summary.busyDays()).filteredOn(b -> clerkName.equals(b.actorName()))
                .extracting(QueryReviews.BusyDay::day, QueryReviews.BusyDay::subjects)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(today, 401L));
        assertThat(summary.sharedCases()).filteredOn(c -> caseReference.equals(c.caseReference()))
                .extracting(QueryReviews.SharedCase::organisation, QueryReviews.SharedCase::actorNames,
                        QueryReviews.SharedCase::subjects)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(department, clerkName, 401L));
        if (reviews.rule().outsideHours(before) == reviews.rule().outsideHours(after)) {
            assertThat(summary.offHours().stream().anyMatch(o -> clerkName.equals(o.actorName())))
                    .as("queries at %s–%s outside working hours", before, after)
                    .isEqualTo(reviews.rule().outsideHours(before));
        }
        assertThat(summary.flaggedQueries()).isGreaterThanOrEqualTo(401);
        assertThat(summary.flagged()).hasSize(QueryReviews.LISTED)
                .as("the newest flagged are the clerk's, flagged for the day and the case")
                .allMatch(f -> clerkName.equals(f.actorName()) && f.busyDay() && f.sharedCase()
                        && caseReference.equals(f.caseReference()));

        String page = mvc.perform(get("/console/audit/query-review").param("from", today.toString())
                        .param("to", today.toString()).with(staff("审计员L5", "audit:read")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("查询审查", clerkName, caseReference, "data-flag=\"busy-day\"",
                        "data-flag=\"shared-case\"", "data-field=\"flagged\"")
                .as("never the person looked up").doesNotContain(real.number(), real.number().substring(6, 14));
    }

    @Test
    void aReviewIsRecordedAuditedListedAndClearsTheMonthsLine() throws Exception {
        YearMonth last = YearMonth.now(clock).minusMonths(1);
        String conclusion = "L5 审查结论 " + System.nanoTime() + "：已核实标记查询，未发现违规。";
        UsernamePasswordAuthenticationToken auditor = Principals.staff("审计员L5乙", "AUDIT", Permission.CONSOLE_HOME,
                Permission.AUDIT_READ);
        boolean dueBefore = reviews.due().isPresent();
        assertThat(dashboard(auditor).contains("id=\"waiting-query-review\"")).isEqualTo(dueBefore);

        mvc.perform(post("/console/audit/query-review").param("from", last.atDay(1).toString())
                        .param("to", last.atEndOfMonth().toString()).param("conclusion", " ")
                        .with(authentication(auditor)).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("QUERY_REVIEW_CONCLUSION"));
        mvc.perform(get("/console/audit/query-review").param("from", "2026-03-02").param("to", "2026-03-01")
                        .with(authentication(auditor)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("QUERY_REVIEW_PERIOD"));

        String redirect = mvc.perform(post("/console/audit/query-review").param("from", last.atDay(1).toString())
                        .param("to", last.atEndOfMonth().toString()).param("conclusion", conclusion)
                        .with(authentication(auditor)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(redirect).startsWith("/console/audit/query-review?from=" + last.atDay(1));

        String page = mvc.perform(get(redirect.replace("#reviews", "")).with(authentication(auditor)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(conclusion, "审计员L5乙", last.atDay(1) + " – " + last.atEndOfMonth());
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'audit.query-review' AND actor_name = ? "
                        + "AND detail LIKE ?").params("审计员L5乙", "%" + conclusion + "%").query(Long.class).single())
                .as("the review is audited").isEqualTo(1);
        assertThat(reviews.due()).as("last month is reviewed").isEmpty();
        assertThat(dashboard(auditor)).doesNotContain("id=\"waiting-query-review\"");
    }

    private String dashboard(UsernamePasswordAuthenticationToken who) throws Exception {
        return mvc.perform(get("/console").param("lang", "zh-CN").with(authentication(who)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
