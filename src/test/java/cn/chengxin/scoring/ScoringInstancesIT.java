package cn.chengxin.scoring;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.account.ApiClients;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.catalog.Catalogue;
import cn.chengxin.creditfile.CreditFile;
import cn.chengxin.exchange.Exchange;
import cn.chengxin.listing.Listing;
import cn.chengxin.scoring.domain.CompiledModel;
import cn.chengxin.scoring.domain.ScoreCalculator;
import cn.chengxin.scoring.domain.ScoreModel;
import cn.chengxin.scoring.domain.ScoreSheet;
import cn.chengxin.scoring.persistence.JdbcRangeScores;
import cn.chengxin.scoring.persistence.JdbcScores;
import cn.chengxin.subject.NewPerson;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.ResidencyKind;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.TestCitizens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import static cn.chengxin.support.AsStaff.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Finding N1 (gaps-review-xxxiii): several instances serve one database, and each scores with the model active as
 * stored, not the one it first read. A second {@link Scoring} over the same store stands for another instance.
 */
@IntegrationTest
class ScoringInstancesIT {

    @Autowired
    Scoring scoring;

    @Autowired
    ModelAssessments assessments;

    @Autowired
    JdbcScores store;

    @Autowired
    JdbcRangeScores rangeStore;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    CreditFile creditFile;

    @Autowired
    Catalogue catalogue;

    @Autowired
    Listing listing;

    @Autowired
    Exchange exchange;

    @Autowired
    AuditLog audit;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    Clock clock;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ApiClients apiClients;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ScoringJobs jobs;

    @Autowired
    cn.chengxin.shared.jdbc.ClusterJobs clusterJobs;

    @Autowired
    RescoringHolders rescoring;

    @Autowired
    ScoreReviews reviews;

    /**
     * N5 of gaps-review-xxxiii: the 01:30 recompute fires on every instance; the one that takes the night runs it, the
     * other leaves it (before, each recomputed every score), and the night is recorded as ended when the run ends.
     */
    @Test
    void theNightlyRecomputeIsTakenByOneInstance() {
        Scoring otherScoring = otherScoring();
        ScoringJobs other = otherJobs(otherScoring);
        LocalDate night = nextNight();

        assertThat(jobs.recomputeOnce(night)).as("this instance takes the night").isTrue();
        assertThat(other.recomputeOnce(night)).as("the other leaves it").isFalse();
        assertThat(otherScoring.progress().startedAt())
                .as("none started on the other, whose page shows the night the first took, as stored")
                .isEqualTo(clusterJobs.progress(ScoringJobs.RECOMPUTE_JOB).orElseThrow().claimedAt());
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("SELECT finished_at IS NOT NULL FROM "
                + "shared.cluster_job WHERE job = ?").param(ScoringJobs.RECOMPUTE_JOB).query(Boolean.class).single());
        assertThat(other.recomputeOnce(night)).as("nor later in the night").isFalse();
        assertThat(jobs.recomputeOnce(night)).isFalse();
    }

    /**
     * N5 of gaps-review-xxxiii (rest): an instance that took the night's recompute dies mid-run. While its claim holds
     * nobody takes the night; once it lapses another instance's tick takes the run over from the ranges not done
     * (here: after the last person id, so nobody is left, and the count goes on from the dead run's), and the page of
     * an instance that ran nothing shows the progress stored in the database. Before, the night was left undone.
     */
    @Test
    void aRecomputeWhoseInstanceDiedIsFinishedByAnother() {
        await().atMost(Duration.ofSeconds(60)).until(() -> !scoring.progress().running());
        ScoringJobs other = otherJobs(otherScoring());
        LocalDate night = nextNight();
        // The dying instance took the night and got through every range but the last ones, then stopped answering.
        var dead = clusterJobs.claim(ScoringJobs.RECOMPUTE_JOB, night, ScoringJobs.RECOMPUTE_HOLD).orElseThrow();
        assertThat(clusterJobs.checkpoint(dead, "ffffffff-ffff-ffff-ffff-ffffffffffff", 1_000_000, 1_000_001,
                ScoringJobs.RECOMPUTE_HOLD)).isTrue();
        assertThat(other.takeOverRecompute()).as("its claim still holds").isFalse();

        jdbc.sql("UPDATE shared.cluster_job SET claimed_until = ? WHERE job = ?")
                .params(java.sql.Timestamp.from(clock.instant().minusSeconds(1)), ScoringJobs.RECOMPUTE_JOB).update();
        assertThat(other.takeOverRecompute()).as("lapsed: taken over").isTrue();
        assertThat(jobs.takeOverRecompute()).as("by one instance").isFalse();
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("SELECT finished_at IS NOT NULL FROM "
                + "shared.cluster_job WHERE job = ?").param(ScoringJobs.RECOMPUTE_JOB).query(Boolean.class).single());

        assertThat(clusterJobs.checkpoint(dead, "x", 1, 1, ScoringJobs.RECOMPUTE_HOLD))
                .as("the dead run, were it to wake, is told to stop").isFalse();
        Scoring.Progress shown = scoring.progress();
        assertThat(shown.running()).isFalse();
        assertThat(shown.done()).as("resumed, not restarted: the dead run's count, nobody after the last id")
                .isEqualTo(1_000_000);
        assertThat(shown.finishedAt()).isNotNull();
        assertThat(jobs.recomputeOnce(night)).as("the night is done").isFalse();
    }

    @Test
    void aModelApprovedOnOneInstanceScoresOnTheOtherAndNoScoreIsStoredUnderTheRetiredOne() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> !scoring.progress().running());
        Scoring other = otherScoring();
        ScoreModel was = other.activeModel().model();
        UUID first = resident("甄一实");
        other.rescore(Set.of(first));
        assertThat(modelsOf(first)).containsExactly(was.code() + " v" + was.version());

        ScoreModel next = was.code().equals(ScoreModel.weihai().code()) ? ScoreModel.fiveLabels()
                : ScoreModel.weihai();
        int version = activate(next);
        try {
            // The other instance compiled the old model and was told nothing; its next pass uses the new one.
            UUID later = resident("甄二实");
            other.rescore(Set.of(later));
            assertThat(modelsOf(later)).containsExactly(next.code() + " v" + version);
            assertThat(other.activeModel().model().version()).isEqualTo(version);
            assertThat(other.scoreOf(later).orElseThrow().modelVersion()).isEqualTo(version);

            // A pass computed under the retired model (begun before the approval) stores nothing.
            UUID third = resident("甄三实");
            JdbcScores.Row stale = new JdbcScores.Row(third, was.code(), was.version(), 1000, "A", "A", null, null,
                    "411702", 1971, List.of(), List.of());
            assertThat(store.storeIfActive(was.code(), was.version(), List.of(stale), clock.instant())).isEmpty();
            assertThat(modelsOf(third)).doesNotContain(was.code() + " v" + was.version());
            // Nor a recompute's range compiled from it.
            CompiledModel retired = ScoreCalculator.compile(was);
            ScoreSheet sheet = retired.sheet();
            retired.begin(sheet, LocalDate.now(clock));
            retired.compute(sheet);
            var range = rangeStore.begin(null, null, retired, clock.instant());
            range.scored(third, "411702", 1971, sheet);
            assertThat(rangeStore.write(range)).isEmpty();
            assertThat(modelsOf(third)).doesNotContain(was.code() + " v" + was.version());
        } finally {
            // The other tests score with the model that was active.
            activate(was);
        }
    }

    /** A {@link Scoring} of another instance over the same store. */
    private Scoring otherScoring() {
        return new Scoring(store, rangeStore, subjects, creditFile, catalogue, listing, exchange, audit, events, clock,
                transactions, apiClients, clusterJobs, assessments);
    }

    /** That instance's jobs, running its passes on the calling thread. */
    private ScoringJobs otherJobs(Scoring otherScoring) {
        return new ScoringJobs(otherScoring, rescoring, Runnable::run, reviews, clock, clusterJobs, "0 30 1 * * *");
    }

    /** A night no test has recomputed yet. */
    private LocalDate nextNight() {
        return clusterJobs.lastDay(ScoringJobs.RECOMPUTE_JOB).map(d -> d.doneThrough().plusDays(1))
                .filter(d -> d.isAfter(LocalDate.now(clock))).orElse(LocalDate.now(clock));
    }

    private List<String> modelsOf(UUID subject) {
        return jdbc.sql("SELECT model_code || ' v' || model_version FROM scoring.score WHERE subject_id = ?")
                .param(subject).query(String.class).list();
    }

    /** Proposes the model and has a second person approve it (on the first instance); waits for its recompute. */
    private int activate(ScoreModel model) throws Exception {
        int version = as("model-maker", () -> scoring.propose(model));
        Assessed.record(assessments, model.code(), version);
        as("model-checker", () -> {
            scoring.approve(model.code(), version, "同意");
            return null;
        });
        await().atMost(Duration.ofSeconds(120)).until(() -> !scoring.progress().running());
        return version;
    }

    private UUID resident(String name) {
        LocalDate birth = LocalDate.of(1971, 8, 19);
        String first17 = "411702" + birth.toString().replace("-", "")
                + String.format("%03d", Math.floorMod(UUID.randomUUID().hashCode(), 1000));
        return subjects.registerPerson(new NewPerson(subjects.validate(DocumentType.RESIDENT_ID,
                TestCitizens.withCheckCharacter(first17)), name, null, null,
                List.of(new NewPerson.Residence(ResidencyKind.HOUSEHOLD, "411702", birth)), List.of(), false));
    }
}
