package cn.chengxin.scoring;

import cn.chengxin.account.ApiClients;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.support.ClearIdentityNumbers;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.TestCitizens;
import cn.chengxin.support.TestRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A benefits check's purpose is kept in the audit log as the caller sends it, so it never keeps a resident identity
 * number (RULES.md §10): refused as a joint-measures check's purpose is; a 15-digit run, which a system cannot send
 * again, is kept masked.
 */
@IntegrationTest
class BenefitsTypedTextIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SubjectRegistry subjects;
    @Autowired
    ApiClients apiClients;

    @Autowired
    ProvidedBenefits provided;
    @Autowired
    StaffDirectory directory;

    @Test
    void aCheckWhosePurposeHoldsANumberIsRefusedAndNothingIsKept() throws Exception {
        String resident = TestCitizens.register(subjects, "郜惠民").number();
        long before = benefitChecks();

        check(resident, "核验11010519491231002X").andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("FREE_TEXT_HOLDS_IDENTITY_NUMBER"))
                .andExpect(jsonPath("$.detail", containsString("「核验事由」")));

        assertThat(benefitChecks()).isEqualTo(before);
        assertThat(ClearIdentityNumbers.inDatabase(jdbc)).isEmpty();
    }

    @Test
    void aCheckWhosePurposeHoldsAFifteenDigitRunIsMadeWithThePurposeMasked() throws Exception {
        String resident = TestCitizens.register(subjects, "郜惠安").number();
        check(resident, "免押金办证 注册号410105800307123").andExpect(status().isOk());

        assertThat(jdbc.sql("SELECT purpose FROM audit.event WHERE action = 'scoring.benefits.check' "
                        + "AND purpose LIKE '免押金办证 注册号%' ORDER BY seq DESC LIMIT 1").query(String.class).single())
                .isEqualTo("免押金办证 注册号4101*******7123");
    }

    /** The audit log must say why a person's benefits were looked up, as for a joint-measures check. */
    @Test
    void aCheckWithoutAPurposeIsRefusedAndNothingIsKept() throws Exception {
        String resident = TestCitizens.register(subjects, "郜惠平").number();
        long before = benefitChecks();

        check(resident, "  ").andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("PURPOSE_REQUIRED"));
        checkBody("{\"subjectNumber\":\"" + resident + "\"}").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("PURPOSE_REQUIRED"));

        assertThat(benefitChecks()).isEqualTo(before);
    }

    private ResultActions check(String number, String purpose) throws Exception {
        return checkBody("{\"subjectNumber\":\"" + number + "\",\"purpose\":\"" + purpose + "\"}");
    }

    private ResultActions checkBody(String body) throws Exception {
        String key = TestRecords.libraryKey(apiClients, directory, provided);
        return mvc.perform(post("/api/v1/benefits/check").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private long benefitChecks() {
        return jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'scoring.benefits.check'").query(Long.class)
                .single();
    }
}
