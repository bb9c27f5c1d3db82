package cn.chengxin.shared;

import java.time.Instant;

/**
 * A nightly job's run ended on an instance (gaps review xlii W5 rest): published by the record of runs for every job
 * scheduled at most twice a day, succeeded or failed, with nothing due or not, so that the audit log holds one
 * PROCESSING entry a job, instance and night — "ran, nothing due" and "never ran" no longer look alike there, as they
 * already did not on the 后台作业 page ({@code shared.job_run} is not the tamper-evident log).
 *
 * @param job          the job, {@code Class.method}
 * @param instance     the instance that ran it (its pid@host)
 * @param failureClass the exception's class when the run failed (thrown, or caught and said), else {@code null}
 * @param amount       what the run did, as it said it; {@code null} when it said nothing
 */
public record NightlyRunEnded(String job, String instance, Instant startedAt, Instant endedAt, String failureClass,
                              Long amount) {

    public boolean failed() {
        return failureClass != null;
    }
}
