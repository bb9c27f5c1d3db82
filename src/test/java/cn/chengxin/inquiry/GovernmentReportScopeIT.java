package cn.chengxin.inquiry;

import java.util.List;

import cn.chengxin.account.ApiClients;
import cn.chengxin.account.StaffPrincipal;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.inquiry.persistence.JdbcInquiry;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Principals;
import cn.chengxin.support.TestCitizens;
import cn.chengxin.support.TestRecords;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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
 * 政务查询 carries, beyond public records, the government-shared records of the querying department's data scope only
 * (RULES.md §10: least privilege): a responding unit whose scope names no item gets the public ones alone, the
 * provider of the item its records, the credit office every government-shared record. The person here holds a
 * public penalty (一般) and a government-shared one (轻微), both of the market regulator's items.
 */
@IntegrationTest
class GovernmentReportScopeIT {

    private static final String PUBLIC_PENALTY = "驻市监罚〔2026〕821号";
    private static final String SHARED_PENALTY = "驻市监罚〔2026〕822号";

    @Autowired
    MockMvc mvc;
    @Autowired
    SubjectRegistry subjects;
    @Autowired
    ApiClients apiClients;
    @Autowired
    StaffDirectory directory;
    @Autowired
    Reports reports;

    @Test
    void aRespondingUnitWhoseScopeNamesNoItemGetsThePublicRecordsAlone() throws Exception {
        String number = personWithTwoPenalties("卫思远");
        for (String unit : List.of("SASAC", "FINANCE")) {
            assertThat(report(number, unit)).as(unit).contains(PUBLIC_PENALTY).doesNotContain(SHARED_PENALTY);
        }
    }

    @Test
    void theProviderOfTheItemAndTheCreditOfficeGetItsGovernmentSharedRecords() throws Exception {
        String number = personWithTwoPenalties("褚雅琴");
        assertThat(report(number, "MARKET")).contains(PUBLIC_PENALTY, SHARED_PENALTY);
        assertThat(report(number, "COURT")).contains(PUBLIC_PENALTY).doesNotContain(SHARED_PENALTY);
        assertThat(report(number, "CREDIT_OFFICE")).contains(PUBLIC_PENALTY, SHARED_PENALTY);
    }

    private String personWithTwoPenalties(String name) throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, name);
        TestRecords.penalty(mvc, apiClients, directory, person.number(), name, "P_ADMIN_PENALTY_GENERAL",
                PUBLIC_PENALTY);
        TestRecords.penalty(mvc, apiClients, directory, person.number(), name, "P_ADMIN_PENALTY_MINOR",
                SHARED_PENALTY);
        return person.number();
    }

    /** The report a member of the department obtains in the console, as its PDF's text. */
    private String report(String number, String departmentCode) throws Exception {
        UsernamePasswordAuthenticationToken staff = Principals.member("gov-" + departmentCode.toLowerCase(),
                directory.departments().stream().filter(d -> d.code().equals(departmentCode)).findFirst()
                        .orElseThrow(), Permission.CONSOLE_HOME, Permission.INQUIRY_GOVERNMENT);
        mvc.perform(post("/console/reports").param("number", number).param("purpose", "ADMINISTRATIVE_LICENSING")
                        .param("reference", "许可受理 2026-101").with(authentication(staff)).with(csrf()))
                .andExpect(flash().attribute("successKey", "reports.issued"));
        String staffId = ((StaffPrincipal) staff.getPrincipal()).actorId();
        JdbcInquiry.IssuedReport issued = reports.obtainedBy(staffId, 1).get(0);
        byte[] pdf = mvc.perform(get("/console/reports/{id}.pdf", issued.id()).with(authentication(staff)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s", "");
            assertThat(text).doesNotContain(number);
            return text;
        }
    }
}
