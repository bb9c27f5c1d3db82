package cn.chengxin.portal;

import java.util.UUID;

import cn.chengxin.portal.tipoff.domain.HumanCheck;
import cn.chengxin.portal.tipoff.domain.TipOffStatus;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.support.ChallengeQuestions;
import cn.chengxin.support.ClearIdentityNumbers;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.TestCitizens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Tip-offs from the public on the real database: the limit, the challenge, the number never kept in clear. */
@IntegrationTest
class TipOffDeskIT {

    private static final java.util.regex.Pattern RECEIPT =
            java.util.regex.Pattern.compile("data-field=\"receipt-code\">([A-Z2-7]{12})<");

    @Autowired
    MockMvc mvc;

    @Autowired
    TipOffDesk desk;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAddressThatFilesTooManyIsAnswered429UntilTheWindowPasses() throws Exception {
        String address = "203.0.113." + (1 + (int) (System.nanoTime() % 200));
        for (int i = 0; i < desk.settings().limit(); i++) {
            file(address, "某培训机构", "", "收取学费后停业，拒不退费，涉及学员众多。").andExpect(status().isOk());
        }
        file(address, "某培训机构", "", "收取学费后停业，拒不退费，涉及学员众多。")
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", matchesPattern("\\d+")))
                .andExpect(content().string(containsString("TOO_MANY_TIPOFFS")));
        file("198.51.100." + (1 + (int) (System.nanoTime() % 200)), "某培训机构", "", "收取学费后停业，拒不退费。")
                .andExpect(status().isOk());
    }

    @Test
    void aWrongOrReplayedAnswerIsRefusedAndTheFormIsShownAgain() throws Exception {
        HumanCheck.Challenge challenge = desk.challenge();
        String right = Integer.toString(ChallengeQuestions.solve(challenge.question()));
        String wrong = Integer.toString(ChallengeQuestions.solve(challenge.question()) + 1);
        send(address(), challenge, wrong, "某公司", "", "长期拖欠供应商货款，拒不履行判决。")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("CHALLENGE_FAILED")));
        send(address(), challenge, right, "某公司", "", "长期拖欠供应商货款，拒不履行判决。").andExpect(status().isOk());
        send(address(), challenge, right, "某公司", "", "长期拖欠供应商货款，拒不履行判决。")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("CHALLENGE_USED")));
    }

    @Test
    void aReportedIdentityNumberIsKeptOnlyAsPseudonymAndMaskedAndNeverEchoed() throws Exception {
        TestCitizens.Person person = TestCitizens.register(subjects, "冯国强");
        String page = file(address(), "冯国强", person.number(), "冒用他人名义骗取补贴，金额较大。")
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(person.number()))))
                .andReturn().getResponse().getContentAsString();
        java.util.regex.Matcher m = RECEIPT.matcher(page);
        assertThat(m.find()).isTrue();
        String receipt = m.group(1);

        String pseudonym = subjects.pseudonymOf(subjects.validate(null, person.number()));
        TipOff stored = desk.all(TipOffStatus.RECEIVED).stream()
                .filter(t -> pseudonym.equals(t.subjectPseudonym())).findFirst().orElseThrow();
        assertThat(stored.subjectMasked()).isEqualTo(person.number().substring(0, 4) + "**********"
                + person.number().substring(14));
        assertThat(stored.subjectId()).isNotNull();
        assertThat(stored.anonymous()).isTrue();
        assertThat(ClearIdentityNumbers.inDatabase(jdbc)).isEmpty();

        // A malformed number is refused with its code and not sent back.
        String bad = TestCitizens.withWrongCheckCharacter(person.number());
        file(address(), "冯国强", bad, "冒用他人名义骗取补贴，金额较大。")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("ID_CHECKSUM")))
                .andExpect(content().string(not(containsString(bad))));

        // The office answers; the reporter sees status and answer with the receipt code, nothing else.
        mvc.perform(get("/console/tipoffs/{id}", stored.id()).with(handler()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(stored.subjectMasked())))
                .andExpect(content().string(not(containsString(person.number()))));
        mvc.perform(post("/console/tipoffs/{id}", stored.id()).with(handler()).with(csrf())
                        .param("version", Integer.toString(stored.version())).param("status", "RESOLVED")
                        .param("reply", "x"))
                .andExpect(status().is3xxRedirection());
        assertThat(desk.progress(receipt).orElseThrow().status()).as("RECEIVED cannot jump to RESOLVED")
                .isEqualTo(TipOffStatus.RECEIVED);
        mvc.perform(post("/console/tipoffs/{id}", stored.id()).with(handler()).with(csrf())
                        .param("version", Integer.toString(stored.version())).param("status", "ACCEPTED")
                        .param("reply", "已受理，<b>正在核查</b>。"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/tipoffs/status").param("code", receipt.toLowerCase()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已受理")))
                .andExpect(content().string(containsString("&lt;b&gt;正在核查&lt;/b&gt;")))
                .andExpect(content().string(not(containsString("冒用他人名义"))))
                .andExpect(content().string(not(containsString(stored.subjectMasked()))));
        mvc.perform(get("/tipoffs/status").param("code", "' OR 1=1 --")).andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'tipoff.view' AND subject_pseudonym = ?")
                .param(pseudonym).query(Long.class).single()).isEqualTo(1);
        assertThat(ClearIdentityNumbers.inDatabase(jdbc)).isEmpty();
    }

    private ResultActions file(String address, String subjectName, String number, String facts) throws Exception {
        HumanCheck.Challenge challenge = desk.challenge();
        return send(address, challenge, Integer.toString(ChallengeQuestions.solve(challenge.question())),
                subjectName, number, facts);
    }

    private ResultActions send(String address, HumanCheck.Challenge challenge, String answer, String subjectName,
                               String number, String facts) throws Exception {
        return mvc.perform(post("/tipoffs")
                .with(csrf()).with(from(address)).param("subjectName", subjectName).param("subjectNumber", number)
                .param("facts", facts).param("challengeToken", challenge.token()).param("challengeAnswer", answer));
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static String address() {
        return "192.0.2." + (1 + Math.floorMod(UUID.randomUUID().hashCode(), 250));
    }

    private static RequestPostProcessor handler() {
        return user("handler").authorities(new SimpleGrantedAuthority("STAFF"),
                new SimpleGrantedAuthority("tipoff:handle"));
    }
}
