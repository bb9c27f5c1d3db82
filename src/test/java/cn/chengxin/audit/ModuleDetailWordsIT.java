package cn.chengxin.audit;

import java.time.LocalDate;

import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Sessions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static cn.chengxin.support.ConsoleStaff.staff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * K7 (session xxxiii): the details that 信用档案's look-ups, the violation register, the keys, the departments' scopes,
 * 接收数据 and the loaded list files used to write as Chinese or English text are recorded as reason codes and values,
 * as the modules' own tests assert; here 审计日志 names them in the reader's language, each value where its words put
 * it, a value that is a message key (the purpose, the ground, the department's kind) by its own words.
 */
@IntegrationTest
class ModuleDetailWordsIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    AuditLog audit;

    @Test
    void theDetailsOfLookUpsKeysScopesAndLoadsShowInTheReadersLanguage() throws Exception {
        String marker = "K7x" + System.nanoTime();
        String action = "test.audit-detail-xxxiii." + System.nanoTime();
        audit.record(AuditEntry.of(AuditCategory.QUERY, action).detail(AuditDetail.of("FILE_VIEWED_SHARED")
                .withLabel("purpose", "console.subjects.purpose.DATA_QUALITY").with("department", marker)
                .with("sharedItems", "P_X").with("shown", 2).with("departments", "COURT、MARKET").with("items", "P_X")
                .with("notInForce", 1).with("withheld", 0)));
        audit.record(AuditEntry.of(AuditCategory.SECURITY, action).detail(AuditDetail.of("VIOLATION_CONFIRMED")
                .with("organisation", marker + "银行").withLabel("ground", "console.violations.ground.DISCLOSURE")
                .with("reference", "信用办〔2026〕1号").with("from", LocalDate.of(2026, 1, 1))
                .with("until", LocalDate.of(2027, 1, 1)).with("proposer", "甲")));
        audit.record(AuditEntry.of(AuditCategory.SECURITY, action).detail(AuditDetail.of("ROLE_NOT_FOR_DEPARTMENT_KIND")
                .with("user", marker).withLabel("kind", "console.departments.kind.DATA_PROVIDER")
                .with("role", "CREDIT_OFFICE")));
        audit.record(AuditEntry.of(AuditCategory.QUERY, action).detail(AuditDetail.of("RECEIVED_VIEWED")
                .withLabel("purpose", "console.subjects.purpose.OBJECTION_HANDLING").with("entries", 3)));
        RequestPostProcessor session = Sessions.of(context);

        assertThat(page("/console/audit?action=" + action, session)).contains(
                "用途：数据质量核查；范围：本部门（" + marker + "）报送的数据范围内事项记录，及他部门报送的共享查阅事项 P_X "
                        + "的记录；显示 2 条（来自 COURT、MARKET，事项 P_X）；已停止公示等仅计数 1 条；范围外未显示 0 条",
                marker + "银行（泄露，信用办〔2026〕1号，2026-01-01 至 2027-01-01）：同意 甲 的提议，列入违规机构名单",
                marker + "（数据提供单位）：角色 CREDIT_OFFICE 含信用办的职责",
                "用途：异议处理核实；其他平台认定 3 条").doesNotContain("reason=");
        assertThat(page("/console/audit?action=" + action + "&lang=en", session)).contains(
                "Purpose: Data quality check; range: records of the items of the scope of department " + marker,
                "shared items P_X; 2 shown (from COURT、MARKET, items P_X); 1 no longer in force only counted; "
                        + "0 outside the range not shown",
                marker + "银行 (Disclosure, 信用办〔2026〕1号, 2026-01-01 to 2027-01-01): proposal of 甲 confirmed",
                marker + " (Data provider): role CREDIT_OFFICE holds credit office duties",
                "Purpose: Objection verification; 3 entries of other platforms")
                .doesNotContain("reason=", "用途：", "违规机构名单");
    }

    /**
     * K7 (session xxxv): a consent given in self-service, written as Chinese text until now, is recorded as a reason
     * code with its values (the purpose, the report and the uses as message keys); 审计日志 reads it in Chinese and in
     * English, the institution's name as registered.
     */
    @Test
    void aConsentGivenShowsOnTheAuditorsLogInTheReadersLanguage() throws Exception {
        String bank = "K7银行" + System.nanoTime();
        java.util.UUID lender = apiClients.issue("授权明细测试系统", bank, cn.chengxin.account.ApiClient.Kind.INSTITUTION,
                null, java.util.Set.of(cn.chengxin.shared.security.Permission.API_REPORT_QUERY), 6000).clientId();
        var person = cn.chengxin.support.TestCitizens.register(subjects, "祁授权");
        java.util.UUID subject = subjects.find(subjects.validate(cn.chengxin.subject.domain.DocumentType.RESIDENT_ID,
                person.number())).orElseThrow();
        consents.grant(subject, lender, cn.chengxin.inquiry.domain.Purpose.LENDING, 30, true);
        RequestPostProcessor session = Sessions.of(context);

        assertThat(jdbc.sql("SELECT detail FROM audit.event WHERE action = 'consent.grant' AND detail LIKE ?")
                .param("%" + bank + "%").query(String.class).single()).isEqualTo("reason=CONSENT_GRANTED; organisation="
                + bank + "; purpose=#me.consent.purpose.LENDING; report=#reports.kind.AUTHORISED; days=30; "
                + "uses=#counterConsents.once");
        assertThat(page("/console/audit?action=consent.grant", session))
                .contains(bank + "；用途 信贷审批；可查询 个人信用报告（授权查询版）；30 天；单次").doesNotContain("reason=");
        assertThat(page("/console/audit?action=consent.grant&lang=en", session))
                .contains(bank + "; purpose: Credit approval; may obtain the Personal credit report (authorised-query "
                        + "edition); 30 days; single use").doesNotContain("reason=", "用途 信贷审批");
    }

    @Autowired
    cn.chengxin.account.ApiClients apiClients;

    @Autowired
    cn.chengxin.subject.SubjectRegistry subjects;

    @Autowired
    cn.chengxin.inquiry.Consents consents;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private String page(String url, RequestPostProcessor session) throws Exception {
        return mvc.perform(get(java.net.URI.create(url)).with(session).with(staff("审计员丁", "audit:read")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
