package cn.chengxin.objection.domain;

import java.time.LocalDate;
import java.util.List;

import cn.chengxin.shared.CodedProblem;
import cn.chengxin.shared.EarlierReceipt;
import cn.chengxin.shared.calendar.WorkingCalendar;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Review X7: the old system's day of receipt a clerk may give, checked against today and the 20-day ceiling. */
class EarlierReceiptTests {

    private final WorkingCalendar calendar = new WorkingCalendar(List.of());
    private final ObjectionDeadlines deadlines = ObjectionDeadlines.defaults();
    private final LocalDate today = LocalDate.of(2026, 12, 7); // a Monday

    @Test
    void noDayIsACaseReceivedToday() {
        assertThat(deadlines.earlierReceipt(null, "  ", today, calendar)).isNull();
    }

    @Test
    void aDayWithinTheCeilingIsKeptWithItsReferenceMasked() {
        EarlierReceipt r = deadlines.earlierReceipt(LocalDate.of(2026, 12, 3), " 旧异〔2026〕88号 ", today, calendar);
        assertThat(r.receivedOn()).isEqualTo(LocalDate.of(2026, 12, 3));
        assertThat(r.reference()).isEqualTo("旧异〔2026〕88号");
        assertThat(deadlines.earlierReceipt(today, "A-1", today, calendar).receivedOn()).isEqualTo(today);
        assertThat(deadlines.earlierReceipt(LocalDate.of(2026, 12, 1), "A-110105199003070017", today, calendar)
                .reference()).doesNotContain("110105199003070017");
    }

    @Test
    void aDayInTheFutureOrPastTheCeilingIsRefused() {
        assertThat(code(today.plusDays(1), "A-1")).isEqualTo("OBJECTION_EARLIER_RECEIPT_DAY");
        // Received 17 November: its 20 days end on 7 December (a Monday), so today is still within them; the 16th's
        // ended on Sunday 6 December, moved back to Friday the 4th.
        assertThat(deadlines.earlierReceipt(LocalDate.of(2026, 11, 17), "A-1", today, calendar)).isNotNull();
        assertThat(code(LocalDate.of(2026, 11, 16), "A-1")).isEqualTo("OBJECTION_EARLIER_RECEIPT_DAY");
    }

    @Test
    void aDayAndAReferenceGoTogether() {
        assertThat(code(LocalDate.of(2026, 12, 3), " ")).isEqualTo("OBJECTION_EARLIER_RECEIPT_REFERENCE");
        assertThat(code(LocalDate.of(2026, 12, 3), "x".repeat(EarlierReceipt.MAX_REFERENCE + 1)))
                .isEqualTo("OBJECTION_EARLIER_RECEIPT_REFERENCE");
        assertThat(code(null, "A-1")).isEqualTo("OBJECTION_EARLIER_RECEIPT_DAY");
    }

    private String code(LocalDate day, String reference) {
        return catchThrowableOfType(CodedProblem.class,
                () -> deadlines.earlierReceipt(day, reference, today, calendar)).code();
    }
}
