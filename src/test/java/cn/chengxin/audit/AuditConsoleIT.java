package cn.chengxin.audit;

import java.time.LocalDate;

import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Sessions;
import cn.chengxin.support.TestCitizens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static cn.chengxin.support.ConsoleStaff.staff;
import static org.hamcrest.Matchers.containsString;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The audit page offers 校验完整性 only to whoever may run it (audit:verify): a reader of the log (audit:read) was shown a
 * button answering 403.
 */
@IntegrationTest
class AuditConsoleIT {

    @Autowired
    MockMvc mvc;

    @Test
    void theVerifyButtonShowsOnlyToWhoeverMayVerify() throws Exception {
        mvc.perform(get("/console/audit").with(staff("审计员甲", "audit:read", "audit:verify")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("/console/audit/verify")));
        mvc.perform(get("/console/audit").with(staff("审计读者乙", "audit:read")))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("/console/audit/verify"))));
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    AuditLog audit;

    @Autowired
    java.time.Clock clock;

    /**
     * The auditor finds who looked at one person (RULES.md §10 查询使用登记和审查): the number is posted, the pages carry a
     * token and the number masked, the look-up itself is recorded about the person, and a period narrows the events.
     */
    @Test
    void theAuditorFindsTheEventsAboutOnePersonByNumberAndPeriod() throws Exception {
        TestCitizens.Person looked = TestCitizens.register(subjects, "祁望舒");
        TestCitizens.Person other = TestCitizens.register(subjects, "米清和");
        String action = "test.audit-search." + System.nanoTime();
        audit.record(AuditEntry.of(AuditCategory.QUERY, action + ".looked")
                .subject(subjects.pseudonymOf(subjects.validate(null, looked.number()))).purpose("测试查询", "测试依据"));
        audit.record(AuditEntry.of(AuditCategory.QUERY, action + ".other")
                .subject(subjects.pseudonymOf(subjects.validate(null, other.number()))).purpose("测试查询", "测试依据"));
        RequestPostProcessor session = Sessions.of(context);

        String redirect = mvc.perform(post("/console/audit/subject").param("number", looked.number())
                        .with(session).with(staff("审计员丙", "audit:read")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(redirect).startsWith("/console/audit?who=").doesNotContain(looked.number());
        String page = page(redirect, session);
        assertThat(page).contains(action + ".looked", "audit.search", "id=\"subject-shown\"",
                        looked.number().substring(0, 4) + "**")
                .doesNotContain(action + ".other", looked.number());

        String today = LocalDate.now(clock).toString(); // the platform's day (Beijing time), as the page reads dates
        String yesterday = LocalDate.now(clock).minusDays(1).toString();
        assertThat(page(redirect + "&from=" + today + "&to=" + today, session)).contains(action + ".looked");
        assertThat(page(redirect + "&to=" + yesterday, session)).doesNotContain(action + ".looked");

        assertThat(mvc.perform(post("/console/audit/subject").param("number", TestCitizens.withWrongCheckCharacter(
                        looked.number())).with(session).with(staff("审计员丙", "audit:read")).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString())
                .contains("alert error").doesNotContain(looked.number());
        assertThat(page("/console/audit?who=not-a-token", session)).contains("按证件号码的查找已过期")
                .as("an unknown token shows the whole log, never another search").doesNotContain("subject-shown");
    }

    /** The page shows the newest 200 events and links to older ones, by seq. */
    @Test
    void olderEventsFollowByTheirLink() throws Exception {
        for (int i = 0; i < 201; i++) {
            audit.record(AuditEntry.of(AuditCategory.PROCESSING, "test.audit-paging"));
        }
        String page = page("/console/audit?action=test.audit-paging", Sessions.of(context));
        java.util.regex.Matcher older = java.util.regex.Pattern.compile("id=\"older\"[^>]*href=\"([^\"]+)\"|href=\"([^\"]+)\"[^>]*id=\"older\"")
                .matcher(page);
        assertThat(older.find()).as(page).isTrue();
        String link = (older.group(1) != null ? older.group(1) : older.group(2)).replace("&amp;", "&");
        assertThat(link).contains("before=", "action=test.audit-paging");
        String next = page(link, Sessions.of(context));
        assertThat(next).contains("test.audit-paging");
    }

    /**
     * The log names actions and results in words, in the reader's language (K7), and the auditor picks an action, or
     * all of an area's, from a select instead of typing a code prefix; a filter that matches nothing says so.
     */
    @Test
    void actionsAndResultsAreNamedInWordsAndPickedFromASelect() throws Exception {
        String marker = "K7-" + System.nanoTime();
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.user.create").result(AuditResult.DENIED)
                .detail(marker + " created"));
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.role.create").detail(marker + " role"));
        RequestPostProcessor session = Sessions.of(context);

        String chosen = page("/console/audit?action=account.user.create", session);
        assertThat(chosen).contains(marker + " created", "新建工作人员账号</span> <small", "<td>被拒绝</td>")
                .as("only the chosen action").doesNotContain(marker + " role")
                .containsPattern("<option value=\"account.user.create\"[^>]*selected")
                .contains("<option value=\"account.\"", "账号与权限");
        assertThat(page("/console/audit?action=account.user.create&lang=en", session))
                .contains(marker + " created", "Staff account created</span> <small", "<td>Denied</td>",
                        "Accounts and permissions")
                .doesNotContain("新建工作人员账号");
        assertThat(page("/console/audit?action=account.", session)).as("all of an area's actions")
                .contains(marker + " created", marker + " role", "新建角色</span> <small", "<td>成功</td>");
        assertThat(page("/console/audit?action=account.user.create&actor=" + marker, session))
                .contains("id=\"no-events\"", "没有符合条件的事件");
    }

    /**
     * A detail recorded as a reason code and values (K7) shows in words of the reader's language, a value that is a
     * label by its own words, a value holding the separator as given; free text, as events recorded before hold, and a
     * code no label names show as stored.
     */
    @Test
    void structuredDetailsShowInTheReadersLanguageAndFreeTextAsStored() throws Exception {
        String marker = "K7d-" + System.nanoTime();
        String action = "test.audit-detail." + System.nanoTime();
        audit.record(AuditEntry.of(AuditCategory.SECURITY, action).detail(AuditDetail.of("PROPOSAL_APPROVED")
                .withLabel("action", "console.citizenAccounts.action.SUSPEND").with("proposer", marker + "; 乙")
                .with("sessionsEnded", 2)));
        audit.record(AuditEntry.of(AuditCategory.SECURITY, action).detail(marker + " approved (old free text)"));
        audit.record(AuditEntry.of(AuditCategory.SECURITY, action).detail("reason=NO_SUCH_LABEL; id=" + marker));
        RequestPostProcessor session = Sessions.of(context);

        assertThat(page("/console/audit?action=" + action, session))
                .contains("同意提议：暂停使用（提议人 " + marker + "; 乙），2 个登录会话已结束",
                        marker + " approved (old free text)", "reason=NO_SUCH_LABEL; id=" + marker)
                .doesNotContain("reason=PROPOSAL_APPROVED", "Approved: ");
        assertThat(page("/console/audit?action=" + action + "&lang=en", session))
                .contains("Approved: Suspend (proposed by " + marker + "; 乙); 2 session(s) ended",
                        marker + " approved (old free text)")
                .doesNotContain("同意提议", "reason=PROPOSAL_APPROVED");
    }

    private String page(String url, RequestPostProcessor session) throws Exception {
        return mvc.perform(get(java.net.URI.create(url)).with(session).with(staff("审计员丙", "audit:read")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
