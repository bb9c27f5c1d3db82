package cn.chengxin.ingestion;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.account.ApiClient;
import cn.chengxin.account.ApiClients;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.creditfile.CreditFile;
import cn.chengxin.creditfile.FileEntry;
import cn.chengxin.creditfile.RecordStatus;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.TestCitizens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Several penalty types in one decision (RULES.md §4): sent as one row per type with the decision's number, each under
 * the item of its class, all are shown until the longest last day; a type graver than its item is refused.
 */
@IntegrationTest
class DecisionPeriodsIT {

    private static final String FINE = "\"penalty_type\":\"罚款\",\"facts\":\"无证经营\",\"basis\":\"某条例\","
            + "\"authority\":\"驻马店市市场监督管理局\"";
    private static final String REVOKED_LICENCE = FINE.replace("罚款", "吊销许可证件");

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiClients apiClients;

    @Autowired
    StaffDirectory directory;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    CreditFile creditFile;

    private String marketKey;

    @BeforeEach
    void client() {
        UUID market = directory.departments().stream().filter(d -> d.code().equals("MARKET")).findFirst()
                .orElseThrow().id();
        marketKey = apiClients.issue("MARKET 报送系统", "MARKET", ApiClient.Kind.DEPARTMENT, market,
                Set.of(Permission.RECORD_SUBMIT), 6000).key();
    }

    @Test
    void twoRowsOfOneDecisionInOneBatchAreBothShownUntilTheLongerEnd() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "柏文涛");
        String decided = LocalDate.now().minusMonths(2).toString();
        String number = "驻市监罚〔2026〕" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 100000) + "号";
        submit(row("P_ADMIN_PENALTY_GENERAL", person, "F-" + UUID.randomUUID(), number, decided, FINE, 1, "ADD"),
                row("P_ADMIN_PENALTY_SERIOUS", person, "L-" + UUID.randomUUID(), number, decided, REVOKED_LICENCE, 1,
                        "ADD"));

        List<FileEntry> file = creditFile.fileOf(subjectOf(person));
        FileEntry fine = entry(file, "P_ADMIN_PENALTY_GENERAL");
        FileEntry licence = entry(file, "P_ADMIN_PENALTY_SERIOUS");
        assertThat(licence.publicationEnd()).isAfter(LocalDate.parse(decided).plusMonths(35));
        assertThat(fine.publicationEnd()).as("the longest period of the decision").isEqualTo(licence.publicationEnd());
        assertThat(creditFile.historyOf(subjectOf(person)).get(fine.recordKey())).anySatisfy(step ->
                assertThat(step.reason()).contains(number).contains("最长公示期")
                        .contains(licence.publicationEnd().toString()));
    }

    @Test
    void aLaterRowOfTheDecisionExtendsTheEarlierAndItsRevocationGivesItsOwnBack() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "柏文静");
        String decided = LocalDate.now().minusMonths(2).toString();
        String number = "驻市监罚〔2026〕" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 100000) + "号";
        String fineSource = "F-" + UUID.randomUUID();
        String licenceSource = "L-" + UUID.randomUUID();
        submit(row("P_ADMIN_PENALTY_GENERAL", person, fineSource, number, decided, FINE, 1, "ADD"));
        LocalDate ownEnd = entry(creditFile.fileOf(subjectOf(person)), "P_ADMIN_PENALTY_GENERAL").publicationEnd();
        // Another decision of the same day changes nothing.
        submit(row("P_ADMIN_PENALTY_SERIOUS", person, "O-" + UUID.randomUUID(), number + "之二", decided,
                REVOKED_LICENCE, 1, "ADD"));
        assertThat(entry(creditFile.fileOf(subjectOf(person)), "P_ADMIN_PENALTY_GENERAL").publicationEnd())
                .isEqualTo(ownEnd);

        submit(row("P_ADMIN_PENALTY_SERIOUS", person, licenceSource, number, decided, REVOKED_LICENCE, 1, "ADD"));
        List<FileEntry> file = creditFile.fileOf(subjectOf(person));
        LocalDate longest = file.stream().filter(e -> e.decisionNumber().equals(number)
                && e.itemCode().equals("P_ADMIN_PENALTY_SERIOUS")).findFirst().orElseThrow().publicationEnd();
        FileEntry fine = entry(file, "P_ADMIN_PENALTY_GENERAL");
        assertThat(longest).isAfter(ownEnd);
        assertThat(fine.publicationEnd()).isEqualTo(longest);
        assertThat(fine.version()).as("the department's version numbers stay its own").isEqualTo(1);

        // A correction of the fine keeps the decision's longest period.
        submit(row("P_ADMIN_PENALTY_GENERAL", person, fineSource, number, decided,
                FINE.replace("无证经营", "无证经营（更正）"), 2, "UPDATE"));
        assertThat(entry(creditFile.fileOf(subjectOf(person)), "P_ADMIN_PENALTY_GENERAL").publicationEnd())
                .isEqualTo(longest);

        // The licence's revocation takes that penalty type out of the decision: the fine's own period applies again.
        submit(row("P_ADMIN_PENALTY_SERIOUS", person, licenceSource, number, decided, REVOKED_LICENCE, 2, "REVOKE")
                .replace("\"fields\"", "\"revocationReason\":\"吊销部分经复议撤销\",\"fields\""));
        FileEntry after = entry(creditFile.fileOf(subjectOf(person)), "P_ADMIN_PENALTY_GENERAL");
        assertThat(after.status()).isEqualTo(RecordStatus.ACTIVE);
        assertThat(after.publicationEnd()).isEqualTo(ownEnd);
    }

    /**
     * A revocation may leave out the decision number (it is the revoked version's): it takes its penalty type out of
     * the decision all the same, so the others get their own period back (RULES.md §4). The decision was read only from
     * rows that carried a number, so such a revocation left the fine on the licence's longer period.
     */
    @Test
    void aRevocationLeavingOutTheDecisionNumberGivesTheOthersTheirOwnPeriodBack() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "柏文远");
        String decided = LocalDate.now().minusMonths(2).toString();
        String number = "驻市监罚〔2026〕" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 100000) + "号";
        String licenceSource = "L-" + UUID.randomUUID();
        submit(row("P_ADMIN_PENALTY_GENERAL", person, "F-" + UUID.randomUUID(), number, decided, FINE, 1, "ADD"));
        LocalDate ownEnd = entry(creditFile.fileOf(subjectOf(person)), "P_ADMIN_PENALTY_GENERAL").publicationEnd();
        submit(row("P_ADMIN_PENALTY_SERIOUS", person, licenceSource, number, decided, REVOKED_LICENCE, 1, "ADD"));
        assertThat(entry(creditFile.fileOf(subjectOf(person)), "P_ADMIN_PENALTY_GENERAL").publicationEnd())
                .isAfter(ownEnd);

        submit("{\"itemCode\":\"P_ADMIN_PENALTY_SERIOUS\",\"subjectNumber\":\"" + person.number()
                + "\",\"subjectName\":\"" + person.name() + "\",\"version\":\"2\",\"action\":\"REVOKE\","
                + "\"sourceRecordId\":\"" + licenceSource + "\",\"revocationReason\":\"吊销部分经复议撤销\"}");
        List<FileEntry> file = creditFile.fileOf(subjectOf(person));
        assertThat(entry(file, "P_ADMIN_PENALTY_SERIOUS").decisionNumber()).as("the revoked version's")
                .isEqualTo(number);
        assertThat(entry(file, "P_ADMIN_PENALTY_GENERAL").publicationEnd()).isEqualTo(ownEnd);
    }

    @Test
    void aPenaltyTypeGraverThanItsItemIsRefusedOnItsRow() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "柏文华");
        String decided = LocalDate.now().minusMonths(1).toString();
        mvc.perform(post("/api/v1/submissions").header("Authorization", "Bearer " + marketKey)
                        .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"records\":[" + row("P_ADMIN_PENALTY_MINOR", person, "M-" + UUID.randomUUID(),
                                "驻市监罚〔2026〕9号", decided, REVOKED_LICENCE, 1, "ADD") + ","
                                + row("P_ADMIN_PENALTY_MINOR", person, "W-" + UUID.randomUUID(), "驻市监罚〔2026〕8号",
                                decided, FINE.replace("罚款", "警告"), 1, "ADD") + "]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.rejected").value(1))
                .andExpect(jsonPath("$.errors[0].line").value(1))
                .andExpect(jsonPath("$.errors[0].code").value("SEVERITY_BELOW_PENALTY_TYPE"))
                .andExpect(jsonPath("$.errors[0].field").value("fields.penalty_type"));
    }

    private void submit(String... rows) throws Exception {
        mvc.perform(post("/api/v1/submissions").header("Authorization", "Bearer " + marketKey)
                        .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"records\":[" + String.join(",", rows) + "]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(rows.length));
    }

    private UUID subjectOf(TestCitizens.Person person) {
        return subjects.find(subjects.validate(null, person.number())).orElseThrow();
    }

    private static FileEntry entry(List<FileEntry> file, String item) {
        return file.stream().filter(e -> e.itemCode().equals(item)).findFirst().orElseThrow();
    }

    private static String row(String item, TestCitizens.Person person, String source, String number, String date,
                              String fields, int version, String action) {
        return "{\"itemCode\":\"" + item + "\",\"subjectNumber\":\"" + person.number() + "\",\"subjectName\":\""
                + person.name() + "\",\"version\":\"" + version + "\",\"action\":\"" + action
                + "\",\"sourceRecordId\":\"" + source + "\",\"decisionNumber\":\"" + number + "\",\"decisionDate\":\""
                + date + "\",\"fields\":{" + fields + "}}";
    }
}
