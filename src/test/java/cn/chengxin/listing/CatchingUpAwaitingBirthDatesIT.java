package cn.chengxin.listing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import cn.chengxin.catalog.Catalogue;
import cn.chengxin.creditfile.CreditFile;
import cn.chengxin.creditfile.RecordAction;
import cn.chengxin.subject.NewPerson;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.TestRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue #5 on a database upgraded from before V71: a passport holder refused a black-list entry for want of a birth
 * date before the refusals were kept is on no list of whose date to complete, until the one-time pass started by
 * V84 evaluates the persons without a birth date again.
 */
@IntegrationTest
class CatchingUpAwaitingBirthDatesIT {

    @Autowired
    CatchingUpAwaitingBirthDates catchingUp;

    @Autowired
    Listing listing;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    CreditFile creditFile;

    @Autowired
    Catalogue catalogue;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ListingJobs jobs;

    @Test
    void aPersonRefusedForWantOfABirthDateBeforeV71IsListedOnceByTheCatchUp() {
        UUID holder = passportHolder();
        TestRecords.courtDefaulter(creditFile, catalogue, holder, "PP-" + UUID.randomUUID(), 1, RecordAction.ADD);
        await().atMost(Duration.ofSeconds(10)).until(() -> !awaiting(holder).isEmpty());
        // As on a database from before V71: the refusal left no row.
        jdbc.sql("DELETE FROM listing.awaiting_birth_date WHERE subject_id = ?").param(holder).update();
        restartThePass();

        // Nobody runs it: the listing's tick takes it up once it has not moved for a while after the start.
        assertThat(catchingUp.stalled()).isNotEmpty();
        jobs.tick();
        await().atMost(Duration.ofSeconds(20)).until(() -> passFinished());

        assertThat(awaiting(holder)).as("the credit office now sees whose date to complete").singleElement()
                .satisfies(a -> {
                    assertThat(a.listType()).isEqualTo(ListType.BLACK);
                    assertThat(a.ruleCode()).isEqualTo("BLACK_COURT_DEFAULTER");
                });
        assertThat(listing.entriesOf(holder)).as("still refused: the age is unknown").isEmpty();
        assertThat(catchingUp.run()).as("the pass is over: a second run passes nothing").isZero();
        Instant since = awaiting(holder).get(0).since();

        restartThePass();
        catchingUp.run();

        assertThat(awaiting(holder)).as("run again: nothing added, the row kept as it was").singleElement()
                .extracting(AwaitingBirthDate::since).isEqualTo(since);
        assertThat(listing.entriesOf(holder)).isEmpty();
    }

    /**
     * The pass as V84 starts it on an upgraded database and finds it at the tick minutes after the start, whatever the
     * tests before made of it.
     */
    private void restartThePass() {
        jdbc.sql("""
                        UPDATE listing.catch_up_pass SET after_record = NULL, finished_at = NULL,
                            progressed_at = now() - interval '1 hour' WHERE job_code = ?""")
                .param(CatchingUpAwaitingBirthDates.JOB).update();
    }

    private boolean passFinished() {
        return jdbc.sql("SELECT finished_at IS NOT NULL FROM listing.catch_up_pass WHERE job_code = ?")
                .param(CatchingUpAwaitingBirthDates.JOB).query(Boolean.class).single();
    }

    private List<AwaitingBirthDate> awaiting(UUID subject) {
        return listing.awaitingBirthDate(10_000).stream().filter(a -> a.subjectId().equals(subject)).toList();
    }

    private UUID passportHolder() {
        String passport = "E" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        return subjects.registerPerson(new NewPerson(subjects.validate(DocumentType.PASSPORT, passport), "JONES MARY",
                null, null, List.of(), List.of(), false));
    }
}
