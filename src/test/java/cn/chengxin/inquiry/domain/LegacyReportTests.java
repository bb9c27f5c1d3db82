package cn.chengxin.inquiry.domain;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Gaps review xliii X6 (a): a legacy report verifies by its code as typed, through its last day, never after. */
class LegacyReportTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    @Test
    void aRowIsTakenAsTypedFromThePaperAndValidThroughItsLastDay() {
        LegacyReport.Row row = LegacyReport.row(2, List.of(" jx-001 ", "ab12 cd34", "2026-11-07", "2026-12-07"),
                "旧平台", TODAY);
        assertThat(row.refusal()).isNull();
        LegacyReport report = row.report();
        assertThat(report.number()).isEqualTo("JX001");
        assertThat(report.codeSm3()).hasSize(64).doesNotContain("AB12");
        assertThat(report.codeMatches("AB12-CD34")).isTrue();
        assertThat(report.codeMatches("AB12CD35")).isFalse();
        assertThat(report.verifiedOn(TODAY).valid()).as("its last day").isTrue();
        assertThat(report.verifiedOn(TODAY.plusDays(1)).valid()).isFalse();
        assertThat(LegacyReport.codeDigest("JX002", "AB12CD34")).as("salted by the number")
                .isNotEqualTo(report.codeSm3());
    }

    @Test
    void aRowIssuedLaterThanTodayOrEndingBeforeItsIssueIsRefusedWithItsLine() {
        assertThat(LegacyReport.row(7, List.of("JX1", "AB12CD34", "2026-12-08", "2026-12-31"), "旧平台", TODAY)
                .refusal()).isEqualTo(new RowRefusal(7, "issued_on: after today"));
        assertThat(LegacyReport.row(8, List.of("JX1", "AB12CD34", "2026-12-01", "2026-11-30"), "旧平台", TODAY)
                .refusal()).isEqualTo(new RowRefusal(8, "valid_until: before issued_on"));
        assertThat(LegacyReport.row(9, List.of("JX/1", "AB12CD34", "2026-12-01", "2026-12-30"), "旧平台", TODAY)
                .refusal().reason()).startsWith("number:");
    }
}
