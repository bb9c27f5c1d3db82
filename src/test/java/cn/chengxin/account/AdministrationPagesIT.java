package cn.chengxin.account;

import java.util.UUID;

import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.Masking;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Principals;
import cn.chengxin.support.Sessions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The administrators' console pages name what they list in the reader's language (issue #5); Chinese as before. */
@IntegrationTest
class AdministrationPagesIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    StaffDirectory directory;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    org.springframework.session.SessionRepository<? extends org.springframework.session.Session> sessions;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void theDepartmentsPageNamesTheKindsOfDepartment() throws Exception {
        var admin = authentication(Principals.staff("dept-lang", "CREDIT_OFFICE", Permission.CONSOLE_HOME,
                Permission.ACCOUNT_DEPARTMENT_MANAGE));
        assertThat(page(get("/console/departments").param("lang", "en").with(admin)))
                .contains("<td>Credit office</td>", "<option value=\"RESPONDING_UNIT\">Unit implementing joint measures</option>")
                .doesNotContain("<td>信用办</td>", ">联合奖惩实施单位</option>");
        assertThat(page(get("/console/departments").with(admin)))
                .contains("<td>信用办</td>", "<option value=\"RESPONDING_UNIT\">联合奖惩实施单位</option>");
    }

    /**
     * A department whose data scope names no item sees no record, the credit office every one (RULES.md §10): the
     * page says so rather than showing an empty scope as a dash, which read as "no restriction".
     */
    @Test
    void theDepartmentsPageSaysWhatAnEmptyDataScopeLetsADepartmentSee() throws Exception {
        var admin = authentication(Principals.staff("dept-scope", "CREDIT_OFFICE", Permission.CONSOLE_HOME,
                Permission.ACCOUNT_DEPARTMENT_MANAGE));
        String page = page(get("/console/departments").with(admin));
        assertThat(row(page, "SASAC")).contains("<td>无（看不到信用记录）</td>");
        assertThat(row(page, "CREDIT_OFFICE")).contains("<td>全部事项</td>");
        assertThat(row(page, "COURT")).contains("P_COURT_DEFAULTER");
        assertThat(page).contains("留空则看不到任何事项的记录");
        assertThat(row(page(get("/console/departments").param("lang", "en").with(admin)), "SASAC"))
                .contains("<td>None (sees no credit records)</td>");
    }

    /**
     * A department's scope can be changed after it was created: with an empty scope meaning no item, a department
     * created without one would otherwise see nothing for good. The system administrator proposes it and a security
     * administrator approves it (F10). The change is audited; a malformed code is refused.
     */
    @Test
    void anAdministratorChangesADepartmentsDataScope() throws Exception {
        var admin = authentication(Principals.staff("dept-scope-edit", "CREDIT_OFFICE", Permission.CONSOLE_HOME,
                Permission.ACCOUNT_DEPARTMENT_MANAGE));
        String code = "QSCOPE" + (System.nanoTime() % 100000);
        Department created = directory.createDepartment(code, "数据范围测试局", Department.Kind.RESPONDING_UNIT,
                java.util.List.of());

        mvc.perform(post("/console/departments/{id}/scope", created.id()).param("dataScope",
                        "p_court_defaulter，O_COURT_DEFAULTER").param("reason", "执行联动").with(admin).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("successKey", "console.departments.proposed"));
        assertThat(scopeOf(code)).isEmpty();
        UUID proposal = jdbc.sql("SELECT id FROM account.department_proposal WHERE department_id = ? "
                + "AND status = 'PENDING'").param(created.id()).query(UUID.class).single();
        mvc.perform(post("/console/roles/department-proposals/{id}/approve", proposal).with(csrf())
                        .with(authentication(Principals.staff("dept-scope-approver", "CREDIT_OFFICE",
                                Permission.CONSOLE_HOME, Permission.ACCOUNT_ROLE_MANAGE))))
                .andExpect(flash().attribute("successKey", "console.proposals.approved"));
        assertThat(scopeOf(code)).containsExactly("P_COURT_DEFAULTER", "O_COURT_DEFAULTER");
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'account.department.scope' "
                + "AND detail LIKE ?").param("reason=DEPARTMENT_SCOPES_APPLIED; department=" + code + ";%").query(Long.class).single())
                .isEqualTo(1L);
        assertThat(row(page(get("/console/departments").with(admin)), code)).contains("P_COURT_DEFAULTER");

        mvc.perform(post("/console/departments/{id}/scope", created.id()).param("dataScope", "<b>x</b>")
                        .param("reason", "执行联动").with(admin).with(csrf()))
                .andExpect(flash().attribute("failureCode", "DEPARTMENT_SCOPE_INVALID"));
        assertThat(scopeOf(code)).containsExactly("P_COURT_DEFAULTER", "O_COURT_DEFAULTER");
    }

    private java.util.List<String> scopeOf(String code) {
        return directory.departments().stream().filter(d -> d.code().equals(code)).findFirst().orElseThrow()
                .dataScope();
    }

    /** The table row of the department coded {@code code}. */
    private static String row(String page, String code) {
        String row = page.substring(page.indexOf("<td class=\"mono\">" + code + "</td>"));
        return row.substring(0, row.indexOf("</tr>"));
    }

    /** The users page names each user's roles as the roles page does: in English for an English reader. */
    @Test
    void theUsersPageNamesTheRolesInTheReadersLanguage() throws Exception {
        var admin = authentication(Principals.staff("users-lang", "CREDIT_OFFICE", Permission.CONSOLE_HOME,
                Permission.ACCOUNT_USER_MANAGE));
        assertThat(page(get("/console/users").param("lang", "en").with(admin)))
                .contains("<span class=\"badge\">Audit administrator</span>")
                .doesNotContain("<span class=\"badge\">审计管理员</span>");
        assertThat(page(get("/console/users").with(admin))).contains("<span class=\"badge\">审计管理员</span>");
    }

    @Test
    void theRolesAndApiClientsPagesNameThePermissions() throws Exception {
        var security = authentication(Principals.staff("roles-lang", "CREDIT_OFFICE", Permission.CONSOLE_HOME,
                Permission.ACCOUNT_ROLE_MANAGE));
        var admin = authentication(Principals.staff("clients-lang", "CREDIT_OFFICE", Permission.CONSOLE_HOME,
                Permission.ACCOUNT_API_CLIENT_MANAGE));
        assertThat(page(get("/console/roles").param("lang", "en").with(security)))
                .contains("<span>Manage roles and permissions</span>").doesNotContain("<span>管理角色与权限</span>");
        assertThat(page(get("/console/api-clients").param("lang", "en").with(admin)))
                .contains("<span>API: check credit subjects</span>").doesNotContain("<span>接口：核查信用主体</span>");

        assertThat(page(get("/console/roles").with(security))).contains("<span>管理角色与权限</span>");
        assertThat(page(get("/console/api-clients").with(admin))).contains("<span>接口：核查信用主体</span>");
    }

    @Test
    void theApiClientsPageNamesTheKindsOfClient() throws Exception {
        var admin = authentication(Principals.staff("kinds-lang", "CREDIT_OFFICE", Permission.CONSOLE_HOME,
                Permission.ACCOUNT_API_CLIENT_MANAGE));
        assertThat(page(get("/console/api-clients").param("lang", "en").with(admin)))
                .contains("<option value=\"INSTITUTION\">Authorised institution</option>")
                .doesNotContain(">授权机构</option>");
        assertThat(page(get("/console/api-clients").with(admin)))
                .contains("<option value=\"INSTITUTION\">授权机构</option>");
    }

    /** A key refused is told on the clients page by the refusal's code and message; no key is shown. */
    @Test
    void aRefusedKeyIsToldOnTheApiClientsPage() throws Exception {
        var admin = authentication(Principals.staff("clients-refused", "CREDIT_OFFICE", Permission.CONSOLE_HOME,
                Permission.ACCOUNT_API_CLIENT_MANAGE));
        var refused = mvc.perform(issue(admin).param("name", " ").param("organisation", "某银行")
                        .param("kind", "INSTITUTION").param("permission", Permission.API_SUBJECT_CHECK.code())
                        .with(admin).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/console/api-clients"))
                .andExpect(flash().attribute("failureCode", "API_CLIENT_INVALID"))
                .andExpect(flash().attribute("failure", "名称和所属机构不能为空"))
                .andExpect(flash().attributeCount(2)).andReturn();

        assertThat(page(get("/console/api-clients").with(Sessions.flashOf(refused)).with(admin)))
                .contains("<code>API_CLIENT_INVALID</code> <span>名称和所属机构不能为空</span>");
    }

    /**
     * A department's system is bound to its department, whose measures its checks answer; an institution (a bank)
     * checks no subject and submits no record: it obtains reports with the citizen's authorisation (RULES.md §9, §10).
     */
    @Test
    void aKeyIsBoundToADepartmentAndOnlyADepartmentsSystemChecksOrSubmits() throws Exception {
        var admin = authentication(Principals.staff("clients-dept", "CREDIT_OFFICE", Permission.CONSOLE_HOME,
                Permission.ACCOUNT_API_CLIENT_MANAGE));
        var checker = authentication(Principals.staff("clients-dept-checker", "CREDIT_OFFICE",
                Permission.CONSOLE_HOME, Permission.ACCOUNT_API_CLIENT_MANAGE));
        for (Permission departments : java.util.List.of(Permission.API_SUBJECT_CHECK, Permission.RECORD_SUBMIT)) {
            for (String kind : java.util.List.of("INSTITUTION", "PARTNER_PLATFORM")) {
                mvc.perform(issue(admin).param("name", "信贷系统").param("organisation", "某银行")
                                .param("kind", kind).param("permission", departments.code()).with(admin).with(csrf()))
                        .andExpect(redirectedUrl("/console/api-clients"))
                        .andExpect(flash().attribute("failureCode", "API_CLIENT_KIND_PERMISSIONS"))
                        .andExpect(flash().attributeCount(2));
            }
        }
        mvc.perform(issue(admin).param("name", "审批系统").param("organisation", "市人社局")
                        .param("kind", "DEPARTMENT").param("permission", Permission.API_SUBJECT_CHECK.code())
                        .with(admin).with(csrf()))
                .andExpect(flash().attribute("failureCode", "API_CLIENT_DEPARTMENT_REQUIRED"))
                .andExpect(flash().attributeCount(2));
        // A report by the citizen's authorisation is an institution's: not a department's nor a partner platform's.
        for (String kind : java.util.List.of("DEPARTMENT", "PARTNER_PLATFORM")) {
            mvc.perform(issue(admin).param("name", "审批系统").param("organisation", "市人社局")
                            .param("kind", kind).param("departmentId", directory.departments().stream()
                                    .filter(d -> d.code().equals("HRSS")).findFirst().orElseThrow().id().toString())
                            .param("permission", Permission.API_REPORT_QUERY.code()).with(admin).with(csrf()))
                    .andExpect(flash().attribute("failureCode", "API_CLIENT_KIND_PERMISSIONS"))
                    .andExpect(flash().attributeCount(2));
        }
        assertThat(jdbc.sql("SELECT count(*) FROM account.api_client WHERE name IN ('信贷系统', '审批系统')")
                .query(Long.class).single()).as("no key issued").isZero();

        java.util.UUID hr = directory.departments().stream().filter(d -> d.code().equals("HRSS")).findFirst()
                .orElseThrow().id();
        String name = "人社审批系统 " + java.util.UUID.randomUUID();
        mvc.perform(issue(admin).param("name", name).param("organisation", "市人社局")
                        .param("kind", "DEPARTMENT").param("departmentId", hr.toString())
                        .param("permission", Permission.API_SUBJECT_CHECK.code()).with(admin).with(csrf()))
                .andExpect(redirectedUrl("/console/api-clients"))
                .andExpect(flash().attribute("successKey", "console.apiClients.proposed"));
        mvc.perform(approve(proposalNamed(name)).with(checker).with(csrf()))
                .andExpect(status().isOk()).andExpect(model().attributeExists("issuedKey"));
        assertThat(jdbc.sql("SELECT department_id FROM account.api_client WHERE name = ?").param(name)
                .query(java.util.UUID.class).single()).isEqualTo(hr);
        String page = page(get("/console/api-clients").with(admin));
        assertThat(page).contains("<option value=\"" + hr + "\">市人力资源和社会保障局</option>");
        String row = page.substring(page.indexOf("<td>" + name + "</td>"));
        assertThat(row.substring(0, row.indexOf("</tr>")))
                .contains("<td data-field=\"department\">市人力资源和社会保障局</td>");
        String bank = "信贷系统 " + java.util.UUID.randomUUID();
        mvc.perform(issue(admin).param("name", bank).param("organisation", "某银行")
                        .param("kind", "INSTITUTION").param("permission", Permission.API_REPORT_QUERY.code())
                        .with(admin).with(csrf()))
                .andExpect(flash().attribute("successKey", "console.apiClients.proposed"));
        mvc.perform(approve(proposalNamed(bank)).with(checker).with(csrf()))
                .andExpect(status().isOk()).andExpect(model().attributeExists("issuedKey"));
    }

    /**
     * The key is made at approval and shown once, to the approving administrator, in the answer to the approving POST:
     * nothing of it is put in the HTTP session (kept in the database) as a flash attribute would, and no cache keeps
     * the page that shows it. The proposer's page never shows it.
     */
    @Test
    void anIssuedKeyIsShownInTheAnswerToTheApprovalAndNeverKeptInTheSession() throws Exception {
        var admin = authentication(Principals.staff("clients-once", "CREDIT_OFFICE", Permission.CONSOLE_HOME,
                Permission.ACCOUNT_API_CLIENT_MANAGE));
        var checker = authentication(Principals.staff("clients-once-checker", "CREDIT_OFFICE",
                Permission.CONSOLE_HOME, Permission.ACCOUNT_API_CLIENT_MANAGE));
        String name = "一次性密钥系统 " + java.util.UUID.randomUUID();
        mvc.perform(issue(admin).param("name", name).param("organisation", "某银行").param("kind", "INSTITUTION")
                        .param("permission", Permission.API_REPORT_QUERY.code()))
                .andExpect(redirectedUrl("/console/api-clients")).andExpect(model().attributeDoesNotExist("issuedKey"));
        var session = new Browser(sessions);
        var answer = mvc.perform(approve(proposalNamed(name)).with(session).with(checker).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")))
                .andExpect(flash().attributeCount(0)).andReturn();
        String key = (String) answer.getModelAndView().getModel().get("issuedKey");
        assertThat(key).startsWith("cx_");
        assertThat(answer.getResponse().getContentAsString())
                .contains("<code class=\"secret\" data-field=\"issued-key\">" + key + "</code>");
        var stored = sessions.findById(session.id);
        assertThat(stored.getAttributeNames()).as("the request's own session")
                .contains("chengxin.form-tokens.api-client-issue");
        for (String attribute : stored.getAttributeNames()) {
            assertThat(String.valueOf((Object) stored.getAttribute(attribute))).as(attribute).doesNotContain(key);
        }
        assertThat(mvc.perform(get("/console/api-clients").with(session).with(checker)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).doesNotContain(key).doesNotContain("issued-key");
        assertThat(page(get("/console/api-clients").with(admin))).doesNotContain(key).doesNotContain("issued-key");
    }

    @Test
    void theRolesPageNamesTheThreeAdministrators() throws Exception {
        var security = authentication(Principals.staff("admins-lang", "CREDIT_OFFICE", Permission.CONSOLE_HOME,
                Permission.ACCOUNT_ROLE_MANAGE));
        assertThat(page(get("/console/roles").param("lang", "en").with(security)))
                .contains(">Security administrator</span></h2>").doesNotContain(">安全管理员</span></h2>");
        assertThat(page(get("/console/roles").with(security))).contains(">安全管理员</span></h2>");
    }

    /**
     * A POST of the API client form as the page sends it: with the one-time token of a showing of the form, which a
     * second submission cannot use again.
     */
    private MockHttpServletRequestBuilder issue(
            org.springframework.test.web.servlet.request.RequestPostProcessor admin) throws Exception {
        var session = new Browser(sessions);
        return post("/console/api-clients").param("issueToken", issueToken(session, admin)).with(session)
                .param("allowedAddresses", "127.0.0.1").with(admin).with(csrf());
    }

    private String issueToken(Browser session,
                              org.springframework.test.web.servlet.request.RequestPostProcessor admin) throws Exception {
        var token = java.util.regex.Pattern.compile("name=\"issueToken\" value=\"([^\"]+)\"")
                .matcher(page(get("/console/api-clients").with(session).with(admin)));
        assertThat(token.find()).as("the form's one-time token").isTrue();
        return token.group(1);
    }

    /**
     * A proposal form sent twice proposes once (its one-time token is spent); reloading the page that shows a new key
     * sends the approval again, which is refused as decided: no second key.
     */
    @Test
    void aReloadedKeyPageIssuesNoSecondKey() throws Exception {
        var admin = authentication(Principals.staff("clients-reload", "CREDIT_OFFICE", Permission.CONSOLE_HOME,
                Permission.ACCOUNT_API_CLIENT_MANAGE));
        var checker = authentication(Principals.staff("clients-reload-checker", "CREDIT_OFFICE",
                Permission.CONSOLE_HOME, Permission.ACCOUNT_API_CLIENT_MANAGE));
        var session = new Browser(sessions);
        String name = "刷新测试系统 " + java.util.UUID.randomUUID();
        var form = post("/console/api-clients").param("name", name).param("organisation", "某银行")
                .param("kind", "INSTITUTION").param("permission", Permission.API_REPORT_QUERY.code())
                .param("allowedAddresses", "127.0.0.1").param("issueToken", issueToken(session, admin)).with(session).with(admin).with(csrf());
        mvc.perform(form).andExpect(flash().attribute("successKey", "console.apiClients.proposed"));
        mvc.perform(form).andExpect(redirectedUrl("/console/api-clients"))
                .andExpect(flash().attribute("failureCode", "API_CLIENT_FORM_USED"));
        mvc.perform(post("/console/api-clients").param("name", name).param("organisation", "某银行")
                        .param("kind", "INSTITUTION").param("permission", Permission.API_REPORT_QUERY.code())
                        .param("allowedAddresses", "127.0.0.1").with(session).with(admin).with(csrf()))
                .andExpect(flash().attribute("failureCode", "API_CLIENT_FORM_USED"));
        assertThat(jdbc.sql("SELECT count(*) FROM account.api_client_proposal WHERE name = ?").param(name)
                .query(Long.class).single()).as("one proposal for one form").isEqualTo(1L);

        var approval = approve(proposalNamed(name)).with(checker).with(csrf());
        mvc.perform(approval).andExpect(status().isOk()).andExpect(model().attributeExists("issuedKey"));
        mvc.perform(approval).andExpect(redirectedUrl("/console/api-clients"))
                .andExpect(flash().attribute("failureCode", "API_CLIENT_PROPOSAL_DECIDED"))
                .andExpect(model().attributeDoesNotExist("issuedKey"));
        assertThat(jdbc.sql("SELECT count(*) FROM account.api_client WHERE name = ?").param(name).query(Long.class)
                .single()).as("one key for one approval").isEqualTo(1L);
    }

    private java.util.UUID proposalNamed(String name) {
        return jdbc.sql("SELECT id FROM account.api_client_proposal WHERE name = ? AND status = 'PENDING'")
                .param(name).query(java.util.UUID.class).single();
    }

    private static MockHttpServletRequestBuilder approve(java.util.UUID proposal) {
        return post("/console/api-clients/proposals/{id}/approve", proposal);
    }

    /**
     * A browser's session in the server's own store (Spring Session, in the database), carried by its cookie: MockMvc's
     * {@code MockHttpSession} is not that store ({@link Sessions#of}).
     */
    private static final class Browser implements org.springframework.test.web.servlet.request.RequestPostProcessor {

        final String id;
        private final jakarta.servlet.http.Cookie cookie;

        @SuppressWarnings({"unchecked", "rawtypes"})
        Browser(org.springframework.session.SessionRepository repository) {
            org.springframework.session.Session session = repository.createSession();
            repository.save(session);
            this.id = session.getId();
            this.cookie = new jakarta.servlet.http.Cookie("JSESSIONID", java.util.Base64.getEncoder()
                    .encodeToString(id.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }

        @Override
        public org.springframework.mock.web.MockHttpServletRequest postProcessRequest(
                org.springframework.mock.web.MockHttpServletRequest request) {
            request.setCookies(cookie);
            return request;
        }
    }

    /**
     * J4 (回避): the system administrator registers a user's own identity number, at creation or later on the users
     * page; it is validated (a wrong one is refused and nothing kept), stored as the registry's blind index and masked,
     * audited about the person, and the page shows only 已登记 with the number masked, never the number.
     */
    @Test
    void theUsersPageRegistersAUsersOwnNumberAndNeverShowsIt() throws Exception {
        var admin = authentication(Principals.staff("users-identity", "CREDIT_OFFICE", Permission.CONSOLE_HOME,
                Permission.ACCOUNT_USER_MANAGE));
        String office = directory.departments().stream().filter(d -> d.code().equals("CREDIT_OFFICE")).findFirst()
                .orElseThrow().id().toString();
        String suffix = Long.toString(System.nanoTime() % 1_000_000, 36);
        String first = cn.chengxin.support.TestCitizens.register(subjects, "柏雅琴").number();
        String second = cn.chengxin.support.TestCitizens.register(subjects, "卜志远").number();
        mvc.perform(post("/console/users").param("username", "idf" + suffix).param("displayName", "柏雅琴")
                        .param("departmentId", office).param("password", cn.chengxin.support.TestStaff.PASSWORD)
                        .param("identityNumber", first).with(admin).with(csrf()))
                .andExpect(flash().attribute("successKey", "console.users.created"));
        UUID later = directory.createUser("ids" + suffix, "卜志远", UUID.fromString(office),
                cn.chengxin.support.TestStaff.PASSWORD);
        String page = page(get("/console/users").with(admin));
        assertThat(page).contains("登记身份证号以便回避");
        assertThat(userRow(page, "ids" + suffix)).contains("未登记").doesNotContain("已登记");

        String mistyped = second.substring(0, 17) + (second.charAt(17) == '1' ? '2' : '1');
        mvc.perform(post("/console/users/{id}/identity", later).param("identityNumber", mistyped).with(admin)
                .with(csrf())).andExpect(flash().attributeExists("failureCode"));
        assertThat(jdbc.sql("SELECT identity_pseudonym FROM account.staff_user WHERE id = ?").param(later)
                .query(String.class).optional()).isEmpty();
        mvc.perform(post("/console/users/{id}/identity", later).param("identityNumber", second).with(admin)
                        .with(csrf()))
                .andExpect(flash().attribute("successKey", "console.users.identityRegistered"));

        page = page(get("/console/users").with(admin));
        assertThat(userRow(page, "idf" + suffix)).contains("已登记（" + Masking.identityNumber(first) + "）");
        assertThat(userRow(page, "ids" + suffix)).contains("已登记（" + Masking.identityNumber(second) + "）");
        assertThat(page).doesNotContain(first, second, mistyped);
        String pseudonym = subjects.pseudonymOf(subjects.validate(DocumentType.RESIDENT_ID, second));
        assertThat(jdbc.sql("SELECT identity_pseudonym FROM account.staff_user WHERE id = ?").param(later)
                .query(String.class).single()).isEqualTo(pseudonym);
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'account.user.identity' "
                + "AND subject_pseudonym = ?").param(pseudonym).query(Long.class).single()).isEqualTo(1);
    }

    private static String userRow(String page, String username) {
        String row = page.substring(page.indexOf("data-user=\"" + username + "\""));
        return row.substring(0, row.indexOf("</tr>"));
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
