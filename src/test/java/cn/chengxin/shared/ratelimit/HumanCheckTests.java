package cn.chengxin.shared.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;

import cn.chengxin.shared.CodedProblem;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.support.ChallengeQuestions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HumanCheckTests {

    private static final byte[] KEY = new byte[32];
    private static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");

    private final HumanCheck check = new HumanCheck("tipoff-challenge", KEY, Duration.ofMinutes(15), new Random(7));

    @Test
    void theRightAnswerPassesAndNamesTheNonceToRecord() {
        for (int i = 0; i < 200; i++) {
            HumanCheck.Challenge challenge = check.issue(NOW);
            int answer = ChallengeQuestions.solve(challenge.question());
            assertThat(answer).isBetween(0, 40);
            HumanCheck.Passed passed = check.check(challenge.token(), " " + answer + " ", NOW.plusSeconds(60));
            assertThat(challenge.token()).startsWith(passed.expiresAt().getEpochSecond() + "." + passed.nonce() + ".");
        }
    }

    /** An English page asks the same sum in English words: the Chinese numerals are no question to its reader. */
    @Test
    void anEnglishReaderIsAskedTheSameSumInEnglish() {
        java.util.List<String> words = java.util.List.of("zero", "one", "two", "three", "four", "five", "six", "seven",
                "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
                "eighteen", "nineteen", "twenty");
        for (int i = 0; i < 200; i++) {
            HumanCheck.Challenge challenge = check.issue(NOW);
            String english = challenge.questionIn(java.util.Locale.ENGLISH);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("What is (\\w+) (plus|minus) (\\w+)\\?")
                    .matcher(english);
            assertThat(m.matches()).as(english).isTrue();
            int a = words.indexOf(m.group(1));
            int b = words.indexOf(m.group(3));
            assertThat(a).isPositive();
            assertThat(b).isPositive();
            assertThat(m.group(2).equals("plus") ? a + b : a - b).isEqualTo(ChallengeQuestions.solve(challenge.question()));
            assertThat(challenge.questionIn(java.util.Locale.SIMPLIFIED_CHINESE)).isEqualTo(challenge.question())
                    .endsWith("等于多少？");
        }
    }

    @Test
    void aWrongAnswerFails() {
        HumanCheck.Challenge challenge = check.issue(NOW);
        int answer = ChallengeQuestions.solve(challenge.question());
        for (String wrong : new String[] {Integer.toString(answer + 1), "", "十二", "1e3", null}) {
            assertThatThrownBy(() -> check.check(challenge.token(), wrong, NOW))
                    .extracting(e -> ((DomainProblem) e).code()).isEqualTo("CHALLENGE_FAILED");
        }
    }

    @Test
    void anExpiredChallengeFails() {
        HumanCheck.Challenge challenge = check.issue(NOW);
        String answer = Integer.toString(ChallengeQuestions.solve(challenge.question()));
        assertThatThrownBy(() -> check.check(challenge.token(), answer, NOW.plus(Duration.ofMinutes(16))))
                .extracting(e -> ((DomainProblem) e).code()).isEqualTo("CHALLENGE_EXPIRED");
    }

    @Test
    void aTamperedOrForeignTokenFails() {
        HumanCheck.Challenge challenge = check.issue(NOW);
        String answer = Integer.toString(ChallengeQuestions.solve(challenge.question()));
        String[] parts = challenge.token().split("\\.");
        String later = (Long.parseLong(parts[0]) + 3600) + "." + parts[1] + "." + parts[2];
        assertThatThrownBy(() -> check.check(later, answer, NOW)).isInstanceOf(CodedProblem.class);
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        HumanCheck other = new HumanCheck("tipoff-challenge", otherKey, Duration.ofMinutes(15), new Random(7));
        assertThatThrownBy(() -> other.check(challenge.token(), answer, NOW)).isInstanceOf(CodedProblem.class);
        assertThatThrownBy(() -> check.check("garbage", answer, NOW)).isInstanceOf(CodedProblem.class);
    }

    /** The nonce to record as tried is read before any answer is checked, and an invented far expiry is refused. */
    @Test
    void aTokenIsReadWithItsNonceBeforeItsAnswerIsChecked() {
        HumanCheck.Challenge challenge = check.issue(NOW);
        HumanCheck.Token token = check.read(challenge.token(), NOW);
        assertThat(challenge.token()).startsWith(token.expires() + "." + token.nonce() + ".");
        assertThat(token.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
        int answer = ChallengeQuestions.solve(challenge.question());
        assertThatThrownBy(() -> check.check(token, Integer.toString(answer + 1)))
                .isInstanceOfSatisfying(CodedProblem.class, p -> assertThat(p.code()).isEqualTo("CHALLENGE_FAILED"));
        assertThat(check.check(token, Integer.toString(answer)).nonce()).isEqualTo(token.nonce());

        String[] parts = challenge.token().split("\\.");
        assertThatThrownBy(() -> check.read("99999999999." + parts[1] + "." + parts[2], NOW))
                .isInstanceOfSatisfying(CodedProblem.class, p -> assertThat(p.code()).isEqualTo("CHALLENGE_FAILED"));
    }

    @Test
    void numbersAreWrittenInChineseNumerals() {
        assertThat(HumanCheck.numeral(7)).isEqualTo("七");
        assertThat(HumanCheck.numeral(10)).isEqualTo("十");
        assertThat(HumanCheck.numeral(12)).isEqualTo("十二");
        assertThat(HumanCheck.numeral(20)).isEqualTo("二十");
    }
}
