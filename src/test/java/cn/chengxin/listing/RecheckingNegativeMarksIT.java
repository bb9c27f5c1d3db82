package cn.chengxin.listing;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import cn.chengxin.catalog.Catalogue;
import cn.chengxin.creditfile.CreditFile;
import cn.chengxin.creditfile.RecordAction;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.TestCitizens;
import cn.chengxin.support.TestRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue #5 on a database upgraded from before the mark counted only records in use (RULES.md §4, §7): a subject
 * whose only negative record had expired keeps the date marked before, and the green channel closed, until the
 * one-time pass started by V121 marks every dated subject again.
 */
@IntegrationTest
class RecheckingNegativeMarksIT {

    @Autowired
    RecheckingNegativeMarks rechecking;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    CreditFile creditFile;

    @Autowired
    Catalogue catalogue;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aMarkStoredBeforeCountingOnlyRecordsInUseIsRedoneOnceAndAMarkStillRightKeepsItsStamp() {
        UUID expired = registered("过期甲");
        UUID inUse = registered("在用乙");
        for (UUID subject : new UUID[] {expired, inUse}) {
            TestRecords.courtDefaulter(creditFile, catalogue, subject, "MR-" + UUID.randomUUID(), 1, RecordAction.ADD);
        }
        String expiredMark = subjects.pseudonymOf(expired).orElseThrow();
        String inUseMark = subjects.pseudonymOf(inUse).orElseThrow();
        await().atMost(Duration.ofSeconds(10)).until(() -> lastNegative(expiredMark) != null
                && lastNegative(inUseMark) != null);
        // As on a database from before 3efc30c: the record expired while the mark still counted expired records.
        jdbc.sql("UPDATE creditfile.record SET status = 'EXPIRED' WHERE subject_id = ?").param(expired).update();
        long inUseStamp = stamp(inUseMark);
        LocalDate inUseDate = lastNegative(inUseMark);
        restartThePass();

        // A chunk (3 marks in the tests) at a time until the dated marks, other tests' too, are passed.
        while (rechecking.nextChunk()) {
            assertThat(passFinished()).isFalse();
        }
        await().atMost(Duration.ofSeconds(20)).until(this::passFinished);

        assertThat(lastNegative(expiredMark)).as("no negative record in use: the green channel opens").isNull();
        assertThat(lastNegative(inUseMark)).as("the record in use still counts").isEqualTo(inUseDate);
        assertThat(stamp(inUseMark)).as("unchanged: the check index has nothing to re-read").isEqualTo(inUseStamp);
        assertThat(rechecking.run()).as("the pass is over: a second run passes nothing").isZero();
        assertThat(rechecking.stalled()).isEmpty();
    }

    /** The pass as V121 starts it on an upgraded database, whatever the tests before made of it. */
    private void restartThePass() {
        jdbc.sql("""
                        UPDATE listing.catch_up_pass SET after_pseudonym = NULL, finished_at = NULL,
                            progressed_at = now() WHERE job_code = ? AND job_version = ?""")
                .params(RecheckingNegativeMarks.JOB, RecheckingNegativeMarks.VERSION).update();
    }

    private boolean passFinished() {
        return jdbc.sql("SELECT finished_at IS NOT NULL FROM listing.catch_up_pass "
                        + "WHERE job_code = ? AND job_version = ?")
                .params(RecheckingNegativeMarks.JOB, RecheckingNegativeMarks.VERSION).query(Boolean.class).single();
    }

    private LocalDate lastNegative(String pseudonym) {
        return jdbc.sql("SELECT last_negative FROM listing.negative_mark WHERE subject_pseudonym = ?").param(pseudonym)
                .query((rs, n) -> rs.getObject(1, LocalDate.class)).optional().orElse(null);
    }

    private long stamp(String pseudonym) {
        return jdbc.sql("SELECT change_seq FROM listing.negative_mark WHERE subject_pseudonym = ?").param(pseudonym)
                .query(Long.class).single();
    }

    private UUID registered(String name) {
        String number = TestCitizens.register(subjects, name).number();
        return subjects.find(subjects.validate(null, number)).orElseThrow();
    }
}
