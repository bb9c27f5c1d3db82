package cn.chengxin.commitment;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import cn.chengxin.account.ApiClient;
import cn.chengxin.account.ApiClients;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.commitment.domain.CommitmentKind;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.SubjectJoining;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.support.AsStaff;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.JoinRaces;
import cn.chengxin.support.JoinRaces.Pair;
import cn.chengxin.support.JoinRaces.Raced;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A join of a person's two files (合并信用档案) racing a commitment (信用承诺) signed under the joined subject (session
 * xlvi, engineer 4): the signer is found before the commitment's transaction, by the citizen's account or by the number
 * a department sends. A join approved in between has moved the joined subject's commitments already; the one signed
 * after must be the kept subject's, not stay under the retired id (98号 三(一); RULES.md §1; issue #8). Ordered with
 * the database's own locks ({@link JoinRaces#duringApproval}).
 */
@IntegrationTest
class JoinWhileCommittingIT {

    private static final LocalDate BORN = LocalDate.of(1983, 2, 17);

    @Autowired
    Commitments commitments;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    SubjectJoining joining;

    @Autowired
    ApiClients apiClients;

    @Autowired
    StaffDirectory directory;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactions;

    /** A repair commitment signed by the joined subject while the join is approved is the kept subject's. */
    @Test
    void aCommitmentSignedByTheJoinedSubjectWhileTheJoinIsApprovedIsTheKeptSubjects() throws Exception {
        Pair pair = JoinRaces.pair(subjects, "承诺合并甲", BORN);
        UUID proposal = JoinRaces.proposed(joining, pair);

        Raced<Commitment> signed = JoinRaces.duringApproval(transactions, dataSource, joining, proposal,
                () -> AsStaff.as("commit-race", () -> commitments.sign(pair.joined(), CommitmentKind.REPAIR,
                        "本人承诺已纠正失信行为，所交材料真实。", "信用修复申请 合并", null, null, "本人")));

        assertThat(signed.waited()).as("found before the approval, the signing waited for it").isTrue();
        assertThat(signed.answer().subjectId()).isEqualTo(pair.kept());
        assertOnKeptOnly(pair, signed.answer().id());
    }

    /** A department's commitment naming the joined number, received while the join is approved, is the kept one's. */
    @Test
    void aDepartmentsCommitmentNamingTheJoinedNumberWhileTheJoinIsApprovedIsTheKeptSubjects() throws Exception {
        Pair pair = JoinRaces.pair(subjects, "承诺合并乙", BORN);
        UUID proposal = JoinRaces.proposed(joining, pair);
        UUID hrss = directory.departments().stream().filter(d -> d.code().equals("HRSS")).findFirst().orElseThrow()
                .id();
        String key = apiClients.issue("HRSS 承诺合并", "HRSS", ApiClient.Kind.DEPARTMENT, hrss,
                Set.of(Permission.RECORD_SUBMIT), 600).key();
        String json = "{\"subjectNumber\":\"" + pair.joinedNumber() + "\",\"kind\":\"APPROVAL_SUBSTITUTE\","
                + "\"text\":\"本人承诺所提交的职业资格证书真实有效，如有虚假愿承担法律责任。\","
                + "\"reference\":\"人社许可〔2026〕" + (100 + Math.floorMod(pair.hashCode(), 800)) + "号\","
                + "\"due\":\"" + LocalDate.now().plusMonths(6) + "\"}";

        Raced<String> recorded = JoinRaces.duringApproval(transactions, dataSource, joining, proposal,
                () -> mvc.perform(post("/api/v1/commitments").header("Authorization", "Bearer " + key)
                        .contentType(MediaType.APPLICATION_JSON).content(json)).andReturn().getResponse()
                        .getContentAsString());

        assertThat(recorded.waited()).as("found before the approval, the recording waited for it").isTrue();
        UUID id = UUID.fromString(JsonPath.read(recorded.answer(), "$.id"));
        assertThat(commitments.find(id).subjectId()).isEqualTo(pair.kept());
        assertOnKeptOnly(pair, id);
    }

    private void assertOnKeptOnly(Pair pair, UUID id) {
        assertThat(commitments.of(pair.kept())).extracting(Commitment::id).contains(id);
        assertThat(jdbc.sql("SELECT count(*) FROM commitment.commitment WHERE subject_id = ?").param(pair.joined())
                .query(Long.class).single()).as("nothing under the joined id").isZero();
    }
}
