package cn.chengxin.repair;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import cn.chengxin.account.ApiClients;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.subject.SubjectJoining;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.support.AsStaff;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.JoinRaces;
import cn.chengxin.support.JoinRaces.Pair;
import cn.chengxin.support.JoinRaces.Raced;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A join of a person's two files (合并信用档案) racing a repair application filed at the window (窗口代办) by the joined
 * number (session xlvi, engineer 4): the application, its commitment and its materials are written under the subject the
 * number finds. A join committing between the finding and the writing would leave them under the retired id, off the
 * person's one file (98号 三(一); RULES.md §1, §6; issue #8). Ordered with the database's own locks
 * ({@link JoinRaces#duringApproval}).
 */
@IntegrationTest
class JoinDuringRepairIT {

    private static final LocalDate BORN = LocalDate.of(1982, 5, 9);
    private static final byte[] PDF = "%PDF-1.4\n% 缴款凭证（测试）\n".getBytes(StandardCharsets.UTF_8);

    @Autowired
    Repairs repairs;

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

    @Test
    void aCounterApplicationByTheJoinedNumberWhileTheJoinIsApprovedIsTheKeptSubjects() throws Exception {
        Pair pair = JoinRaces.pair(subjects, "修复合并甲", BORN);
        JoinRaces.penaltyOfJoined(mvc, apiClients, directory, pair, "驻市监罚〔2026〕861号",
                LocalDate.now().minusMonths(4));
        UUID proposal = JoinRaces.proposed(joining, pair);

        Raced<UUID> applied = JoinRaces.duringApproval(transactions, dataSource, joining, proposal,
                () -> AsStaff.as("repair-race", () -> repairs.applyAtCounter(pair.joinedNumber(), null,
                        "驻市监罚〔2026〕861号", "已缴纳罚款", pair.name(),
                        List.of(new Repairs.Upload("PROOF", "缴款凭证.pdf", PDF)))));

        assertThat(applied.waited()).as("the application waited for the approval").isTrue();
        RepairApplication application = repairs.find(applied.answer());
        assertThat(application.subjectId()).isEqualTo(pair.kept());
        assertThat(jdbc.sql("SELECT subject_id FROM commitment.commitment WHERE id = ?")
                .param(application.commitmentId()).query(UUID.class).single()).isEqualTo(pair.kept());
        assertThat(repairs.of(pair.joined())).as("no application under the joined id").isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM commitment.commitment WHERE subject_id = ?").param(pair.joined())
                .query(Long.class).single()).as("no commitment under the joined id").isZero();
    }
}
