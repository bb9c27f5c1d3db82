package cn.chengxin.inquiry;

import cn.chengxin.account.Department;
import cn.chengxin.account.Role;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Principals;
import cn.chengxin.support.TestCitizens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Gaps review xxiii F3 (RULES.md §9 "within statutory duties", §10 least privilege): 政务查询 is the work of a
 * department's 信用管理 staff (部门信用管理人员), not of its data-submission clerk (部门报送人员), who is refused it.
 * Each user holds what the base role grants after the migrations.
 */
@IntegrationTest
class GovernmentQueryRolesIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    StaffDirectory directory;

    @Autowired
    SubjectRegistry subjects;

    @Test
    void aDepartmentsSubmissionClerkIsRefusedGovernmentQueriesAndItsCreditOfficerMakesThem() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "包文清");
        var submitter = courtMember("DEPT_OPERATOR");
        var creditOfficer = courtMember("DEPT_CREDIT");

        mvc.perform(get("/console/reports").with(authentication(submitter))).andExpect(status().isForbidden());
        mvc.perform(query(person.number()).with(authentication(submitter))).andExpect(status().isForbidden());

        mvc.perform(get("/console/reports").with(authentication(creditOfficer))).andExpect(status().isOk());
        mvc.perform(query(person.number()).with(authentication(creditOfficer)))
                .andExpect(flash().attribute("successKey", "reports.issued"));
        assertThat(role("DEPT_CREDIT").permissions()).containsExactlyInAnyOrder(Permission.CONSOLE_HOME,
                Permission.INQUIRY_GOVERNMENT);
        assertThat(role("DEPT_OPERATOR").permissions()).doesNotContain(Permission.INQUIRY_GOVERNMENT);
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder query(String number) {
        return post("/console/reports").param("documentType", "").param("number", number)
                .param("purpose", "ADMINISTRATIVE_LICENSING").param("reference", "（2026）豫01执123号").with(csrf());
    }

    private UsernamePasswordAuthenticationToken courtMember(String roleCode) {
        Department court = directory.departments().stream().filter(d -> d.code().equals("COURT")).findFirst()
                .orElseThrow();
        return Principals.member("court-" + roleCode.toLowerCase(), court,
                role(roleCode).permissions().toArray(Permission[]::new));
    }

    private Role role(String code) {
        return directory.roles().stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow();
    }
}
