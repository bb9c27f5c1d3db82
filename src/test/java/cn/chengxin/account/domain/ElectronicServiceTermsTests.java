package cn.chengxin.account.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ElectronicServiceTermsTests {

    private static final Instant AGREED = Instant.parse("2026-12-01T02:00:00Z");
    private static final Instant WITHDRAWN = Instant.parse("2026-12-05T02:00:00Z");

    @Test
    void anAgreementCoversTheMomentsFromItsSigningUntilItsWithdrawal() {
        List<ElectronicServiceTerms.Period> periods = List.of(new ElectronicServiceTerms.Period(AGREED, WITHDRAWN));
        assertThat(ElectronicServiceTerms.inForceAt(periods, AGREED.minusSeconds(1))).as("before signing").isFalse();
        assertThat(ElectronicServiceTerms.inForceAt(periods, AGREED)).as("the moment signed").isTrue();
        assertThat(ElectronicServiceTerms.inForceAt(periods, WITHDRAWN.minusSeconds(1))).isTrue();
        assertThat(ElectronicServiceTerms.inForceAt(periods, WITHDRAWN)).as("the moment withdrawn").isFalse();
        assertThat(ElectronicServiceTerms.inForceAt(List.of(), AGREED)).as("never agreed").isFalse();
    }

    @Test
    void anAgreementSignedAgainAfterAWithdrawalCoversOnlyFromItsOwnSigning() {
        Instant again = WITHDRAWN.plusSeconds(3600);
        List<ElectronicServiceTerms.Period> periods = List.of(new ElectronicServiceTerms.Period(AGREED, WITHDRAWN),
                new ElectronicServiceTerms.Period(again, null));
        assertThat(ElectronicServiceTerms.inForceAt(periods, WITHDRAWN.plusSeconds(60))).as("between the two").isFalse();
        assertThat(ElectronicServiceTerms.inForceAt(periods, again.plusSeconds(86_400L * 365))).as("in force").isTrue();
    }

    @Test
    void aConfirmationIsTickedAndOfTheTextInForce() {
        assertThat(ElectronicServiceTerms.problem(false, ElectronicServiceTerms.VERSION)).hasValueSatisfying(
                p -> assertThat(p).contains("请勾选"));
        assertThat(ElectronicServiceTerms.problem(true, "2000-01-01")).hasValueSatisfying(
                p -> assertThat(p).contains("已更新"));
        assertThat(ElectronicServiceTerms.problem(true, null)).isPresent();
        assertThat(ElectronicServiceTerms.problem(true, ElectronicServiceTerms.VERSION)).isEmpty();
    }

    /**
     * Review xliii X5 rest: the second text names the office by its setting (its first line takes it as {0}); the first
     * text, agreed by some, keeps its own first line; both share the lines not reworded; no text for a version never
     * shown. Paper of the second text may be signed from the day it was adopted.
     */
    @Test
    void eachVersionKeepsItsOwnText() {
        assertThat(ElectronicServiceTerms.VERSION).isNotEqualTo(ElectronicServiceTerms.FIRST_VERSION);
        List<String> first = ElectronicServiceTerms.lineKeys(ElectronicServiceTerms.FIRST_VERSION);
        List<String> current = ElectronicServiceTerms.lineKeys(ElectronicServiceTerms.VERSION);
        assertThat(first).hasSize(5).startsWith("me.eservice.terms.1");
        assertThat(current).hasSize(5).startsWith("me.eservice.terms.1.office");
        assertThat(current.subList(1, 5)).isEqualTo(first.subList(1, 5));
        assertThat(ElectronicServiceTerms.lineKeys("2000-01-01")).isEmpty();
        assertThat(ElectronicServiceTerms.lineKeys(null)).isEmpty();
        assertThat(ElectronicServiceTerms.ADOPTED).isEqualTo(LocalDate.parse("2026-12-07"));
    }

    /** A paper recorded at the window names the current text, a possible day and where it is archived. */
    @Test
    void aPaperConfirmationIsOfTheCurrentTextSignedOnAPossibleDayAndArchived() {
        LocalDate today = ElectronicServiceTerms.ADOPTED.plusDays(30);
        String v = ElectronicServiceTerms.VERSION;
        assertThat(ElectronicServiceTerms.paperProblem(v, today, "DZSD-2026-0001", today)).isEmpty();
        assertThat(ElectronicServiceTerms.paperProblem(v, ElectronicServiceTerms.ADOPTED, "A1", today))
                .as("signed the day the text was adopted").isEmpty();
        assertThat(ElectronicServiceTerms.paperProblem("2000-01-01", today, "A1", today)).as("another text")
                .hasValueSatisfying(p -> assertThat(p).contains("现行版本"));
        assertThat(ElectronicServiceTerms.paperProblem(v, today.plusDays(1), "A1", today)).as("signed tomorrow")
                .hasValueSatisfying(p -> assertThat(p).contains("签署"));
        assertThat(ElectronicServiceTerms.paperProblem(v, ElectronicServiceTerms.ADOPTED.minusDays(1), "A1", today))
                .as("before the text existed").isPresent();
        assertThat(ElectronicServiceTerms.paperProblem(v, null, "A1", today)).as("no day").isPresent();
        assertThat(ElectronicServiceTerms.paperProblem(v, today, "  ", today)).as("no archive number")
                .hasValueSatisfying(p -> assertThat(p).contains("归档编号"));
        assertThat(ElectronicServiceTerms.paperProblem(v, today, "x".repeat(65), today)).as("too long").isPresent();
    }
}
