package cn.chengxin.creditfile;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.account.ApiClient;
import cn.chengxin.account.ApiClients;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.TestCitizens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Retention (RULES.md §4): negative information is kept 5 years from the end of the act where the record states it,
 * and longer while a serious-dishonesty list entry rests on it; the nightly archiving is run here on moved days.
 */
@IntegrationTest
class RetentionExtendedIT {

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

    @Autowired
    JdbcClient jdbc;

    private String marketKey;

    @BeforeEach
    void client() {
        UUID market = directory.departments().stream().filter(d -> d.code().equals("MARKET")).findFirst()
                .orElseThrow().id();
        marketKey = apiClients.issue("MARKET 报送系统", "MARKET", ApiClient.Kind.DEPARTMENT, market,
                Set.of(Permission.RECORD_SUBMIT), 6000).key();
    }

    @Test
    void retentionCountsFromTheDayTheActEndedWhereTheRecordStatesIt() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "鲍文斌");
        LocalDate decided = LocalDate.now().minusMonths(2);
        LocalDate ended = decided.plusMonths(8); // the detention served, the fine paid: after the decision
        submit(person, decided, ",\"ended_on\":\"" + ended + "\"");
        UUID subject = subjectOf(person);

        creditFile.applyWindows(decided.plusYears(5).plusDays(1));
        assertThat(creditFile.fileOf(subject).get(0).status()).as("five years from the decision are not enough")
                .isEqualTo(RecordStatus.EXPIRED);
        creditFile.applyWindows(ended.plusYears(5));
        assertThat(creditFile.fileOf(subject).get(0).status()).as("kept on the last day")
                .isEqualTo(RecordStatus.EXPIRED);
        creditFile.applyWindows(ended.plusYears(5).plusDays(1));
        assertThat(creditFile.fileOf(subject).get(0).status()).isEqualTo(RecordStatus.ARCHIVED);
    }

    @Test
    void aRecordUnderAnOpenBlackListEntryIsKeptUntilTheEntryExits() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "鲍文娟");
        LocalDate decided = LocalDate.now().minusMonths(2);
        submit(person, decided, "");
        UUID subject = subjectOf(person);
        UUID recordKey = creditFile.fileOf(subject).get(0).recordKey();
        UUID entry = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO listing.entry (id, list_type, subject_id, subject_pseudonym, subject_name,
                                                   subject_kind, masked_number, record_key, department_code,
                                                   legal_basis, reasons, status, proposed_by, proposed_at,
                                                   effective_from)
                        VALUES (?, 'BLACK', ?, 'test', '鲍文娟', 'PERSON', '4117****', ?, 'MARKET', '依据', '理由',
                                'EFFECTIVE', 'test', now(), now())""")
                .params(entry, subject, recordKey).update();
        LocalDate past = decided.plusYears(5).plusDays(1);

        creditFile.applyWindows(past);
        assertThat(creditFile.fileOf(subject).get(0).status()).as("kept while the subject stays listed")
                .isEqualTo(RecordStatus.EXPIRED);

        jdbc.sql("UPDATE listing.entry SET status = 'EXITED', exited_at = now(), exit_reason = '期满移出' WHERE id = ?")
                .param(entry).update();
        creditFile.applyWindows(past.plusDays(1));
        assertThat(creditFile.fileOf(subject).get(0).status()).as("archived the first night after the exit")
                .isEqualTo(RecordStatus.ARCHIVED);
    }

    private void submit(TestCitizens.Person person, LocalDate decided, String more) throws Exception {
        String row = "{\"itemCode\":\"P_ADMIN_PENALTY_GENERAL\",\"subjectNumber\":\"" + person.number()
                + "\",\"subjectName\":\"" + person.name() + "\",\"sourceRecordId\":\"R-" + UUID.randomUUID()
                + "\",\"decisionNumber\":\"驻市监罚〔2026〕" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1000)
                + "号\",\"decisionDate\":\"" + decided + "\",\"fields\":{\"penalty_type\":\"罚款\",\"facts\":\"无证经营\","
                + "\"basis\":\"某条例\",\"authority\":\"驻马店市市场监督管理局\"" + more + "}}";
        mvc.perform(post("/api/v1/submissions").header("Authorization", "Bearer " + marketKey)
                        .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"records\":[" + row + "]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(1));
    }

    private UUID subjectOf(TestCitizens.Person person) {
        return subjects.find(subjects.validate(null, person.number())).orElseThrow();
    }
}
