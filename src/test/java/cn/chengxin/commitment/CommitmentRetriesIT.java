package cn.chengxin.commitment;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.account.ApiClient;
import cn.chengxin.account.ApiClients;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.support.AtOnce;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.TestCitizens;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Gaps review xxxiii N11 (issue #8: a commitment signed once is one record): a department's window system that sends a
 * commitment again after a network error records it once — under the same Idempotency-Key, or under the same
 * reference for the same subject — so that its due date makes one 信用承诺信息 record, not two.
 */
@IntegrationTest
class CommitmentRetriesIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    ApiClients apiClients;

    @Autowired
    StaffDirectory directory;

    @Autowired
    Commitments commitments;

    @Test
    void theSameKeyTwiceRecordsOneCommitment() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "苗重发");
        String hrss = client("HRSS");
        String key = UUID.randomUUID().toString();
        String body = body(person.number(), null, "本人承诺十日内补交学历证明。");

        String first = record(hrss, key, body).andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "false")).andReturn().getResponse()
                .getContentAsString();
        String again = record(hrss, key, body).andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true")).andReturn().getResponse()
                .getContentAsString();

        assertThat((String) JsonPath.read(again, "$.id")).isEqualTo(JsonPath.read(first, "$.id"));
        assertThat(commitments.of(subjectId(person))).hasSize(1);
        record(hrss, key, body(person.number(), null, "本人承诺五日内补交学历证明。"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("IDEMPOTENCY_KEY_CONFLICT"));
        record(client("HRSS"), key, body).andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "false"));
        assertThat(commitments.of(subjectId(person))).as("the key is the client's own").hasSize(2);
    }

    /**
     * A reference names the matter: the same reference sent again for the subject is the commitment recorded (with
     * another key, or none), another text under it is refused, and another subject's commitment for the same matter
     * is its own.
     */
    @Test
    void theSameReferenceForTheSubjectIsOneCommitment() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "苗同号");
        TestCitizens.Person other = TestCitizens.register(subjects, "苗另人");
        String hrss = client("HRSS");
        String reference = "人社容缺〔2026〕" + UUID.randomUUID().toString().substring(0, 8);
        String body = body(person.number(), reference, "本人承诺三十日内补交职业资格证书原件。");

        String first = record(hrss, null, body).andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "false")).andReturn().getResponse()
                .getContentAsString();
        String again = record(hrss, UUID.randomUUID().toString(), body).andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true")).andReturn().getResponse()
                .getContentAsString();
        assertThat((String) JsonPath.read(again, "$.id")).isEqualTo(JsonPath.read(first, "$.id"));
        record(hrss, null, body(person.number(), reference, "本人承诺六十日内补交。"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("COMMITMENT_REFERENCE_CONFLICT"));
        assertThat(commitments.of(subjectId(person))).hasSize(1);

        record(hrss, null, body(other.number(), reference, "本人承诺三十日内补交职业资格证书原件。"))
                .andExpect(status().isCreated()).andExpect(header().string("Idempotent-Replayed", "false"));
        assertThat(commitments.of(subjectId(other))).hasSize(1);
    }

    @Test
    void twoRequestsWithOneKeyAtOnceRecordOneCommitment() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "苗并发");
        String hrss = client("HRSS");
        String key = UUID.randomUUID().toString();
        String body = body(person.number(), null, "本人承诺所填工作经历真实。");
        List<MockHttpServletResponse> answers = AtOnce.twice(() -> record(hrss, key, body).andReturn().getResponse());

        assertThat(List.of(answers.get(0).getStatus(), answers.get(1).getStatus())).containsOnly(201);
        assertThat((String) JsonPath.read(answers.get(0).getContentAsString(), "$.id"))
                .isEqualTo(JsonPath.read(answers.get(1).getContentAsString(), "$.id"));
        assertThat(commitments.of(subjectId(person))).hasSize(1);
    }

    private UUID subjectId(TestCitizens.Person person) {
        return subjects.find(subjects.validate(DocumentType.RESIDENT_ID, person.number())).orElseThrow();
    }

    private static String body(String number, String reference, String text) {
        return "{\"subjectNumber\":\"" + number + "\",\"kind\":\"TOLERANCE\",\"text\":\"" + text + "\","
                + (reference == null ? "" : "\"reference\":\"" + reference + "\",")
                + "\"due\":\"" + LocalDate.now().plusMonths(3) + "\"}";
    }

    private ResultActions record(String apiKey, String idempotencyKey, String json) throws Exception {
        var request = post("/api/v1/commitments").header("Authorization", "Bearer " + apiKey)
                .contentType(MediaType.APPLICATION_JSON).content(json);
        return mvc.perform(idempotencyKey == null ? request : request.header("Idempotency-Key", idempotencyKey));
    }

    private String client(String department) {
        UUID id = directory.departments().stream().filter(d -> d.code().equals(department)).findFirst().orElseThrow()
                .id();
        return apiClients.issue(department + " 承诺重发", department, ApiClient.Kind.DEPARTMENT, id,
                Set.of(Permission.RECORD_SUBMIT), 600).key();
    }
}
