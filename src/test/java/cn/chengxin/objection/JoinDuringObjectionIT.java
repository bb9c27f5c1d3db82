package cn.chengxin.objection;

import java.time.LocalDate;
import java.util.UUID;

import javax.sql.DataSource;

import cn.chengxin.account.ApiClients;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.creditfile.RecordProceeding;
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
 * A join of a person's two files (合并信用档案) racing an objection (异议) filed at the window by the joined number
 * (session xlvi, engineer 4): the record objected to is found under the joined subject before the case is written. A join
 * committing in between has moved the record to the kept file; the case must follow it there, with the record marked
 * 异议中, and not be lost under the retired id or refused (98号 三(一); RULES.md §1, §5; issue #8). Ordered with the
 * database's own locks ({@link JoinRaces#duringApproval}).
 */
@IntegrationTest
class JoinDuringObjectionIT {

    private static final LocalDate BORN = LocalDate.of(1981, 8, 30);

    @Autowired
    Objections objections;

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
    void anObjectionFiledByTheJoinedNumberWhileTheJoinIsApprovedIsTheKeptSubjects() throws Exception {
        Pair pair = JoinRaces.pair(subjects, "异议合并甲", BORN);
        JoinRaces.penaltyOfJoined(mvc, apiClients, directory, pair, "驻市监罚〔2026〕862号",
                LocalDate.now().minusMonths(1));
        UUID proposal = JoinRaces.proposed(joining, pair);

        Raced<UUID> filed = JoinRaces.duringApproval(transactions, dataSource, joining, proposal,
                () -> AsStaff.as("objection-race", () -> objections.fileAtCounter(pair.joinedNumber(), null,
                        "驻市监罚〔2026〕862号", "罚款已于决定前缴清，记录有误")));

        assertThat(filed.waited()).as("the filing waited for the approval").isTrue();
        UUID id = filed.answer();
        assertThat(jdbc.sql("SELECT subject_id FROM objection.objection WHERE id = ?").param(id).query(UUID.class)
                .single()).isEqualTo(pair.kept());
        assertThat(jdbc.sql("SELECT status FROM creditfile.record"
                        + " WHERE subject_id = ? AND decision_number = ? AND current")
                .params(pair.kept(), "驻市监罚〔2026〕862号").query(String.class).list())
                .as("the kept file's record is marked").containsOnly("IN_DISPUTE");
        assertThat(jdbc.sql("SELECT count(*) FROM objection.objection WHERE subject_id = ?").param(pair.joined())
                .query(Long.class).single()).as("no case under the joined id").isZero();
    }

    /** A review or lawsuit flagged at the window by the joined number (行政复议中) follows the record likewise. */
    @Test
    void aProceedingFlaggedByTheJoinedNumberWhileTheJoinIsApprovedIsOnTheKeptSubjectsRecord() throws Exception {
        Pair pair = JoinRaces.pair(subjects, "复议合并乙", BORN);
        JoinRaces.penaltyOfJoined(mvc, apiClients, directory, pair, "驻市监罚〔2026〕863号",
                LocalDate.now().minusMonths(1));
        UUID proposal = JoinRaces.proposed(joining, pair);

        Raced<UUID> flagged = JoinRaces.duringApproval(transactions, dataSource, joining, proposal,
                () -> AsStaff.as("proceeding-race", () -> objections.flagProceeding(pair.joinedNumber(), null,
                        "驻市监罚〔2026〕863号", RecordProceeding.Kind.ADMINISTRATIVE_REVIEW, "驻马店市人民政府 复议〔2026〕12号")));

        assertThat(flagged.waited()).as("the flag waited for the approval").isTrue();
        UUID id = flagged.answer();
        assertThat(jdbc.sql("SELECT subject_id FROM creditfile.record_proceeding WHERE id = ?").param(id)
                .query(UUID.class).single()).isEqualTo(pair.kept());
        assertThat(jdbc.sql("SELECT count(*) FROM creditfile.record_proceeding WHERE subject_id = ?")
                .param(pair.joined()).query(Long.class).single()).as("no flag under the joined id").isZero();
    }
}
