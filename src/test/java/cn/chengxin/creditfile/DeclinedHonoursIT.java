package cn.chengxin.creditfile;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import cn.chengxin.account.ApiClient;
import cn.chengxin.account.ApiClients;
import cn.chengxin.account.Department;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.catalog.Catalogue;
import cn.chengxin.catalog.CatalogueViolations;
import cn.chengxin.catalog.domain.ItemDefinition;
import cn.chengxin.listing.EntryStatus;
import cn.chengxin.listing.ListEntry;
import cn.chengxin.listing.ListType;
import cn.chengxin.listing.Listing;
import cn.chengxin.scoring.Scoring;
import cn.chengxin.scoring.domain.Contribution;
import cn.chengxin.shared.CodedProblem;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.NewPerson;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.ResidencyKind;
import cn.chengxin.support.AsStaff;
import cn.chengxin.support.CatalogueVersions;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Principals;
import cn.chengxin.support.TestCitizens;
import cn.chengxin.support.TestRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * RULES.md §2 (Shenzhen Art. 39): a person may refuse to have honours recorded. From 我的信用档案 the person declines
 * a record of an item the catalogue lets them refuse, or the item altogether; a declined record is kept but neither
 * scored nor listed, and comes back when the person accepts it again. Negative information is never refusable.
 */
@IntegrationTest
class DeclinedHonoursIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    ApiClients apiClients;

    @Autowired
    StaffDirectory directory;

    @Autowired
    Catalogue catalogue;

    @Autowired
    CreditFile creditFile;

    @Autowired
    Declines declines;

    @Autowired
    Scoring scoring;

    @Autowired
    Listing listing;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theBaseCatalogueLetsPersonsRefuseHonoursAndNoNegativeItem() {
        assertThat(declines.refusableItems()).containsKeys("P_VOLUNTEER_SERVICE", "P_BLOOD_DONATION",
                "P_CHARITABLE_DONATION", "P_COMMENDATION", "P_GOOD_SAMARITAN");
        assertThat(catalogue.active()).filteredOn(i -> i.definition().refusableBySubject())
                .allSatisfy(i -> assertThat(i.definition().nature()).isEqualTo(
                        cn.chengxin.catalog.domain.Nature.GOOD));
        // A version making a negative item refusable is refused (maker-checker or not).
        ItemDefinition penalty = catalogue.active("P_ADMIN_PENALTY_GENERAL").orElseThrow().definition();
        Throwable refused = catchThrowable(() -> CatalogueVersions.draft(catalogue,
                penalty.refusableBySubject(true)));
        assertThat(refused).isInstanceOf(CatalogueViolations.class);
        assertThat(((CatalogueViolations) refused).code()).isNotBlank();
        assertThat(refused.toString() + ((CatalogueViolations) refused).violations())
                .contains("REFUSABLE_ONLY_PERSONAL_HONOURS");
    }

    @Test
    void decliningTakesTheRecordOutOfTheScoreAndEndsTheRedEntryOnItAndAcceptingBringsItBack() throws Exception {
        TestCitizens.Person person = resident("艾拒绝");
        UUID subject = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, person.number())).orElseThrow();
        volunteer(person, "VS-" + UUID.randomUUID(), "1600");
        FileEntry record = only(subject, "P_VOLUNTEER_SERVICE");
        scoring.rescore(List.of(subject));
        assertThat(contributions(subject)).contains(record.recordKey());
        ListEntry red = await().atMost(Duration.ofSeconds(10)).until(() -> listing.entriesOf(subject).stream()
                .filter(e -> e.listType() == ListType.RED).findFirst().orElse(null), e -> e != null);
        AsStaff.as("reviewer-decline", () -> listing.approve(red.id(), "核实无误"));

        var citizen = authentication(Principals.citizen(subjects, subject));
        String page = mvc.perform(get("/me/file").with(citizen)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("/me/file/records/" + record.recordKey() + "/decline");
        mvc.perform(post("/me/file/records/{k}/decline", record.recordKey()).with(citizen).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("successKey", "me.decline.recordDeclined"));

        assertThat(only(subject, "P_VOLUNTEER_SERVICE").status()).isEqualTo(RecordStatus.DECLINED);
        scoring.rescore(List.of(subject));
        assertThat(contributions(subject)).doesNotContain(record.recordKey());
        await().atMost(Duration.ofSeconds(10)).until(() -> listing.entry(red.id()).orElseThrow().status(),
                s -> s == EntryStatus.EXITED);
        assertThat(listing.entry(red.id()).orElseThrow().exitReason()).contains("本人拒绝记录");
        // Kept, with who declined it, and the step recorded about the person (谁查询了我).
        assertThat(creditFile.historyOf(subject).get(record.recordKey()))
                .anySatisfy(s -> assertThat(s.toString()).contains("DECLINED", "本人"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(auditActions(subject))
                .contains("self.decline.record"));

        mvc.perform(post("/me/file/records/{k}/accept", record.recordKey()).with(citizen).with(csrf()))
                .andExpect(flash().attribute("successKey", "me.decline.recordAccepted"));
        assertThat(only(subject, "P_VOLUNTEER_SERVICE").status()).isEqualTo(RecordStatus.ACTIVE);
        scoring.rescore(List.of(subject));
        assertThat(contributions(subject)).contains(record.recordKey());
        await().atMost(Duration.ofSeconds(10)).until(() -> listing.entriesOf(subject).stream()
                .anyMatch(e -> e.listType() == ListType.RED && !e.id().equals(red.id())
                        && e.status() == EntryStatus.PROPOSED));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(auditActions(subject))
                .contains("self.accept.record"));
    }

    @Test
    void aNegativeRecordCannotBeDeclined() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "艾不拒");
        UUID subject = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, person.number())).orElseThrow();
        TestRecords.penalty(mvc, apiClients, directory, person.number(), person.name(), "P_ADMIN_PENALTY_GENERAL",
                "驻市监罚〔2026〕163号");
        FileEntry penalty = only(subject, "P_ADMIN_PENALTY_GENERAL");
        var citizen = authentication(Principals.citizen(subjects, subject));

        String page = mvc.perform(get("/me/file").with(citizen)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).doesNotContain("/me/file/records/" + penalty.recordKey() + "/decline");
        mvc.perform(post("/me/file/records/{k}/decline", penalty.recordKey()).with(citizen).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("failureCode", "RECORD_NOT_REFUSABLE"));
        mvc.perform(post("/me/file/items/{c}/decline", "P_ADMIN_PENALTY_GENERAL").with(citizen).with(csrf()))
                .andExpect(flash().attribute("failureCode", "RECORD_NOT_REFUSABLE"));
        assertThat(only(subject, "P_ADMIN_PENALTY_GENERAL").status()).isEqualTo(RecordStatus.ACTIVE);
        // Another person's record is answered as one that does not exist.
        UUID stranger = subjects.find(subjects.validate(DocumentType.RESIDENT_ID,
                TestCitizens.register(subjects, "艾旁人").number())).orElseThrow();
        mvc.perform(post("/me/file/records/{k}/decline", penalty.recordKey())
                        .with(authentication(Principals.citizen(subjects, stranger))).with(csrf()))
                .andExpect(status().isNotFound());
        Throwable direct = catchThrowable(() -> declines.declineRecord(subject, penalty.recordKey()));
        assertThat(direct).isInstanceOf(CodedProblem.class);
        assertThat(((CodedProblem) direct).code()).isEqualTo("RECORD_NOT_REFUSABLE");
    }

    @Test
    void aNewRecordOfAnItemThePersonDeclinedArrivesDeclined() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "艾献血");
        UUID subject = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, person.number())).orElseThrow();
        bloodDonation(person, "BD-" + UUID.randomUUID());
        only(subject, "P_BLOOD_DONATION");
        var citizen = authentication(Principals.citizen(subjects, subject));

        mvc.perform(post("/me/file/items/{c}/decline", "P_BLOOD_DONATION").with(citizen).with(csrf()))
                .andExpect(flash().attribute("successKey", "me.decline.itemDeclined"));
        assertThat(declines.declinedItems(subject)).containsExactly("P_BLOOD_DONATION");
        assertThat(only(subject, "P_BLOOD_DONATION").status()).isEqualTo(RecordStatus.DECLINED);

        bloodDonation(person, "BD-" + UUID.randomUUID());
        assertThat(creditFile.fileOf(subject)).filteredOn(e -> e.itemCode().equals("P_BLOOD_DONATION"))
                .hasSize(2).allSatisfy(e -> assertThat(e.status()).isEqualTo(RecordStatus.DECLINED));
        // Another person's records of the item are recorded as ever.
        TestCitizens.Person other = TestCitizens.register(subjects, "艾照记");
        bloodDonation(other, "BD-" + UUID.randomUUID());
        UUID otherId = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, other.number())).orElseThrow();
        assertThat(only(otherId, "P_BLOOD_DONATION").status()).isEqualTo(RecordStatus.ACTIVE);

        mvc.perform(post("/me/file/items/{c}/accept", "P_BLOOD_DONATION").with(citizen).with(csrf()))
                .andExpect(flash().attribute("successKey", "me.decline.itemAccepted"));
        assertThat(declines.declinedItems(subject)).isEmpty();
        bloodDonation(person, "BD-" + UUID.randomUUID());
        assertThat(creditFile.fileOf(subject)).filteredOn(e -> e.itemCode().equals("P_BLOOD_DONATION"))
                .extracting(FileEntry::status).containsExactlyInAnyOrder(RecordStatus.DECLINED,
                        RecordStatus.DECLINED, RecordStatus.ACTIVE);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(auditActions(subject))
                .contains("self.decline.item", "self.accept.item"));
    }

    private List<UUID> contributions(UUID subject) {
        return scoring.scoreOf(subject).orElseThrow().contributions().stream().map(Contribution::recordKey).toList();
    }

    private List<String> auditActions(UUID subject) {
        String pseudonym = subjects.pseudonymOf(subject).orElseThrow();
        return jdbc.sql("SELECT action FROM audit.event WHERE subject_pseudonym = ?").param(pseudonym)
                .query(String.class).list();
    }

    private FileEntry only(UUID subject, String item) {
        List<FileEntry> found = creditFile.fileOf(subject).stream().filter(e -> e.itemCode().equals(item)).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    /** A resident adult, scored by the active model. */
    private TestCitizens.Person resident(String name) {
        String number = TestCitizens.withCheckCharacter("411702" + "19770407"
                + String.format("%03d", ThreadLocalRandom.current().nextInt(1000)));
        subjects.registerPerson(new NewPerson(subjects.validate(DocumentType.RESIDENT_ID, number), name,
                null, null, List.of(new NewPerson.Residence(ResidencyKind.HOUSEHOLD, "411702",
                LocalDate.of(1977, 4, 7))), List.of(), false));
        return new TestCitizens.Person(number, name, null);
    }

    private void volunteer(TestCitizens.Person person, String source, String hours) throws Exception {
        submit("CIVILISATION_OFFICE", "{\"itemCode\":\"P_VOLUNTEER_SERVICE\",\"subjectNumber\":\"" + person.number()
                + "\",\"subjectName\":\"" + person.name() + "\",\"sourceRecordId\":\"" + source
                + "\",\"version\":\"1\",\"action\":\"ADD\",\"decisionNumber\":\"驻文明志〔2026〕163号\",\"decisionDate\":\""
                + LocalDate.now().minusDays(5) + "\",\"fields\":{\"hours\":\"" + hours
                + "\",\"organisation\":\"驿城区志愿者协会\"}}");
    }

    private void bloodDonation(TestCitizens.Person person, String source) throws Exception {
        submit("HEALTH", "{\"itemCode\":\"P_BLOOD_DONATION\",\"subjectNumber\":\"" + person.number()
                + "\",\"subjectName\":\"" + person.name() + "\",\"sourceRecordId\":\"" + source
                + "\",\"version\":\"1\",\"action\":\"ADD\",\"decisionNumber\":\"驻血站〔2026〕163号\",\"decisionDate\":\""
                + LocalDate.now().minusDays(5) + "\",\"fields\":{\"times\":\"3\"}}");
    }

    private void submit(String department, String record) throws Exception {
        UUID id = directory.departments().stream().filter(d -> d.code().equals(department)).findFirst()
                .map(Department::id).orElseGet(() -> directory.createDepartment(department, department,
                        Department.Kind.DATA_PROVIDER, List.of()).id());
        String key = apiClients.issue(department + " 系统", department, ApiClient.Kind.DEPARTMENT, id,
                Set.of(Permission.RECORD_SUBMIT), 6000).key();
        mvc.perform(post("/api/v1/submissions").header("Authorization", "Bearer " + key)
                        .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"records\":[" + record + "]}"))
                .andExpect(jsonPath("$.accepted").value(1));
    }
}
