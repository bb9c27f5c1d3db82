package cn.chengxin.subject;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.IdentityDocument;
import cn.chengxin.subject.domain.OccupationalGroup;
import cn.chengxin.subject.domain.ResidencyKind;
import cn.chengxin.subject.domain.ResponsibleRole;
import cn.chengxin.subject.domain.UnifiedSocialCreditCode;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Principals;
import cn.chengxin.support.TestCitizens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The registry on the real embedded PostgreSQL: one subject per person whatever way the number is written. */
@IntegrationTest
class SubjectRegistryIT {

    @Autowired
    SubjectRegistry registry;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Test
    void everyWayOfWritingTheSameNumberFindsTheSameSubject() {
        UUID id = registry.registerPerson(person("11010519491231002X", "王小梅"));

        assertThat(registry.find(registry.validate(DocumentType.RESIDENT_ID, "11010519491231002x"))).contains(id);
        assertThat(registry.find(registry.validate(DocumentType.RESIDENT_ID, " 1101 0519 4912 3100 2X ")))
                .contains(id);
        assertThat(registry.find(registry.validate(DocumentType.RESIDENT_ID, "１１０１０５１９４９１２３１００２Ｘ")))
                .contains(id);
        // The 15-digit number of the same person is upgraded to the 18-digit one (GB 11643 appendix).
        assertThat(registry.find(registry.validate(DocumentType.RESIDENT_ID, "110105491231002"))).contains(id);
    }

    @Test
    void theRegistryKnowsEachSubjectByItsPseudonymAndHandsOverItsPrefix() {
        IdentityDocument resident = registry.validate(DocumentType.RESIDENT_ID,
                cn.chengxin.support.TestCitizens.register(registry, "柏文华").number());
        IdentityDocument passport = registry.validate(DocumentType.PASSPORT,
                "E" + String.format("%08d", java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000_000)));
        registry.registerPerson(new NewPerson(passport, "JOHN SMITH", null, null, List.of(), List.of(), false));
        java.util.Set<Long> prefixes = new java.util.HashSet<>();
        registry.eachPseudonymPrefix(prefixes::add);

        for (IdentityDocument registered : List.of(resident, passport)) {
            String pseudonym = registry.pseudonymOf(registered);
            assertThat(registry.registeredAmong(List.of(pseudonym))).containsExactly(pseudonym);
            assertThat(prefixes).contains(SubjectRegistry.pseudonymPrefix(pseudonym));
        }
        String stranger = registry.pseudonymOf(registry.validate(DocumentType.PASSPORT, "G00000001"));
        assertThat(registry.registeredAmong(List.of(stranger))).isEmpty();
        assertThat(registry.registeredAmong(List.of(stranger, registry.pseudonymOf(passport),
                registry.pseudonymOf(resident)))).as("many in one query")
                .containsExactlyInAnyOrder(registry.pseudonymOf(passport), registry.pseudonymOf(resident));
        assertThat(prefixes).hasSize((int) (long) jdbc.sql("SELECT count(*) FROM subject.subject").query(Long.class)
                .single());
    }

    @Test
    void registeringTwiceKeepsOneSubject() {
        UUID first = registry.registerPerson(person("110105198203070017", "李建国"));
        UUID second = registry.registerPerson(person("110105198203070017", "李建国"));

        assertThat(second).isEqualTo(first);
        assertThat(jdbc.sql("SELECT count(*) FROM subject.subject WHERE id = ?").param(first).query(Long.class)
                .single()).isEqualTo(1);
    }

    @Test
    void theSealedNumberDecryptsBackAndTheProfileIsMasked() {
        UUID id = registry.registerPerson(person("110108197006150039", "赵大明"));

        IdentityDocument revealed = registry.revealNumber(id).orElseThrow();
        assertThat(revealed.number()).isEqualTo("110108197006150039");
        SubjectProfile profile = registry.profile(id).orElseThrow();
        assertThat(profile.toString()).doesNotContain("110108197006150039");
        assertThat(profile.maskedNumber()).isEqualTo("1101**********0039");
        assertThat(profile.maskedName()).isEqualTo("赵*明");
    }

    /**
     * Beside the birth date and the masked number, which every screen needs, the region the number begins with would
     * leave only its sequence digits unknown (V120): no path of registration keeps it in clear.
     */
    @Test
    void aPersonsRowKeepsNoPartOfTheNumberBeyondTheBirthDate() {
        UUID one = registry.registerPerson(person(TestCitizens.withCheckCharacter("11010819700615073"), "钱大明"));
        UUID bulk = registry.registerPeopleInBulk(List.of(person(TestCitizens.withCheckCharacter("11010819700615095"),
                "孙大明"))).get(0);

        for (UUID id : List.of(one, bulk)) {
            String row = jdbc.sql("SELECT row_to_json(p)::text FROM subject.person p WHERE subject_id = ?").param(id)
                    .query(String.class).single();
            assertThat(row).contains("1970-06-15").doesNotContain("110108");
        }
    }

    @Test
    void anOrganisationIsFoundByItsCreditCode() {
        UUID id = registry.registerOrganisation(new NewOrganisation(
                registry.validate(DocumentType.UNIFIED_SOCIAL_CREDIT_CODE, "91350100M000100Y43"), "示例科技有限公司",
                LocalDate.of(2015, 3, 1), List.of(), false));

        assertThat(registry.find(registry.validate(null, "91350100m000100y43"))).contains(id);
    }

    /**
     * The console names a person's residency and occupational groups, and the role they answer for an organisation
     * in, in the reader's language (issue #5); in Chinese, the default, as before. The number stays masked.
     */
    @Test
    void theConsoleNamesResidencyOccupationsAndRolesInTheReadersLanguage() throws Exception {
        int n = java.util.concurrent.ThreadLocalRandom.current().nextInt(1000);
        String number = TestCitizens.withCheckCharacter("41172119850607" + String.format("%03d", n));
        registry.registerPerson(person(number, "练书瑶"));
        UUID person = registry.find(registry.validate(DocumentType.RESIDENT_ID, number)).orElseThrow();
        String body = String.format("%07d", n * 997 % 10_000_000) + "0";
        String first17 = "91411721" + body + UnifiedSocialCreditCode.organisationCodeCheckCharFor(body);
        registry.registerOrganisation(new NewOrganisation(registry.validate(DocumentType.UNIFIED_SOCIAL_CREDIT_CODE,
                first17 + UnifiedSocialCreditCode.checkCharFor(first17)), "练氏书坊有限公司", LocalDate.of(2015, 3, 1),
                List.of(new NewOrganisation.Responsible(person, ResponsibleRole.LEGAL_REPRESENTATIVE,
                        LocalDate.of(2015, 3, 1))), false));

        assertThat(subjectPage(number, "en")).contains("<span>Habitual residence ", " (from 2020-01-01)</span>",
                        ">Teacher</span>", "<div>Legal representative: 练氏书坊有限公司</div>")
                .doesNotContain("常住", "教师", "法定代表人", number);
        assertThat(subjectPage(number, "zh_CN")).contains("<span>常住 ", " (2020-01-01 起)</span>", ">教师</span>",
                "<div>法定代表人：练氏书坊有限公司</div>").doesNotContain(number);
    }

    /**
     * Beside the masked number the console shows the birth year only: the whole date is the number's digits 7–14
     * and would give back most of what the mask hides (RULES.md §10).
     */
    @Test
    void theConsoleShowsAMaskedResidentsBirthYearNotTheDate() throws Exception {
        int n = java.util.concurrent.ThreadLocalRandom.current().nextInt(1000);
        String number = TestCitizens.withCheckCharacter("41172119770309" + String.format("%03d", n));
        registry.registerPerson(person(number, "甘雨桐"));

        String page = subjectPage(number, "zh_CN");
        assertThat(page).contains("1977", "出生年份", number.substring(0, 4) + "**********" + number.substring(14))
                .doesNotContain("1977-03-09", "19770309", number);
        assertThat(subjectPage(number, "en")).contains("Year of birth").doesNotContain("1977-03-09");
    }

    private String subjectPage(String number, String lang) throws Exception {
        return mvc.perform(post("/console/subjects").param("number", number).param("purpose", "DATA_QUALITY")
                        .param("lang", lang).with(csrf()).with(authentication(Principals.staff("subject-clerk",
                                "CREDIT_OFFICE", Permission.SUBJECT_READ))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private NewPerson person(String number, String name) {
        IdentityDocument document = registry.validate(DocumentType.RESIDENT_ID, number);
        return new NewPerson(document, name, null, null,
                List.of(new NewPerson.Residence(ResidencyKind.HABITUAL, "411702", LocalDate.of(2020, 1, 1))),
                List.of(new NewPerson.Occupation(OccupationalGroup.TEACHER, LocalDate.of(2010, 9, 1))), false);
    }
}
