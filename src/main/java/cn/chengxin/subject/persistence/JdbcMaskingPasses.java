package cn.chengxin.subject.persistence;

import java.time.Clock;
import java.util.List;

import cn.chengxin.shared.jdbc.ResumablePasses;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The one-time passes that mask identity numbers in citizens' texts stored before they were masked on writing
 * ({@code subject.masking_pass}, V117): a pass per column of texts, and whether its counts were audited.
 */
@Repository
public class JdbcMaskingPasses {

    private final ResumablePasses passes;

    public JdbcMaskingPasses(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.passes = new ResumablePasses(jdbc, transactions, clock, "subject.masking_pass", "text_code",
                "text_version");
    }

    public ResumablePasses passes() {
        return passes;
    }

    /** Whether a pass is unfinished or its counts are still to be audited. */
    public boolean pending() {
        return passes.awaitingAudit();
    }

    /** What a pass did: texts read and texts masked. */
    public record Counts(String code, long read, long masked) {
    }

    /** The counts of the passes not audited yet, once every pass has finished: {@link ResumablePasses#takeUnaudited()}. */
    public List<Counts> takeUnaudited() {
        return passes.takeUnaudited().stream()
                .map(pass -> new Counts(pass.code(), pass.recordsPassed(), pass.holdersEvaluated())).toList();
    }
}
