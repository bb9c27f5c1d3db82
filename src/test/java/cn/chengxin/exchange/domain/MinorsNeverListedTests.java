package cn.chengxin.exchange.domain;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MinorsNeverListedTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);
    private static final LocalDate BORN = LocalDate.of(2009, 6, 1);

    @Test
    void refusesABlackOrGreyEntryInForceForAPersonUnder18OnItsDecisionDate() {
        assertThat(MinorsNeverListed.refusal(entry("BLACK", "EFFECTIVE", LocalDate.of(2026, 3, 2)), 3, BORN, TODAY))
                .hasValueSatisfying(r -> assertThat(r.code()).isEqualTo("EXCHANGE_MINOR_LISTED"))
                .hasValueSatisfying(r -> assertThat(r.reason()).startsWith("messages[3]"));
        assertThat(MinorsNeverListed.refusal(entry("GREY", "EFFECTIVE", LocalDate.of(2026, 3, 2)), 0, BORN, TODAY))
                .isPresent();
    }

    @Test
    void aMinorAtTheDecisionStaysProtectedOnceOfAge() {
        LocalDate grownUpToday = LocalDate.of(2027, 7, 1);
        assertThat(MinorsNeverListed.refusal(entry("BLACK", "EFFECTIVE", LocalDate.of(2027, 5, 31)), 0, BORN,
                grownUpToday)).isPresent();
    }

    @Test
    void judgesByTheDayTheIssuerChangedItWithoutADecisionDateAndNeverByADayToCome() {
        assertThat(MinorsNeverListed.refusal(entry("BLACK", "EFFECTIVE", null), 0, BORN, TODAY)).isPresent();
        assertThat(MinorsNeverListed.refusal(entry("BLACK", "EFFECTIVE", LocalDate.of(2028, 1, 1)), 0, BORN, TODAY))
                .isPresent();
    }

    @Test
    void takesAnAdultsEntryARedEntryAnExitAndANumberWithoutABirthDate() {
        assertThat(MinorsNeverListed.refusal(entry("BLACK", "EFFECTIVE", LocalDate.of(2027, 6, 1)), 0, BORN,
                LocalDate.of(2027, 6, 2))).isEmpty();
        assertThat(MinorsNeverListed.refusal(entry("RED", "EFFECTIVE", LocalDate.of(2026, 3, 2)), 0, BORN, TODAY))
                .isEmpty();
        assertThat(MinorsNeverListed.refusal(entry("BLACK", "EXITED", LocalDate.of(2026, 3, 2)), 0, BORN, TODAY))
                .isEmpty();
        assertThat(MinorsNeverListed.refusal(entry("BLACK", "EFFECTIVE", LocalDate.of(2026, 3, 2)), 0, null, TODAY))
                .isEmpty();
    }

    private static ExchangeMessage entry(String listType, String status, LocalDate decided) {
        return new ExchangeMessage("411000", "list/1", 1, MessageKind.LIST_ENTRY, Instant.parse("2026-11-30T02:00:00Z"),
                new ExchangeMessage.Subject("RESIDENT_ID", "411000200906010011", "米小禾"), null, listType, null,
                decided == null ? null : new ExchangeMessage.Period(decided, null), status, false, "COURT", null,
                "依据", "信用411000", null);
    }
}
