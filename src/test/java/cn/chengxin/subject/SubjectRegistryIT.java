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
import static org.assertj.core.api.Assertions.catchThrowable;
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
    SubjectDocuments documents;

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
            assertThat(registry.holdersAmong(List.of(pseudonym))).containsExactly(java.util.Map.entry(pseudonym,
                    pseudonym));
            assertThat(prefixes).contains(SubjectRegistry.pseudonymPrefix(pseudonym));
        }
        String stranger = registry.pseudonymOf(registry.validate(DocumentType.PASSPORT, "G00000001"));
        assertThat(registry.holdersAmong(List.of(stranger))).isEmpty();
        assertThat(registry.holdersAmong(List.of(stranger, registry.pseudonymOf(passport),
                registry.pseudonymOf(resident))).keySet()).as("many in one query")
                .containsExactlyInAnyOrder(registry.pseudonymOf(passport), registry.pseudonymOf(resident));
        assertThat(prefixes).hasSize((int) (long) jdbc.sql("SELECT count(*) FROM subject.subject").query(Long.class)
                .single());
    }

    /**
     * Gaps review xxx L1 (98号 三(一): 个人身份识别信息的唯一性): a Hong Kong resident registered under his 港澳居民来往内地通行证
     * who later shows his 港澳台居民居住证 is one subject once a clerk proposed the permit and a second person approved
     * it: every lookup by either document finds the one file, and each step is audited under both pseudonyms.
     */
    @Test
    void aFurtherDocumentApprovedBySecondPersonFindsTheSameSubject() throws Exception {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        IdentityDocument permit = registry.validate(DocumentType.HK_MACAO_PERMIT,
                "H" + String.format("%08d", random.nextInt(100_000_000)));
        IdentityDocument residence = registry.validate(DocumentType.HMT_RESIDENCE_PERMIT, TestCitizens
                .withCheckCharacter("810000" + (1960 + random.nextInt(40)) + "0" + (1 + random.nextInt(9)) + "1"
                        + random.nextInt(10) + String.format("%03d", random.nextInt(1000))));
        UUID id = registry.registerPerson(new NewPerson(permit, "陈家明", null, null, List.of(), List.of(), false));
        assertThat(registry.find(residence)).as("not before a proposal is approved").isEmpty();

        UUID proposal = cn.chengxin.support.AsStaff.as("docs-a", () -> documents.propose(id,
                DocumentType.HMT_RESIDENCE_PERMIT.name(), residence.number(), LocalDate.of(2024, 3, 1), null,
                "港澳台居民居住证原件核验 2026-118", "本人持通行证和居住证到窗口核验"));
        assertThat(registry.find(residence)).as("a proposal alone changes nothing").isEmpty();
        assertThat(catchThrowable(() -> cn.chengxin.support.AsStaff.as("docs-a", () -> {
            documents.approve(proposal, "");
            return null;
        }))).extracting("code").isEqualTo("SUBJECT_DOCUMENT_SELF_REVIEW");
        cn.chengxin.support.AsStaff.as("docs-b", () -> {
            documents.approve(proposal, "与原件核对一致");
            return null;
        });

        String own = registry.pseudonymOf(id).orElseThrow();
        String further = registry.pseudonymOf(residence);
        assertThat(registry.find(residence)).contains(id);
        assertThat(registry.find(permit)).contains(id);
        assertThat(registry.findAll(List.of(residence, permit)).values()).extracting(SubjectRegistry.Found::id)
                .containsOnly(id);
        assertThat(registry.holdersAmong(List.of(further, own))).containsOnly(java.util.Map.entry(further, own),
                java.util.Map.entry(own, own));
        assertThat(registry.holderPseudonymOf(residence)).isEqualTo(own);
        assertThat(registry.registerPerson(new NewPerson(residence, "陈家明", null, null, List.of(), List.of(),
                false))).as("no second file under the further document").isEqualTo(id);
        assertThat(documents.of(id)).singleElement().satisfies(d -> {
            assertThat(d.status()).isEqualTo(cn.chengxin.subject.domain.FurtherDocument.Status.APPROVED);
            assertThat(d.maskedNumber()).isEqualTo(residence.masked()).doesNotContain(residence.number());
        });
        for (String pseudonym : List.of(own, further)) {
            assertThat(jdbc.sql("SELECT action FROM audit.event WHERE subject_pseudonym = ? ORDER BY seq")
                    .param(pseudonym).query(String.class).list()).as("audited under both pseudonyms")
                    .contains("subject.document.propose", "subject.document.approve");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM subject.further_document WHERE number_masked LIKE ?")
                .param("%" + residence.number() + "%").query(Long.class).single()).isZero();
    }

    @Test
    void aDocumentAnotherSubjectHoldsIsRefused() throws Exception {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        IdentityDocument first = registry.validate(DocumentType.PASSPORT,
                "E" + String.format("%08d", random.nextInt(100_000_000)));
        IdentityDocument second = registry.validate(DocumentType.PASSPORT,
                "E" + String.format("%08d", random.nextInt(100_000_000)));
        UUID one = registry.registerPerson(new NewPerson(first, "JANE DOE", null, null, List.of(), List.of(), false));
        UUID other = registry.registerPerson(new NewPerson(second, "JANE DOE", null, null, List.of(), List.of(),
                false));

        assertThat(catchThrowable(() -> cn.chengxin.support.AsStaff.as("docs-a", () -> documents.propose(one,
                "PASSPORT", second.number(), null, null, "护照换发证明", "护照已换发"))))
                .extracting("code").isEqualTo("SUBJECT_DOCUMENT_TAKEN");
        assertThat(catchThrowable(() -> cn.chengxin.support.AsStaff.as("docs-a", () -> documents.propose(one,
                "PASSPORT", first.number(), null, null, "护照换发证明", "护照已换发"))))
                .extracting("code").isEqualTo("SUBJECT_DOCUMENT_OWN");
        assertThat(registry.find(second)).contains(other);
    }

    /**
     * Gaps review xxx L1 in the console: the clerk proposes a further document from the subject page; one another
     * subject holds is refused on the page, in the reader's language, without echoing the number; the queue shows the
     * proposal with masked numbers and its decision buttons to a reviewer, who approves it.
     */
    @Test
    void theSubjectPageProposesAFurtherDocumentAndTheQueueDecidesItWithNumbersMasked() throws Exception {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        IdentityDocument passport = registry.validate(DocumentType.PASSPORT,
                "E" + String.format("%08d", random.nextInt(100_000_000)));
        IdentityDocument renewed = registry.validate(DocumentType.PASSPORT,
                "E" + String.format("%08d", random.nextInt(100_000_000)));
        IdentityDocument othersPassport = registry.validate(DocumentType.PASSPORT,
                "G" + String.format("%08d", random.nextInt(100_000_000)));
        UUID id = registry.registerPerson(new NewPerson(passport, "MARIA LOPEZ", null, null, List.of(), List.of(),
                false));
        registry.registerPerson(new NewPerson(othersPassport, "ANA LOPEZ", null, null, List.of(), List.of(), false));
        var clerk = authentication(Principals.staff("docs-clerk", "CREDIT_OFFICE", Permission.SUBJECT_READ,
                Permission.SUBJECT_AMEND));
        var reviewer = authentication(Principals.staff("docs-reviewer", "CREDIT_OFFICE", Permission.CONSOLE_HOME,
                Permission.SUBJECT_READ, Permission.SUBJECT_AMEND_REVIEW));

        String refused = mvc.perform(post("/console/subjects/" + id + "/documents")
                        .param("furtherDocumentType", "PASSPORT").param("furtherNumber", othersPassport.number())
                        .param("documentReference", "护照换发证明 2026-9").param("documentReason", "护照换发")
                        .param("purpose", "DATA_QUALITY").with(clerk).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("further-document-form", "护照换发证明 2026-9")
                .contains("该证件已属于信用主体库中的另一主体").doesNotContain(othersPassport.number());

        mvc.perform(post("/console/subjects/" + id + "/documents")
                        .param("furtherDocumentType", "PASSPORT").param("furtherNumber", renewed.number())
                        .param("validFrom", "2026-01-05").param("documentReference", "护照换发证明 2026-9")
                        .param("documentReason", "护照换发").param("purpose", "DATA_QUALITY").with(clerk).with(csrf()))
                .andExpect(status().is3xxRedirection());
        UUID proposal = documents.of(id).get(0).id();
        String action = "/console/subjects/documents/" + proposal + "/approve";
        assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .get("/console/subjects/names").with(reviewer)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString())
                .contains("pending-further-documents", action, renewed.masked(), passport.masked())
                .doesNotContain(renewed.number()).doesNotContain(passport.number());
        mvc.perform(post(action).with(reviewer).with(csrf())).andExpect(status().is3xxRedirection());

        assertThat(registry.find(renewed)).contains(id);
        assertThat(mvc.perform(post("/console/subjects/open").param("subject", id.toString())
                        .param("purpose", "DATA_QUALITY").with(clerk).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("further-document-list", renewed.masked(), "已添加").doesNotContain(renewed.number());
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
