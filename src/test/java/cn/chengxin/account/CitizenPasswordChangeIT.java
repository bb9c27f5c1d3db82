package cn.chengxin.account;

import java.util.Map;
import java.util.UUID;

import cn.chengxin.account.domain.Lockout;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.TestCitizens;
import cn.chengxin.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 修改密码 in the self-service pages (issue #3): the current password is required and a wrong one counts toward the
 * lockout, the new one follows registration's rules, and a change ends the citizen's other sessions but not this one.
 */
@IntegrationTest
class CitizenPasswordChangeIT {

    @LocalServerPort
    int port;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    CitizenAccounts citizens;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theNewPasswordSignsInTheOldNoLongerAndOtherSessionsEnd() {
        TestCitizens.Person person = withAccount("卫改密", "Wei-Gaimi-2026");
        WebClient elsewhere = signedIn(person, "Wei-Gaimi-2026");
        WebClient here = signedIn(person, "Wei-Gaimi-2026");
        assertThat(here.get("/me").body()).contains("href=\"/me/password\"");
        assertThat(here.get("/me/password").status()).isEqualTo(200);

        WebClient.Page done = here.post("/me/password", Map.of("current", "Wei-Gaimi-2026",
                "password", "Wei-Xinmima-2026", "repeat", "Wei-Xinmima-2026"));

        assertThat(done.redirectsTo("/me/password")).as(done.toString()).isTrue();
        assertThat(here.follow(done).body()).contains("密码已修改");
        assertThat(here.get("/me").status()).as("the session that changed it stays signed in").isEqualTo(200);
        assertThat(elsewhere.get("/me").redirectsTo("/me/login")).as("the other session has ended").isTrue();
        assertThat(citizens.login(person.phone(), "Wei-Gaimi-2026"))
                .isInstanceOf(CitizenAccounts.LoginOutcome.Refused.class);
        assertThat(citizens.login(person.phone(), "Wei-Xinmima-2026"))
                .isInstanceOf(CitizenAccounts.LoginOutcome.Passed.class);
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'account.citizen.password' "
                + "AND subject_pseudonym = ? AND result = 'SUCCESS'").param(pseudonymOf(person)).query(Long.class)
                .single()).isEqualTo(1);
    }

    @Test
    void aWrongCurrentPasswordIsRefusedAndCountsTowardTheLockout() {
        TestCitizens.Person person = withAccount("卫错密", "Wei-Cuomi-2026");
        WebClient web = signedIn(person, "Wei-Cuomi-2026");
        web.get("/me/password");

        WebClient.Page refused = web.post("/me/password", Map.of("current", "Wrong-Guess-2026",
                "password", "Wei-Xinmima-2026", "repeat", "Wei-Xinmima-2026"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("CURRENT_PASSWORD_WRONG");
        assertThat(failedAttempts(person)).as("counted as a failed sign-in").isEqualTo(1);
        for (int i = 1; i < Lockout.MAX_FAILURES - 1; i++) {
            web.post("/me/password", Map.of("current", "Wrong-Guess-" + i, "password", "Wei-Xinmima-2026",
                    "repeat", "Wei-Xinmima-2026"));
        }
        WebClient.Page locked = web.post("/me/password", Map.of("current", "Wrong-Guess-last",
                "password", "Wei-Xinmima-2026", "repeat", "Wei-Xinmima-2026"));
        assertThat(locked.redirectsTo("/me/login?locked")).as(locked.toString()).isTrue();
        assertThat(web.get("/me").redirectsTo("/me/login")).as("the session ended with the lock").isTrue();
        assertThat(citizens.login(person.phone(), "Wei-Cuomi-2026"))
                .isInstanceOf(CitizenAccounts.LoginOutcome.Locked.class);
    }

    /** The services word refusals in Chinese; the English site says them by their code in English. */
    @Test
    void aRefusalIsSaidInTheReadersLanguage() {
        TestCitizens.Person person = withAccount("卫英文", "Wei-Yingwen-2026");
        WebClient web = signedIn(person, "Wei-Yingwen-2026");
        web.get("/me/password");

        WebClient.Page chinese = web.post("/me/password", Map.of("current", "Wrong-Guess-2026",
                "password", "Wei-Xinmima-2026", "repeat", "Wei-Xinmima-2026", "lang", "zh-CN"));
        WebClient.Page english = web.post("/me/password", Map.of("current", "Wrong-Guess-2026",
                "password", "Wei-Xinmima-2026", "repeat", "Wei-Xinmima-2026", "lang", "en"));

        assertThat(chinese.body()).contains("CURRENT_PASSWORD_WRONG").contains("当前密码不正确")
                .doesNotContain("The current password is wrong");
        assertThat(english.body()).contains("CURRENT_PASSWORD_WRONG").contains("The current password is wrong")
                .doesNotContain("当前密码不正确");
    }

    @Test
    void aWeakNewPasswordIsRefusedAndTheOldOneStays() {
        TestCitizens.Person person = withAccount("卫弱密", "Wei-Ruomi-2026");
        WebClient web = signedIn(person, "Wei-Ruomi-2026");
        web.get("/me/password");

        WebClient.Page shortOne = web.post("/me/password", Map.of("current", "Wei-Ruomi-2026",
                "password", "short", "repeat", "short"));
        WebClient.Page phone = web.post("/me/password", Map.of("current", "Wei-Ruomi-2026",
                "password", "Ab!" + person.phone(), "repeat", "Ab!" + person.phone()));
        WebClient.Page differ = web.post("/me/password", Map.of("current", "Wei-Ruomi-2026",
                "password", "Wei-Xinmima-2026", "repeat", "Wei-Xinmima-2027"));

        assertThat(shortOne.status()).isEqualTo(422);
        assertThat(shortOne.body()).contains("PASSWORD_TOO_SHORT");
        assertThat(phone.body()).contains("PASSWORD_CONTAINS_USERNAME");
        assertThat(differ.body()).contains("PASSWORDS_DIFFER");
        assertThat(failedAttempts(person)).as("the current password was right").isZero();
        assertThat(citizens.login(person.phone(), "Wei-Ruomi-2026"))
                .isInstanceOf(CitizenAccounts.LoginOutcome.Passed.class);
    }

    private WebClient signedIn(TestCitizens.Person person, String password) {
        WebClient web = new WebClient(port);
        web.get("/me/login");
        assertThat(web.post("/me/login", Map.of("username", person.phone(), "password", password))
                .redirectsTo("/me")).isTrue();
        return web;
    }

    private TestCitizens.Person withAccount(String name, String password) {
        TestCitizens.Person person = TestCitizens.register(subjects, name);
        UUID subject = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, person.number())).orElseThrow();
        assertThat(citizens.registerVerified(subject, person.phone(), password)).isPresent();
        return person;
    }

    private String pseudonymOf(TestCitizens.Person person) {
        return subjects.pseudonymOf(subjects.validate(DocumentType.RESIDENT_ID, person.number()));
    }

    private long failedAttempts(TestCitizens.Person person) {
        return jdbc.sql("SELECT failed_attempts FROM account.citizen WHERE subject_pseudonym = ?")
                .param(pseudonymOf(person)).query(Long.class).single();
    }
}
