package cn.chengxin.portal;

import java.time.LocalDate;
import java.util.UUID;

import javax.sql.DataSource;

import cn.chengxin.shared.ratelimit.HumanCheck;
import cn.chengxin.subject.SubjectJoining;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.support.ChallengeQuestions;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.JoinRaces;
import cn.chengxin.support.JoinRaces.Pair;
import cn.chengxin.support.JoinRaces.Raced;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A join of a person's two files (合并信用档案) racing a tip-off (举报) naming the joined number (session xlvi, engineer
 * 4): the tip-off is kept under the subject the number finds, and its pseudonym. A join committing between the finding
 * and the storing would leave it under the retired id, where the office handling the kept file never sees it (98号
 * 三(一); RULES.md §1; issue #5). Ordered with the database's own locks ({@link JoinRaces#duringApproval}).
 */
@IntegrationTest
class JoinDuringTipOffIT {

    private static final LocalDate BORN = LocalDate.of(1985, 4, 12);

    @Autowired
    TipOffDesk desk;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    SubjectJoining joining;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aTipOffNamingTheJoinedNumberWhileTheJoinIsApprovedIsTheKeptSubjects() throws Exception {
        Pair pair = JoinRaces.pair(subjects, "举报合并甲", BORN);
        String keptPseudonym = subjects.pseudonymOf(pair.kept()).orElseThrow();
        String joinedPseudonym = subjects.pseudonymOf(pair.joined()).orElseThrow();
        UUID proposal = JoinRaces.proposed(joining, pair);
        HumanCheck.Challenge challenge = desk.challenge();
        FileTipOff form = new FileTipOff(pair.name(), null, pair.joinedNumber(), "收取学员学费后停业，拒不退费，涉及三十余人。",
                "", "", challenge.token(), Integer.toString(ChallengeQuestions.solve(challenge.question())));
        String client = "203.0.113." + (1 + Math.floorMod(UUID.randomUUID().hashCode(), 250));

        Raced<String> filed = JoinRaces.duringApproval(transactions, dataSource, joining, proposal,
                () -> desk.file(client, form));

        assertThat(filed.waited()).as("the tip-off waited for the approval").isTrue();
        assertThat(filed.answer()).isNotBlank();
        assertThat(jdbc.sql("""
                        SELECT subject_id || ' ' || subject_pseudonym FROM portal.tipoff
                         WHERE subject_id IN (?, ?) OR subject_pseudonym IN (?, ?)""")
                .params(pair.kept(), pair.joined(), keptPseudonym, joinedPseudonym).query(String.class).list())
                .containsExactly(pair.kept() + " " + keptPseudonym);
    }
}
