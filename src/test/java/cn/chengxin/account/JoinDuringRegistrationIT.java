package cn.chengxin.account;

import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import cn.chengxin.subject.SubjectJoining;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.JoinRaces;
import cn.chengxin.support.JoinRaces.Pair;
import cn.chengxin.support.TestCitizens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A join of a person's two files (合并信用档案) racing the person's registration (实名注册) by the joined number (session
 * xlvi, engineer 4): the person is found when the code is texted, and the account bound to that subject when the code
 * comes back, minutes later. A join committing in between has moved the joined subject's account rows already; the
 * account created after must be the kept subject's, or the person signs in to an empty file under the retired id
 * (98号 三(一); RULES.md §1, §9; issue #3).
 */
@IntegrationTest
class JoinDuringRegistrationIT {

    private static final LocalDate BORN = LocalDate.of(1988, 12, 1);
    private static final Pattern CODE = Pattern.compile("验证码为 (\\d{6})");

    @Autowired
    CitizenAccounts citizens;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    SubjectJoining joining;

    @Autowired
    DevSmsGateway sms;

    @Autowired
    SmsDispatch dispatch;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactions;

    /**
     * The code is texted while the join is approved, the person found under the joined number as it still was; the
     * approval commits; the code typed after binds the account to the kept subject, with the kept subject's pseudonym.
     */
    @Test
    void anAccountRegisteredByTheJoinedNumberAcrossTheJoinIsTheKeptSubjects() throws Exception {
        Pair pair = JoinRaces.pair(subjects, "注册合并甲", BORN);
        String phone = TestCitizens.phoneOf(subjects, subjects.validate(null, pair.joinedNumber()));
        String keptPseudonym = subjects.pseudonymOf(pair.kept()).orElseThrow();
        UUID proposal = JoinRaces.proposed(joining, pair);

        UUID registration = JoinRaces.duringApproval(transactions, dataSource, joining, proposal,
                () -> citizens.startRegistration(pair.joinedNumber(), pair.name(), phone, "Zhuce-Hebing-2026"))
                .answer();
        citizens.completeRegistration(registration, codeTextedTo(phone));

        assertThat(jdbc.sql("SELECT subject_id || ' ' || subject_pseudonym FROM account.citizen"
                        + " WHERE subject_id IN (?, ?)").params(pair.kept(), pair.joined()).query(String.class).list())
                .containsExactly(pair.kept() + " " + keptPseudonym);
        assertThat(citizens.login(phone, "Zhuce-Hebing-2026")).isInstanceOf(CitizenAccounts.LoginOutcome.Passed.class);
    }

    private String codeTextedTo(String phone) {
        assertThat(dispatch.awaitIdle(java.time.Duration.ofSeconds(10))).as("texts handed over are sent").isTrue();
        String masked = DevSmsGateway.maskPhone(phone);
        Matcher code = CODE.matcher(sms.recent().stream()
                .filter(m -> m.maskedPhone().equals(masked) && m.text().contains("实名注册验证码")).findFirst()
                .orElseThrow().text());
        assertThat(code.find()).isTrue();
        return code.group(1);
    }
}
