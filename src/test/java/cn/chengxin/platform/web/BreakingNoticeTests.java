package cn.chengxin.platform.web;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gaps review xliv Y5: a breaking change of {@code /api/v1} announced from {@link BreakingNotice#POLICY_FROM} on takes
 * effect at least 30 days later, or at once only for a rule of RULES.md; until its day the old form stays.
 */
class BreakingNoticeTests {

    private static final String CHANGELOG = """
            # Changelog

            ## 2026-12-20

            ### `Answer.at` is gone — **breaking**

            **Effective:** 2027-01-19 (the old field served until then)

            ### `GET /lifted` is gone — **breaking**

            **Effective:** 2027-01-05

            ### A leak closed: `Answer.number` is gone — **breaking**

            **Immediate:** RULES.md §10 (a number shown in clear)

            ### `Answer.grade` is gone — **breaking**

            **Immediate:** a client asked for it

            ### `Answer.kind` is gone — **breaking**

            Nothing said.

            ### `Answer.extra` added — compatible

            ## 2026-12-06

            ### `Answer.status=CLEAN` is gone — **breaking**
            """;

    @Test
    void aBreakingEntryNeedsThirtyDaysNoticeOrARuleOfRulesMd() {
        assertThat(BreakingNotice.violations(CHANGELOG)).hasSize(3)
                .anySatisfy(v -> assertThat(v).contains("`GET /lifted`").contains("less than 30 days"))
                .anySatisfy(v -> assertThat(v).contains("`Answer.grade`").contains("neither"))
                .anySatisfy(v -> assertThat(v).contains("`Answer.kind`").contains("neither"))
                .noneSatisfy(v -> assertThat(v).contains("CLEAN"));
    }

    @Test
    void aChangeIsPendingUntilItsEffectiveDay() {
        assertThat(BreakingNotice.pending(CHANGELOG, LocalDate.parse("2027-01-04")))
                .containsKeys("Answer.at", "GET /lifted").doesNotContainKeys("Answer.number", "Answer.status=CLEAN");
        assertThat(BreakingNotice.pending(CHANGELOG, LocalDate.parse("2027-01-18"))).containsOnlyKeys("Answer.at");
        assertThat(BreakingNotice.pending(CHANGELOG, LocalDate.parse("2027-01-19"))).isEmpty();
    }
}
