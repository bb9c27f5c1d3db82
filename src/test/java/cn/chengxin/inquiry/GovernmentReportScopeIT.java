package cn.chengxin.inquiry;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import cn.chengxin.account.ApiClients;
import cn.chengxin.account.StaffPrincipal;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.inquiry.persistence.JdbcInquiry;
import cn.chengxin.listing.ListType;
import cn.chengxin.listing.Listing;
import cn.chengxin.support.AsStaff;
import cn.chengxin.subject.domain.DocumentType;
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
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
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
 * public penalty (一般) and a government-shared one (轻微), both of the market regulator's items. The whole report is
 * cut to the department, not its records alone: another department's grey entry, the score and other departments'
 * looks at the person are not the querying department's business (RULES.md §9, §10).
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
    @Autowired
    Listing listing;

    private static final String GREY_BASIS = "《测试税收征管规定》第七条（政务查询范围）";

    /**
     * The tax bureau's grey entry (never published) is the tax bureau's business: the court's report has no line of
     * it, no score and no line of the tax bureau's own query; the tax bureau's report has the entry, the credit
     * office's the entry, the score section and both departments' queries.
     */
    @Test
    void aDepartmentsReportHasNoOtherDepartmentsGreyEntryNoScoreAndNoOtherDepartmentsQueries() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "庞税青");
        UUID subject = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, person.number())).orElseThrow();
        UUID grey = asMemberOf("TAX", () -> listing.propose(subject, ListType.GREY, GREY_BASIS, "欠缴税款逾期未缴",
                LocalDate.now().minusMonths(1), LocalDate.now().plusYears(1)));
        AsStaff.as("grey-checker", () -> listing.approve(grey, "核实无误"));
        assertThat(listing.entry(grey).orElseThrow().inForce(LocalDate.now())).isTrue();

        String tax = report(person.number(), "TAX");
        assertThat(tax).contains(GREY_BASIS, "本报告的用途不包含信用评分");

        String court = report(person.number(), "COURT");
        assertThat(court).doesNotContain(GREY_BASIS).doesNotContain(ListType.GREY.label())
                .contains("本报告的用途不包含信用评分").doesNotContain("gov-tax");

        String office = report(person.number(), "CREDIT_OFFICE");
        assertThat(office).contains(GREY_BASIS, "gov-tax", "gov-court")
                .doesNotContain("本报告的用途不包含信用评分");
    }

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

    /** Runs {@code action} as a member of the department, as its console would. */
    private <T> T asMemberOf(String departmentCode, Callable<T> action) throws Exception {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(Principals.member("maker-" + departmentCode.toLowerCase(), department(departmentCode),
                Permission.CONSOLE_HOME));
        SecurityContextHolder.setContext(context);
        try {
            return action.call();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private cn.chengxin.account.Department department(String code) {
        return directory.departments().stream().filter(d -> d.code().equals(code)).findFirst().orElseThrow();
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
