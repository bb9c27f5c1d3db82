package cn.chengxin.platform.monitoring;

import cn.chengxin.shared.JobOutcome;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gaps review xlii W5: a failed run's message is kept for the office's page, never with an identity or phone number in
 * clear, on one line, and short.
 */
class JobRunRecordsTests {

    @Test
    void aFailuresMessageIsKeptMaskedOnOneLineAndShort() {
        String kept = JobRunRecords.message(new IllegalStateException(
                "no file for 11010519491231002X,\r\nphone 13912345678\tand passport E12345678"));
        assertThat(kept).doesNotContain("11010519491231002X", "13912345678", "\n", "\r", "\t")
                .startsWith("no file for 1101").contains("002X");

        assertThat(JobRunRecords.message(new IllegalStateException("x".repeat(1000))))
                .hasSize(JobRunRecords.MESSAGE).endsWith("…");
        assertThat(JobRunRecords.message(new IllegalStateException((String) null))).isNull();
    }

    /** W5 rest: a failure a job caught to go on is kept with its step and how many more failed, masked as any. */
    @Test
    void aCaughtFailureIsKeptWithItsStepMaskedAndTheCountOfTheOthers() {
        assertThat(JobRunRecords.message(new JobOutcome.Caught("activation",
                new IllegalStateException("no entry for 11010519491231002X"), 3)))
                .startsWith("activation: no entry for 1101").endsWith("002X (+2)")
                .doesNotContain("11010519491231002X");
        assertThat(JobRunRecords.message(new JobOutcome.Caught("expiry", new IllegalStateException(), 1)))
                .isEqualTo("expiry: IllegalStateException");
    }
}
