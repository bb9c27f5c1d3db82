package cn.chengxin.subject.persistence;

import java.sql.Timestamp;
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

    private final JdbcClient jdbc;
    private final ResumablePasses passes;
    private final Clock clock;

    public JdbcMaskingPasses(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.passes = new ResumablePasses(jdbc, transactions, clock, "subject.masking_pass", "text_code",
                "text_version");
        this.clock = clock;
    }

    public ResumablePasses passes() {
        return passes;
    }

    /** Whether a pass is unfinished or its counts are still to be audited. */
    public boolean pending() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM subject.masking_pass WHERE audited_at IS NULL)")
                .query(Boolean.class).single();
    }

    /** What a pass did: texts read and texts masked. */
    public record Counts(String code, long read, long masked) {
    }

    /**
     * Once every pass has finished, marks those not audited yet as audited and returns their counts (empty while a
     * pass runs, or when all were audited): the caller records them in the same transaction, so once, whichever
     * instance gets there first.
     */
    public List<Counts> takeUnaudited() {
        return jdbc.sql("""
                        UPDATE subject.masking_pass SET audited_at = ?
                        WHERE audited_at IS NULL
                          AND NOT EXISTS (SELECT 1 FROM subject.masking_pass WHERE finished_at IS NULL)
                        RETURNING text_code, records_passed, holders_evaluated""")
                .param(Timestamp.from(clock.instant()))
                .query((rs, n) -> new Counts(rs.getString(1), rs.getLong(2), rs.getLong(3))).list();
    }
}
