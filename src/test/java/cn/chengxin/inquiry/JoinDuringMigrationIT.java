package cn.chengxin.inquiry;

import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import cn.chengxin.account.ApiClient;
import cn.chengxin.account.ApiClients;
import cn.chengxin.inquiry.domain.Consent;
import cn.chengxin.inquiry.domain.MigratedConsent;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.SubjectJoining;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.support.AsStaff;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.JoinRaces;
import cn.chengxin.support.JoinRaces.Pair;
import cn.chengxin.support.JoinRaces.Raced;
import cn.chengxin.support.TestCreditCodes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A join of a person's two files (合并信用档案) racing the carrying over of the older platform's consents (session xlvi,
 * engineer 4): each line's person is found by the number before the consent is stored in a transaction of its own. A
 * join committing in between has moved the joined subject's consents already; the consent carried over after must be
 * the kept subject's, or no institution finds it on the person's one file (98号 三(一); RULES.md §1, §9; issue #7).
 * Ordered with the database's own locks ({@link JoinRaces#duringApproval}).
 */
@IntegrationTest
class JoinDuringMigrationIT {

    private static final LocalDate BORN = LocalDate.of(1980, 10, 3);

    @Autowired
    MigratedConsents migrated;

    @Autowired
    Consents consents;

    @Autowired
    ApiClients apiClients;

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

    @Autowired
    Clock clock;

    @Test
    void aConsentOfTheJoinedNumberCarriedOverWhileTheJoinIsApprovedIsTheKeptSubjects() throws Exception {
        Pair pair = JoinRaces.pair(subjects, "迁移合并甲", BORN);
        String code = TestCreditCodes.next();
        String bank = "迁移合并银行" + UUID.randomUUID().toString().substring(0, 8);
        AsStaff.as("migration-race", () -> apiClients.issue("信贷系统", bank, ApiClient.Kind.INSTITUTION, null,
                Set.of(Permission.API_REPORT_QUERY), 6000, code));
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String csv = String.join(",", MigratedConsent.COLUMNS) + "\n" + pair.joinedNumber() + "," + code
                + ",LENDING," + now.minus(Duration.ofDays(3)) + "," + now.plus(Duration.ofDays(20)) + ",false,,\n";
        UUID proposal = JoinRaces.proposed(joining, pair);

        Raced<MigratedConsents.Imported> imported = JoinRaces.duringApproval(transactions, dataSource, joining,
                proposal, () -> migrated.importCsv(new StringReader(csv)));

        assertThat(imported.waited()).as("the line waited for the approval").isTrue();
        assertThat(imported.answer().migrated()).isEqualTo(1);
        assertThat(consents.of(pair.kept())).extracting(Consent::organisation).containsExactly(bank);
        assertThat(jdbc.sql("SELECT count(*) FROM inquiry.consent WHERE subject_id = ?").param(pair.joined())
                .query(Long.class).single() + jdbc.sql("SELECT count(*) FROM inquiry.migrated_consent"
                        + " WHERE subject_id = ?").param(pair.joined()).query(Long.class).single())
                .as("nothing under the joined id").isZero();
    }
}
