package cn.chengxin.scoring;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.account.ApiClient;
import cn.chengxin.account.ApiClients;
import cn.chengxin.account.Department;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.account.ViolationGround;
import cn.chengxin.listing.ListType;
import cn.chengxin.listing.Listing;
import cn.chengxin.shared.CodedProblem;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.NewPerson;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.ResidencyKind;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Principals;
import cn.chengxin.support.TestCitizens;
import cn.chengxin.support.TestRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static cn.chengxin.support.AsStaff.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 信用惠民核验 as providers ask it (gaps review xxiv G2, G7; RULES.md §7, §8, §10): a key is answered only the benefits
 * bound to it, granted or not, never the grade or the grades a benefit needs; a key bound to none is refused; an
 * institution that grants a benefit can check it; a grey entry, here or received, withholds every benefit.
 */
@IntegrationTest
class ProvidedBenefitsIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    Scoring scoring;

    @Autowired
    ProvidedBenefits provided;

    @Autowired
    ApiClients apiClients;

    @Autowired
    StaffDirectory directory;

    @Autowired
    Listing listing;

    @Autowired
    cn.chengxin.subject.SubjectRegistry subjects;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void aDepartmentKeyIsAnsweredOnlyItsOwnBenefitsWithoutTheGrade() throws Exception {
        Resident r = resident(LocalDate.of(1966, 1, 11), "甘惠林");
        scoring.rescore(Set.of(r.id()));
        // The person qualifies for other providers' benefits too (the seeded bike and scenic benefits by grade).
        assertThat(scoring.benefitsOf(r.id())).extracting(b -> b.code()).contains("LIBRARY_DEPOSIT_FREE",
                "BIKE_DEPOSIT_FREE");
        String key = TestRecords.libraryKey(apiClients, directory, provided);

        String body = check(key, r.number()).andExpect(status().isOk())
                .andExpect(jsonPath("$.benefits.length()").value(1))
                .andExpect(jsonPath("$.benefits[0].code").value("LIBRARY_DEPOSIT_FREE"))
                .andExpect(jsonPath("$.benefits[0].granted").value(true))
                .andExpect(jsonPath("$.benefits[0].grades").doesNotExist())
                .andExpect(jsonPath("$.grade").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain("BIKE_DEPOSIT_FREE", "grades", "provider", "scenario");
        assertThat(jdbc.sql("SELECT detail FROM audit.event WHERE action = 'scoring.benefits.check' "
                        + "AND subject_pseudonym = ? ORDER BY seq DESC LIMIT 1")
                .param(subjects.pseudonymOf(r.id()).orElseThrow()).query(String.class).single())
                .isEqualTo("reason=BENEFITS_GRANTED; granted=1; of=1; benefits=LIBRARY_DEPOSIT_FREE");
    }

    @Test
    void aKeyThatProvidesNoBenefitIsRefusedAndNothingIsKept() throws Exception {
        Resident r = resident(LocalDate.of(1966, 2, 12), "甘惠森");
        UUID library = department();
        String unbound = apiClients.issue("图书馆自助机", "市图书馆", ApiClient.Kind.DEPARTMENT, library,
                Set.of(Permission.API_BENEFITS_CHECK), 6000).key();
        String checksOnly = apiClients.issue("图书馆核查", "市图书馆", ApiClient.Kind.DEPARTMENT, library,
                Set.of(Permission.API_SUBJECT_CHECK), 6000).key();
        long before = benefitChecks();

        check(unbound, r.number()).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("BENEFITS_NOT_PROVIDED"));
        // The joint-measures permission no longer opens the benefits of every provider.
        check(checksOnly, r.number()).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(benefitChecks()).isEqualTo(before);

        // A partner platform grants no benefit; a key that may not check benefits is not bound to one.
        Throwable partner = catchThrowable(() -> apiClients.issue("合作平台", "省平台", ApiClient.Kind.PARTNER_PLATFORM,
                null, Set.of(Permission.API_BENEFITS_CHECK), 6000));
        assertThat(partner).isInstanceOf(CodedProblem.class).extracting("code")
                .isEqualTo("API_CLIENT_KIND_PERMISSIONS");
        UUID checker = apiClients.issue("图书馆核查二", "市图书馆", ApiClient.Kind.DEPARTMENT, library,
                Set.of(Permission.API_SUBJECT_CHECK), 6000).clientId();
        Throwable bind = catchThrowable(() -> as("maker-pb", () -> {
            provided.bind("LIBRARY_DEPOSIT_FREE", checker);
            return null;
        }));
        assertThat(bind).isInstanceOf(ScoringProblem.class).extracting("code").isEqualTo("BENEFIT_INVALID");
    }

    @Test
    void anInstitutionThatGrantsABenefitChecksItAlone() throws Exception {
        Resident r = resident(LocalDate.of(1966, 3, 13), "甘惠彬");
        scoring.rescore(Set.of(r.id()));
        String grade = scoring.scoreOf(r.id()).orElseThrow().grade();
        ApiClients.IssuedKey bank = apiClients.issue("信贷审批", "某商业银行", ApiClient.Kind.INSTITUTION, null,
                Set.of(Permission.API_BENEFITS_CHECK), 6000);
        String code = "TEST_LOAN_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        // The credit office binds the benefit to the bank's key on its scoring page, which names the key.
        var editor = authentication(Principals.staff("benefit-editor", "CREDIT_OFFICE", Permission.CONSOLE_HOME,
                Permission.SCORING_EDIT));
        mvc.perform(post("/console/scoring/benefits").with(editor).with(csrf()).param("code", code)
                        .param("name", "信易贷测试").param("provider", "某商业银行").param("grades", grade)
                        .param("scenario", "金融服务").param("providerClient", bank.clientId().toString()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("successKey", "scoring.benefitSaved"));
        assertThat(mvc.perform(get("/console/scoring").with(editor)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).contains("信贷审批（某商业银行）");
        try {
            check(bank.key(), r.number()).andExpect(status().isOk())
                    .andExpect(jsonPath("$.benefits.length()").value(1))
                    .andExpect(jsonPath("$.benefits[0].code").value(code))
                    .andExpect(jsonPath("$.benefits[0].name").value("信易贷测试"))
                    .andExpect(jsonPath("$.benefits[0].granted").value(true))
                    .andExpect(jsonPath("$.assessment").value("AUTOMATED"));
            // Somebody the registry does not know is granted nothing, without a reason.
            check(bank.key(), TestCitizens.withCheckCharacter("41170219660606999")).andExpect(status().isOk())
                    .andExpect(jsonPath("$.benefits[0].granted").value(false));
        } finally {
            as("maker-pb", () -> {
                scoring.deactivateBenefit(code);
                return null;
            });
        }
    }

    /**
     * A benefit is bound to the institution, not to a key (gaps review xxix K2): the library's renewed key is answered
     * its benefits once the old key is revoked, with no new binding by the credit office.
     */
    @Test
    void aRenewedProviderKeyIsStillAnsweredItsBenefits() throws Exception {
        Resident r = resident(LocalDate.of(1966, 5, 15), "甘惠续");
        scoring.rescore(Set.of(r.id()));
        ApiClients.IssuedKey old = apiClients.issue("图书馆续签系统", "市图书馆", ApiClient.Kind.DEPARTMENT, department(),
                Set.of(Permission.API_BENEFITS_CHECK), 6000);
        provided.bind("LIBRARY_DEPOSIT_FREE", old.institutionId());

        UUID proposal = as("maker-pb", () -> apiClients.proposeRenewal(old.clientId()));
        ApiClients.IssuedKey renewed = as("checker-pb", () -> apiClients.approve(proposal));
        as("maker-pb", () -> {
            apiClients.revoke(old.clientId(), ViolationGround.OTHER, "测试停用");
            return null;
        });

        check(renewed.key(), r.number()).andExpect(status().isOk())
                .andExpect(jsonPath("$.benefits.length()").value(1))
                .andExpect(jsonPath("$.benefits[0].code").value("LIBRARY_DEPOSIT_FREE"))
                .andExpect(jsonPath("$.benefits[0].granted").value(true));
        check(old.key(), r.number()).andExpect(status().isUnauthorized());
    }

    /** RULES.md §7: a grey entry in force withholds every incentive, as the checks do; here or received (§11). */
    @Test
    void aGreyEntryHereOrReceivedWithholdsEveryBenefit() throws Exception {
        String key = TestRecords.libraryKey(apiClients, directory, provided);
        Resident here = resident(LocalDate.of(1966, 4, 14), "甘惠灰");
        scoring.rescore(Set.of(here.id()));
        check(key, here.number()).andExpect(jsonPath("$.benefits[0].granted").value(true));
        LocalDate today = LocalDate.now(clock);
        UUID grey = as("maker-g7", () -> listing.propose(here.id(), ListType.GREY, "某法规", "较重处罚",
                today.minusMonths(1), today.plusYears(1)));
        as("checker-g7", () -> listing.approve(grey, "核实无误"));

        assertThat(scoring.benefitsOf(here.id())).isEmpty();
        check(key, here.number()).andExpect(status().isOk())
                .andExpect(jsonPath("$.benefits[0].granted").value(false));

        Resident received = resident(LocalDate.of(1966, 5, 15), "甘惠收");
        scoring.rescore(Set.of(received.id()));
        assertThat(scoring.benefitsOf(received.id())).isNotEmpty();
        TestRecords.receiveListEntry(jdbc, subjects.pseudonymOf(received.id()).orElseThrow(), "GREY",
                "GREY-" + UUID.randomUUID(), today.plusYears(1));
        assertThat(scoring.benefitsOf(received.id())).isEmpty();
        check(key, received.number()).andExpect(jsonPath("$.benefits[0].granted").value(false));
    }

    private record Resident(UUID id, String number) {
    }

    private Resident resident(LocalDate birth, String name) {
        String number = TestCitizens.withCheckCharacter("411702" + birth.toString().replace("-", "") + "951");
        UUID id = subjects.registerPerson(new NewPerson(subjects.validate(DocumentType.RESIDENT_ID, number), name, null,
                null, List.of(new NewPerson.Residence(ResidencyKind.HOUSEHOLD, "411702", birth)), List.of(), false));
        return new Resident(id, number);
    }

    private UUID department() {
        return directory.departments().stream().filter(d -> d.code().equals("LIBRARY")).findFirst()
                .map(Department::id).orElseGet(() -> directory.createDepartment("LIBRARY", "市图书馆",
                        Department.Kind.RESPONDING_UNIT, List.of()).id());
    }

    private ResultActions check(String key, String number) throws Exception {
        return mvc.perform(post("/api/v1/benefits/check").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"subjectNumber\":\"" + number + "\",\"purpose\":\"免押金借阅办证\"}"));
    }

    private long benefitChecks() {
        return jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'scoring.benefits.check'").query(Long.class)
                .single();
    }
}
