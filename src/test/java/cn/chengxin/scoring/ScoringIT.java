package cn.chengxin.scoring;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.account.ApiClient;
import cn.chengxin.account.ApiClients;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.catalog.Catalogue;
import cn.chengxin.catalog.domain.ItemDefinition;
import cn.chengxin.creditfile.CreditFile;
import cn.chengxin.listing.ListType;
import cn.chengxin.listing.Listing;
import cn.chengxin.scoring.domain.BenefitDefinition;
import cn.chengxin.scoring.domain.ScoreModel;
import cn.chengxin.scoring.persistence.JdbcScores;
import cn.chengxin.shared.jdbc.ResumablePasses;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.NewPerson;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.ResidencyKind;
import cn.chengxin.support.CatalogueVersions;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Principals;
import cn.chengxin.support.TestCitizens;
import cn.chengxin.support.TestRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;

import static cn.chengxin.support.AsStaff.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue #6 on PostgreSQL: a penalty moves the score within seconds and is the explanation; its end (publication
 * over, moved date) brings the score back; a model switch recomputes everyone and keeps the history; minors are not
 * scored; bad models are refused; the black list closes the benefits.
 */
@IntegrationTest
class ScoringIT {

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private static int next = 100;

    @Autowired
    MockMvc mvc;

    @Autowired
    MessageSource messages;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    Scoring scoring;

    @Autowired
    ModelAssessments assessments;

    @Autowired
    CreditFile creditFile;

    @Autowired
    Listing listing;

    @Autowired
    Catalogue catalogue;

    @Autowired
    ApiClients apiClients;

    @Autowired
    ProvidedBenefits provided;

    @Autowired
    StaffDirectory directory;

    @Autowired
    tools.jackson.databind.json.JsonMapper json;

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    RescoringHolders rescoring;

    @Autowired
    JdbcScores scores;

    @Autowired
    cn.chengxin.account.Notices notices;

    @Autowired
    cn.chengxin.account.NoticeWording noticeWording;

    @Autowired
    ScoringJobs jobs;

    @Autowired
    java.time.Clock clock;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @org.springframework.beans.factory.annotation.Value("${chengxin.scoring.rescoring-chunk}")
    int rescoringChunk;

    @Test
    void aPenaltyMovesTheScoreItsEndBringsItBackAndAModelSwitchKeepsTheHistory() throws Exception {
        Resident r = resident(LocalDate.of(1985, 4, 2), "冉国庆");
        scoring.rescore(Set.of(r.id()));
        SubjectScore before = scoring.scoreOf(r.id()).orElseThrow();
        assertThat(before.score()).isEqualTo(1000);
        assertThat(before.contributions()).isEmpty();

        String source = "SC-" + UUID.randomUUID();
        LocalDate decided = LocalDate.now().minusMonths(2);
        submit(r, source, decided).andExpect(jsonPath("$.accepted").value(1));
        UUID recordKey = creditFile.fileOf(r.id()).get(0).recordKey();
        await().atMost(Duration.ofSeconds(2)).until(() -> scoring.scoreOf(r.id()).orElseThrow().score() < 1000);
        SubjectScore fined = scoring.scoreOf(r.id()).orElseThrow();
        assertThat(fined.contributions()).singleElement().satisfies(c -> {
            assertThat(c.recordKey()).isEqualTo(recordKey);
            assertThat(c.points()).isEqualTo(fined.score() - 1000);
        });
        assertThat(fined.modelCode()).isEqualTo("WEIHAI_POINTS");
        // The grade fell from A: the subject gets a notice of the change (a first grade gets none).
        assertThat(fined.grade()).isNotEqualTo(before.grade());
        assertThat(scoring.gradeNotices(r.id())).singleElement().satisfies(n -> {
            assertThat(n.from()).isEqualTo(before.grade());
            assertThat(n.to()).isEqualTo(fined.grade());
            assertThat(n.toLabel()).isEqualTo(fined.gradeLabel());
        });

        // The publication period ends (a moved date): the record no longer counts.
        LocalDate end = creditFile.fileOf(r.id()).get(0).publicationEnd();
        creditFile.applyWindows(end.plusDays(1));
        await().atMost(Duration.ofSeconds(5)).until(() -> scoring.scoreOf(r.id()).orElseThrow().score() == 1000);
        assertThat(scoring.scoreOf(r.id()).orElseThrow().contributions()).isEmpty();

        // A new model, proposed by one person and activated by another, recomputes everyone; history is kept.
        String version = String.valueOf(as("maker", () -> scoring.propose(ScoreModel.fiveLabels())));
        Throwable own = catchThrowable(() -> as("maker", () -> {
            scoring.approve("FIVE_LABELS", Integer.parseInt(version), "");
            return null;
        }));
        assertThat(own).isInstanceOf(ScoringProblem.class).extracting("code").isEqualTo("MODEL_SELF_REVIEW");
        Assessed.record(assessments, "FIVE_LABELS", Integer.parseInt(version));
        as("checker", () -> {
            scoring.approve("FIVE_LABELS", Integer.parseInt(version), "同意");
            return null;
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> !scoring.progress().running()
                && "FIVE_LABELS".equals(scoring.scoreOf(r.id()).orElseThrow().modelCode()));
        assertThat(scoring.scoreOf(r.id()).orElseThrow().score()).isEqualTo(600);
        assertThat(scoring.history(r.id())).extracting(h -> h.modelCode())
                .containsSubsequence("WEIHAI_POINTS", "WEIHAI_POINTS", "WEIHAI_POINTS", "FIVE_LABELS");
        // Each change of grade is a notice, newest first, with the labels of the grades in their own models.
        assertThat(scoring.gradeNotices(r.id())).extracting(n -> n.from(), n -> n.fromLabel(), n -> n.to(),
                        n -> n.toLabel())
                .containsExactly(tuple("A", "A 级（诚信）", "FAIR", "中等"),
                        tuple(fined.grade(), fined.gradeLabel(), "A", "A 级（诚信）"),
                        tuple("A", "A 级（诚信）", fined.grade(), fined.gradeLabel()));
        // Back to the base model for the other tests.
        String back = String.valueOf(as("maker", () -> scoring.propose(ScoreModel.weihai())));
        Assessed.record(assessments, "WEIHAI_POINTS", Integer.parseInt(back));
        as("checker", () -> {
            scoring.approve("WEIHAI_POINTS", Integer.parseInt(back), "");
            return null;
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> !scoring.progress().running());
        // The full recompute stored nothing about minors (ScoreRows), whoever the other tests registered.
        assertThat(jdbc.sql("""
                SELECT count(*) FROM scoring.score s JOIN subject.person p ON p.subject_id = s.subject_id
                WHERE p.birth_date > current_date - interval '18 years'""").query(Long.class).single()).isZero();
        // Every resident now has a row per model version (V41); the figures count each once, under the active model.
        assertThat(jdbc.sql("SELECT count(*) FROM scoring.score WHERE subject_id = ?").param(r.id())
                .query(Long.class).single()).isEqualTo(3);
        // Reactions of other tests may still score new residents: the figure lies between two counts around it.
        String residents = "SELECT count(DISTINCT person_id) FROM subject.residency WHERE valid_to IS NULL";
        long residentsBefore = jdbc.sql(residents).query(Long.class).single();
        String scoredRows = "SELECT count(*) FROM scoring.score WHERE score IS NOT NULL AND (model_code, "
                + "model_version) IN (SELECT code, version FROM scoring.model WHERE status = 'ACTIVE')";
        long scoredBefore = jdbc.sql(scoredRows).query(Long.class).single();
        List<JdbcScores.Coverage> coverage = scoring.coverage();
        assertThat(coverage.stream().mapToLong(JdbcScores.Coverage::residents).sum())
                .isBetween(residentsBefore, jdbc.sql(residents).query(Long.class).single());
        assertThat(coverage.stream().mapToLong(JdbcScores.Coverage::scored).sum())
                .isBetween(scoredBefore, jdbc.sql(scoredRows).query(Long.class).single());
    }

    /**
     * Issue #6 with issue #4's basis-revoked withdrawal (RULES.md §5, Henan Art. 42): the item's records are revoked
     * by the credit file's pass, a chunk per transaction, after the approval — the score of a subject whose counted
     * record it withdraws is redone without it: the score, the grade and the explanation no longer hold the record.
     */
    @Test
    void aScoredSubjectWhoseRecordIsWithdrawnWithItsItemsRevokedBasisIsRescoredWithoutIt() throws Exception {
        String item = CatalogueVersions.newItemLike(catalogue, "P_ADMIN_PENALTY_GENERAL", "P_SCBR_",
                "测试：依据将被废止的处罚");
        ScoreModel base = ScoreModel.weihai();
        List<cn.chengxin.scoring.domain.ItemPoints> priced = new java.util.ArrayList<>(base.items());
        priced.add(new cn.chengxin.scoring.domain.ItemPoints(item, "LAW_ABIDING", -200, 3));
        activate(new ScoreModel(base.code(), base.version(), base.name(), base.baseScore(), base.minScore(),
                base.maxScore(), base.dimensions(), priced, base.decay(), base.severityWeights(), base.grades(),
                base.minAdultAge(), base.minResidenceMonths()));
        try {
            Resident r = resident(LocalDate.of(1979, 3, 8), "柏废依");
            submit(r, "SC-" + UUID.randomUUID(), LocalDate.now().minusMonths(2), item)
                    .andExpect(jsonPath("$.accepted").value(1));
            UUID recordKey = creditFile.fileOf(r.id()).get(0).recordKey();
            await().atMost(Duration.ofSeconds(10)).until(() -> scoring.scoreOf(r.id())
                    .filter(s -> s.scored() && s.score() < 1000).isPresent());
            SubjectScore fined = scoring.scoreOf(r.id()).orElseThrow();
            assertThat(fined.contributions()).singleElement().satisfies(c -> {
                assertThat(c.recordKey()).isEqualTo(recordKey);
                assertThat(c.itemCode()).isEqualTo(item);
            });
            assertThat(fined.grade()).isNotEqualTo("A");

            as("catalogue-maker", () -> catalogue.proposeWithdrawal(item, "所依据的条例已废止",
                    "《某省人民代表大会常务委员会关于废止〈某条例〉的决定》",
                    cn.chengxin.catalog.domain.Withdrawal.Kind.BASIS_REVOKED));
            CatalogueVersions.approve(catalogue, item);

            await().atMost(Duration.ofSeconds(15)).until(() -> scoring.scoreOf(r.id()).orElseThrow().score() == 1000);
            SubjectScore after = scoring.scoreOf(r.id()).orElseThrow();
            assertThat(creditFile.fileOf(r.id())).singleElement().extracting(e -> e.status())
                    .isEqualTo(cn.chengxin.creditfile.RecordStatus.REVOKED);
            assertThat(after.grade()).isEqualTo("A");
            assertThat(after.contributions()).as("the explanation no longer names the record").isEmpty();
            assertThat(after.dimensions()).allSatisfy(d -> assertThat(d.points()).isZero());
            assertThat(scoring.gradeNotices(r.id())).first().satisfies(n -> {
                assertThat(n.from()).isEqualTo(fined.grade());
                assertThat(n.to()).isEqualTo("A");
            });
        } finally {
            activate(ScoreModel.weihai());
        }
    }

    /**
     * RULES.md §1, §8 (review xxv H2): a company's 失信被执行人 record is recorded on its legal representative too, as a
     * copy under the organisation's item; the copy is the company's conduct, not his, and leaves his score as it was,
     * by the rescore and by the full recompute, even under a model that prices the organisation's item.
     */
    @Test
    void aCompanysDefaulterRecordCopiedOntoItsRepresentativeLeavesHisScoreAsItWas() throws Exception {
        ScoreModel base = ScoreModel.weihai();
        List<cn.chengxin.scoring.domain.ItemPoints> priced = new java.util.ArrayList<>(base.items());
        priced.add(new cn.chengxin.scoring.domain.ItemPoints("O_COURT_DEFAULTER", "OBLIGATIONS", -200, 3));
        activate(new ScoreModel(base.code(), base.version(), base.name(), base.baseScore(), base.minScore(),
                base.maxScore(), base.dimensions(), priced, base.decay(), base.severityWeights(), base.grades(),
                base.minAdultAge(), base.minResidenceMonths()));
        try {
            Resident rep = resident(LocalDate.of(1976, 9, 12), "左法代");
            scoring.rescore(Set.of(rep.id()));
            SubjectScore before = scoring.scoreOf(rep.id()).orElseThrow();
            assertThat(before.score()).isEqualTo(1000);
            int history = scoring.history(rep.id()).size();

            TestRecords.organisationDefaulter(mvc, apiClients, directory, subjects, creditFile,
                    new TestCitizens.Person(rep.number(), rep.name(), null), "（2026）豫1702执" + next + "号",
                    LocalDate.now(clock).minusMonths(2));
            assertThat(creditFile.fileOf(rep.id())).singleElement().satisfies(copy -> {
                assertThat(copy.linked()).isTrue();
                assertThat(copy.itemCode()).isEqualTo("O_COURT_DEFAULTER");
            });

            scoring.rescore(Set.of(rep.id()));
            assertUnchanged(scoring.scoreOf(rep.id()).orElseThrow(), before);
            scoring.recomputeAll();
            assertUnchanged(scoring.scoreOf(rep.id()).orElseThrow(), before);
            assertThat(scoring.history(rep.id())).hasSize(history);
        } finally {
            activate(ScoreModel.weihai());
        }
    }

    private static void assertUnchanged(SubjectScore now, SubjectScore before) {
        assertThat(now.score()).isEqualTo(before.score());
        assertThat(now.grade()).isEqualTo(before.grade());
        assertThat(now.contributions()).as("the explanation names no copy").isEmpty();
    }

    /** Proposes the model and has a second person activate it; waits for the recompute that follows. */
    private void activate(ScoreModel model) throws Exception {
        int version = as("model-maker", () -> scoring.propose(model));
        Assessed.record(assessments, model.code(), version);
        as("model-checker", () -> {
            scoring.approve(model.code(), version, "同意");
            return null;
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> !scoring.progress().running());
    }

    /**
     * The full recompute reads, scores and writes in bulk by its own path; for a file it must come to exactly the
     * row a rescore stored (score, explanation with weights and points), and so write nothing, add no history.
     */
    @Test
    void theFullRecomputeComesToWhatARescoreStoredAndWritesNothing() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> !scoring.progress().running());
        Resident r = resident(LocalDate.of(1972, 6, 1), "岳明远");
        // One penalty at full weight, one decaying (a serious one: still shown at 20 months); each stored chunk
        // rescores the resident.
        submit(r, "SC-" + UUID.randomUUID(), LocalDate.now().minusMonths(2)).andExpect(jsonPath("$.accepted").value(1));
        submit(r, "SC-" + UUID.randomUUID(), LocalDate.now().minusMonths(20), "P_ADMIN_PENALTY_SERIOUS")
                .andExpect(jsonPath("$.accepted").value(1));
        await().atMost(Duration.ofSeconds(5)).until(() -> scoring.scoreOf(r.id())
                .map(s -> s.contributions().size() == 2).orElse(false));
        SubjectScore rescored = scoring.scoreOf(r.id()).orElseThrow();
        assertThat(rescored.contributions()).extracting(c -> c.weight()).anySatisfy(w -> assertThat(w).isLessThan(1));
        int history = scoring.history(r.id()).size();

        scoring.recomputeAll();

        assertThat(scoring.scoreOf(r.id())).contains(rescored);
        assertThat(scoring.history(r.id())).hasSize(history);
    }

    /**
     * A grade change is an event (benefits and notices react), one per stored batch with every subject whose grade
     * changed in it: first grades from a rescore and from the full recompute, nothing for a grade that stayed.
     */
    @Test
    void gradeChangesArePublishedOncePerStoredBatch() {
        await().atMost(Duration.ofSeconds(30)).until(() -> !scoring.progress().running());
        List<GradesChanged> published = new java.util.concurrent.CopyOnWriteArrayList<>();
        ApplicationListener<PayloadApplicationEvent<GradesChanged>> listener =
                ApplicationListener.forPayload((GradesChanged e) -> published.add(e));
        context.addApplicationListener(listener);
        try {
            Resident a = resident(LocalDate.of(1980, 3, 3), "甘立新");
            Resident b = resident(LocalDate.of(1981, 4, 4), "甘立华");
            scoring.rescore(Set.of(a.id(), b.id()));
            String grade = scoring.scoreOf(a.id()).orElseThrow().grade();
            assertThat(published).singleElement().satisfies(e -> assertThat(e.changes()).containsExactlyInAnyOrder(
                    new GradesChanged.Change(a.id(), null, grade), new GradesChanged.Change(b.id(), null, grade)));

            published.clear();
            scoring.rescore(Set.of(a.id(), b.id()));
            assertThat(published).isEmpty();

            Resident c = resident(LocalDate.of(1982, 5, 5), "甘立平");
            scoring.recomputeAll();
            List<GradesChanged.Change> changes = published.stream().flatMap(e -> e.changes().stream()).toList();
            assertThat(changes).contains(new GradesChanged.Change(c.id(), null, grade));
            assertThat(changes).extracting(GradesChanged.Change::subjectId).doesNotContain(a.id(), b.id());
        } finally {
            context.removeApplicationListener(listener);
        }
    }

    /**
     * Issue #6 (J5 of gaps-review-xxviii): a grade change is an event that notices use. A first grade is no notice; a
     * penalty that lowers the grade leaves one 消息通知 with the new grade and the link to the score page, in the
     * reader's language; a rescore that changes nothing leaves none.
     */
    @Test
    void aPenaltyThatLowersTheGradeLeavesOneNoticeAndARescoreWithoutChangeNone() throws Exception {
        Resident r = resident(LocalDate.of(1978, 4, 10), "邢降等");
        scoring.rescore(Set.of(r.id()));
        String was = scoring.scoreOf(r.id()).orElseThrow().grade();
        assertThat(gradeNotices(r.id())).as("a first grade").isEmpty();

        submit(r, "SC-" + UUID.randomUUID(), LocalDate.now().minusMonths(2)).andExpect(jsonPath("$.accepted").value(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> scoring.scoreOf(r.id())
                .filter(s -> s.scored() && s.score() < 1000).isPresent());
        String now = scoring.scoreOf(r.id()).orElseThrow().grade();
        assertThat(now).isNotEqualTo(was);
        assertThat(gradeNotices(r.id())).singleElement().satisfies(n -> {
            assertThat(n.link()).isEqualTo("/me/score");
            assertThat(n.wording()).isEqualTo("GRADE_DROPPED");
            assertThat(n.title()).contains(was + " 级", now + " 级");
            assertThat(noticeWording.render(n, java.util.Locale.ENGLISH).title())
                    .isEqualTo("Your credit grade went from " + was + " down to " + now);
        });

        scoring.rescore(Set.of(r.id()));
        assertThat(gradeNotices(r.id())).hasSize(1);
    }

    private List<cn.chengxin.account.Notice> gradeNotices(UUID subject) {
        return notices.of(subject).stream().filter(n -> n.kind().equals("GRADE_CHANGED")).toList();
    }

    /** The full recompute leaves the day's snapshot of the grade distribution: the active model's grades as stored. */
    @Test
    void theFullRecomputeSnapshotsTheDaysGradeDistribution() {
        await().atMost(Duration.ofSeconds(30)).until(() -> !scoring.progress().running());
        resident(LocalDate.of(1983, 6, 6), "甘立安");
        scoring.recomputeAll();
        java.util.Map<String, Long> stored = scoring.gradesByDistrict().stream().collect(
                java.util.stream.Collectors.groupingBy(JdbcScores.GradeCount::grade,
                        java.util.stream.Collectors.summingLong(JdbcScores.GradeCount::subjects)));
        // Read as stored: the trend would take a missing day's snapshot itself.
        java.util.Map<String, Long> snapshot = new java.util.HashMap<>();
        jdbc.sql("SELECT grade, subjects FROM scoring.grade_snapshot WHERE day = (SELECT max(day) FROM "
                + "scoring.grade_snapshot)").query((rs, n) -> snapshot.put(rs.getString(1), rs.getLong(2))).list();
        assertThat(stored).isNotEmpty();
        assertThat(snapshot).isEqualTo(stored);
    }

    /**
     * Maker-checker (issue #4): a catalogue version counts only once a second person approves it. A version in
     * preparation that makes general penalties no longer usable for scoring leaves the score alone until it is
     * approved; approved, it narrows the use of the records collected before at once (RULES.md §2).
     */
    @Test
    void aCatalogueVersionCountsForScoringOnceApprovedAndRescoresItsHolders() throws Exception {
        Resident r = resident(LocalDate.of(1981, 9, 9), "柏思远");
        TestRecords.penalty(mvc, apiClients, directory, r.number(), r.name(), "P_ADMIN_PENALTY_GENERAL",
                "驻市监罚〔2026〕31号");
        // The stored record's own rescore, before the catalogue changes.
        await().atMost(Duration.ofSeconds(5)).until(() -> scoring.scoreOf(r.id()).map(s -> s.score() != null
                && s.score() < 1000).orElse(false));
        ItemDefinition general = catalogue.active("P_ADMIN_PENALTY_GENERAL").orElseThrow().definition();
        assertThat(general.usableForScoring()).isTrue();
        try {
            CatalogueVersions.draft(catalogue, CatalogueVersions.revised(general, general.name(),
                    general.publicationMinMonths(), false));
            scoring.rescore(Set.of(r.id()));
            assertThat(scoring.scoreOf(r.id()).orElseThrow().score()).as("draft").isLessThan(1000);
            CatalogueVersions.submit(catalogue, general.code());
            scoring.rescore(Set.of(r.id()));
            assertThat(scoring.scoreOf(r.id()).orElseThrow().score()).as("pending").isLessThan(1000);

            CatalogueVersions.approve(catalogue, general.code());
            // No rescore by hand: the approval itself rescores every holder of the item.
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> scoring.scoreOf(r.id()).orElseThrow().score() == 1000);
            assertThat(scoring.scoreOf(r.id()).orElseThrow().contributions()).isEmpty();
        } finally {
            CatalogueVersions.restore(catalogue, general);
        }
    }

    /**
     * A record is judged by the item version it was collected under as well as by the version in force (RULES.md §2,
     * §8; as the lists judge theirs): a minor penalty collected while the item was not usable for scoring does not
     * count once a later version makes the item usable — in a rescore and in the full recompute — while one collected
     * under that later version does.
     */
    @Test
    void aRecordCollectedUnderAVersionNotUsableForScoringIsNotScoredWhenALaterVersionIs() throws Exception {
        Resident before = resident(LocalDate.of(1981, 10, 10), "卓往昔");
        TestRecords.penalty(mvc, apiClients, directory, before.number(), before.name(), "P_ADMIN_PENALTY_MINOR",
                "驻市监罚〔2026〕41号");
        await().atMost(Duration.ofSeconds(5)).until(() -> scoring.scoreOf(before.id()).isPresent());
        ItemDefinition minor = catalogue.active("P_ADMIN_PENALTY_MINOR").orElseThrow().definition();
        assertThat(minor.usableForScoring()).isFalse();
        try {
            CatalogueVersions.draft(catalogue, CatalogueVersions.revised(minor, minor.name(),
                    minor.publicationMinMonths(), true));
            CatalogueVersions.submit(catalogue, minor.code());
            CatalogueVersions.approve(catalogue, minor.code());
            Resident after = resident(LocalDate.of(1981, 11, 11), "卓来日");
            TestRecords.penalty(mvc, apiClients, directory, after.number(), after.name(), "P_ADMIN_PENALTY_MINOR",
                    "驻市监罚〔2026〕42号");
            await().atMost(Duration.ofSeconds(10)).until(() -> scoring.scoreOf(after.id())
                    .map(s -> s.score() != null && s.score() < 1000).orElse(false));

            scoring.rescore(Set.of(before.id()));
            assertThat(scoring.scoreOf(before.id()).orElseThrow().score()).as("rescore").isEqualTo(1000);
            assertThat(scoring.scoreOf(before.id()).orElseThrow().contributions()).isEmpty();
            scoring.recomputeAll();
            assertThat(scoring.scoreOf(before.id()).orElseThrow().score()).as("full recompute").isEqualTo(1000);
            assertThat(scoring.scoreOf(after.id()).orElseThrow().score()).as("full recompute").isLessThan(1000);
        } finally {
            CatalogueVersions.restore(catalogue, minor);
        }
    }

    /**
     * At city scale an item has hundreds of thousands of holders: the approval commits at once, and its holders are
     * rescored after it, a chunk of them per transaction, the pass kept in a row of the scoring schema.
     */
    @Test
    void aRevisedItemsHoldersAreRescoredAfterTheApprovalMoreThanOneChunkOfThem() throws Exception {
        // A version that stops an item's use for scoring reaches the records collected before at once (RULES.md §2);
        // one that starts it would not (they were collected under a version that did not allow it).
        List<Resident> holders = penalised("P_ADMIN_PENALTY_GENERAL", rescoringChunk * 2 + 1);
        assertThat(holders).allMatch(r -> scoring.scoreOf(r.id()).orElseThrow().score() < 1000);
        ItemDefinition general = catalogue.active("P_ADMIN_PENALTY_GENERAL").orElseThrow().definition();
        try {
            CatalogueVersions.draft(catalogue, CatalogueVersions.revised(general, general.name(),
                    general.publicationMinMonths(), false));
            CatalogueVersions.submit(catalogue, general.code());
            CatalogueVersions.approve(catalogue, general.code());
            int version = catalogue.active(general.code()).orElseThrow().version();

            await().atMost(Duration.ofSeconds(20)).until(() -> rescoring.passes().pass(general.code(), version)
                    .map(ResumablePasses.Pass::finished).orElse(false));
            assertThat(holders).as("every holder rescored")
                    .allMatch(r -> scoring.scoreOf(r.id()).orElseThrow().score() == 1000);
            assertThat(rescoring.passes().pass(general.code(), version).orElseThrow().holdersEvaluated())
                    .as("more holders than one chunk").isGreaterThan(rescoringChunk);
        } finally {
            CatalogueVersions.restore(catalogue, general);
        }
    }

    /**
     * A crash part-way leaves the chunks done committed and the pass's row where they stopped: running the pass again
     * (the scoring's tick, or the republished event at the next start) rescores the holders not reached yet, each
     * record once, and stores each score once.
     */
    @Test
    void anItemRevisionInterruptedPartWayRescoresTheRestOnce() throws Exception {
        String item = "P_ADMIN_PENALTY_GENERAL";
        List<Resident> holders = penalised(item, rescoringChunk * 2 + 1);
        java.util.Map<UUID, Integer> scores = new java.util.HashMap<>();
        holders.forEach(r -> scores.put(r.id(), scoring.scoreOf(r.id()).orElseThrow().score()));
        assertThat(scores.values()).allMatch(score -> score < 1000);
        UUID[] ids = holders.stream().map(Resident::id).toArray(UUID[]::new);
        long history = historyOf(ids);
        // The scores the approval of a version would redo, gone; the pass started, then the process stopped after
        // two chunks. A version of its own, beyond any the catalogue will reach in these tests.
        jdbc.sql("DELETE FROM scoring.score WHERE subject_id = ANY(?::uuid[])").param(ids).update();
        int version = 1_000_000 + (int) (System.nanoTime() % 1_000_000);
        ResumablePasses passes = rescoring.passes();
        assertThat(passes.start(item, version)).isTrue();
        assertThat(rescoring.nextChunk(item, version)).isTrue();
        assertThat(rescoring.nextChunk(item, version)).isTrue();
        assertThat(passes.pass(item, version).orElseThrow().recordsPassed()).isEqualTo(2L * rescoringChunk);

        long records = jdbc.sql("SELECT count(*) FROM creditfile.record WHERE current AND item_code = ? "
                + "AND status IN ('ACTIVE', 'IN_DISPUTE')").param(item).query(Long.class).single();
        // No runner has moved it since: the scoring's tick takes it up (as the republished event does at a start).
        jdbc.sql("UPDATE scoring.item_revision_pass SET progressed_at = progressed_at - interval '1 hour' "
                + "WHERE item_code = ? AND item_version = ?").params(item, version).update();
        assertThat(rescoring.stalled()).extracting(ResumablePasses.Pass::version).contains(version);
        jobs.tick();
        await().atMost(Duration.ofSeconds(20)).until(() -> passes.pass(item, version).orElseThrow().finished());

        assertThat(passes.pass(item, version).orElseThrow().recordsPassed())
                .as("each record once: the pass went on where it had stopped").isEqualTo(records);
        for (Resident r : holders) {
            assertThat(scoring.scoreOf(r.id())).as("rescored as before").map(SubjectScore::score)
                    .contains(scores.get(r.id()));
        }
        assertThat(historyOf(ids)).as("each score stored once: nothing replaced").isEqualTo(history);
        assertThat(rescoring.run(item, version)).as("a finished pass does nothing more").isZero();
        assertThat(rescoring.nextChunk(item, version)).isFalse();
    }

    /**
     * Gaps review xxxv O9: 我的信用分's history table has a caption and a header row, and the chart is an image named
     * by its trend (how many scores, the first and the last with their days, the lowest and the highest), in the
     * reader's language.
     */
    @Test
    void theScoreHistoryHasHeadersAndTheChartIsNamedByItsTrend() throws Exception {
        Resident r = resident(LocalDate.of(1979, 7, 2), "邢图名");
        scoring.rescore(Set.of(r.id()));
        submit(r, "SC-" + UUID.randomUUID(), LocalDate.now().minusMonths(2)).andExpect(jsonPath("$.accepted").value(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> scoring.scoreOf(r.id())
                .filter(s -> s.scored() && s.score() < 1000).isPresent());
        int now = scoring.scoreOf(r.id()).orElseThrow().score();
        var citizen = authentication(Principals.citizen(subjects, r.id()));

        String chinese = mvc.perform(get("/me/score").with(citizen)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(chinese).contains("<caption>信用分历史（由早到晚）</caption>", "<th scope=\"col\">评分时间</th>",
                        "<th scope=\"col\">信用分</th>", "<th scope=\"col\">评分模型</th>")
                .containsPattern("role=\"img\"[^>]*aria-label=\"信用分变化图：共 \\d+ 次评分，由 \\d{4}-\\d{2}-\\d{2} 的 "
                        + "[\\d,]+ 分到 \\d{4}-\\d{2}-\\d{2} 的 " + java.text.NumberFormat.getIntegerInstance(Locale.CHINA)
                        .format(now) + " 分，最低 [\\d,]+ 分，最高 [\\d,]+ 分；各次评分见下表。\"");
        String english = mvc.perform(get("/me/score").param("lang", "en").with(citizen)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(english).contains("<caption>Score history (oldest first)</caption>", "<th scope=\"col\">Score</th>")
                .containsPattern("role=\"img\"[^>]*aria-label=\"Score over time: \\d+ scores, from [\\d,]+ on "
                        + "\\d{4}-\\d{2}-\\d{2} to " + java.text.NumberFormat.getIntegerInstance(Locale.ENGLISH)
                        .format(now) + " on ");
    }

    /** The citizen's 我的信用分 names the model's dimensions in the reader's language (issue #5); Chinese as before. */
    @Test
    void theScorePageNamesTheDimensionsInTheReadersLanguage() throws Exception {
        Resident r = resident(LocalDate.of(1986, 3, 9), "祁语风");
        scoring.rescore(Set.of(r.id()));
        var citizen = authentication(Principals.citizen(subjects, r.id()));
        assertThat(mvc.perform(get("/me/score").param("lang", "en").with(citizen)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString())
                .contains("<td>Law-abiding</td>", "<td>Keeping commitments</td>").doesNotContain("<td>遵纪守法</td>")
                .doesNotContain(r.number());
        assertThat(mvc.perform(get("/me/score").with(citizen)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString())
                .contains("<td>遵纪守法</td>", "<td>履约守信</td>", "<td>信用承诺</td>");
    }

    /**
     * 我的信用分 names the grade, and the grades of a notice of its change, in the reader's language, whichever preset
     * model is active (issue #5); Chinese as before.
     */
    @Test
    void theScorePageNamesTheGradeInTheReadersLanguage() throws Exception {
        Resident r = resident(LocalDate.of(1987, 6, 21), "顾清和");
        scoring.rescore(Set.of(r.id()));
        SubjectScore score = scoring.scoreOf(r.id()).orElseThrow();
        String english = messages.getMessage("me.score.grade." + score.grade(), null, Locale.ENGLISH);
        var citizen = authentication(Principals.citizen(subjects, r.id()));
        assertThat(mvc.perform(get("/me/score").param("lang", "en").with(citizen)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString())
                .contains("data-field=\"grade\">" + english + "<").doesNotContain(score.gradeLabel());
        assertThat(mvc.perform(get("/me/score").with(citizen)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString())
                .contains("data-field=\"grade\">" + score.gradeLabel() + "<");

        // Two serious penalties lower the grade in either preset: the notice names both grades in the reader's
        // language too.
        for (int i = 0; i < 2; i++) {
            submit(r, "SC-" + UUID.randomUUID(), LocalDate.now().minusMonths(1), "P_ADMIN_PENALTY_SERIOUS")
                    .andExpect(jsonPath("$.accepted").value(1));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> !scoring.gradeNotices(r.id()).isEmpty());
        JdbcScores.GradeNotice notice = scoring.gradeNotices(r.id()).get(0);
        assertThat(mvc.perform(get("/me/score").param("lang", "en").with(citizen)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString())
                .contains("<td>" + english + "</td>", "<td>"
                        + messages.getMessage("me.score.grade." + notice.to(), null, Locale.ENGLISH) + "</td>")
                .doesNotContain(notice.fromLabel(), notice.toLabel());
        assertThat(mvc.perform(get("/me/score").with(citizen)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString())
                .contains("<td>" + notice.fromLabel() + "</td>", "<td>" + notice.toLabel() + "</td>");
    }

    /** A record in dispute still counts (RULES.md §8) and is marked 异议中 in the explanation as elsewhere (§5). */
    /** The office reads the console's charts by district name and grade name, in its own language, not by codes. */
    @Test
    void theConsoleChartsNameDistrictsAndGradesInTheReadersLanguage() throws Exception {
        Resident r = resident(LocalDate.of(1979, 3, 14), "袁立群");
        scoring.rescore(Set.of(r.id()));
        // The page shows the figures kept by the last full recompute (P8): counted again here, as it would.
        scoring.keepFigures();
        SubjectScore score = scoring.scoreOf(r.id()).orElseThrow();
        var reader = authentication(Principals.staff("chart-reader", "CREDIT_OFFICE", Permission.CONSOLE_HOME,
                Permission.MEASURE_CASES));
        String zh = mvc.perform(get("/console/scoring").with(reader)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(chart(zh, "district")).contains("\"等级分布（按区县）\"", "\"驿城区\"",
                "\"name\":\"" + score.gradeLabel() + "\"").doesNotContain("\"411702\"",
                "\"name\":\"" + score.grade() + "\"");
        assertThat(chart(zh, "coverage")).contains("\"驿城区\"").doesNotContain("\"411702\"");
        String english = messages.getMessage("me.score.grade." + score.grade(), null, Locale.ENGLISH);
        String en = mvc.perform(get("/console/scoring").param("lang", "en").with(reader)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(chart(en, "district")).contains("\"Grades by district\"", "\"name\":\"" + english + "\"")
                .doesNotContain("等级分布", score.gradeLabel());
        assertThat(chart(en, "age")).contains("\"Grades by age band\"");
    }

    /**
     * Gaps-review-xxxv P8: the scoring page reads the figures kept at the last count (the end of a full recompute),
     * not every score and residence at each view. The count takes residents and scored persons in one snapshot, so
     * the kept figures lie between direct counts made just before and after it; a resident registered and scored
     * later is on the page only after the next count, which says when it was made.
     */
    @Test
    void theScoringPageShowsTheKeptFiguresAsCountedDirectlyAtTheirTime() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> !scoring.progress().running());
        var reader = authentication(Principals.staff("figures-reader", "CREDIT_OFFICE", Permission.CONSOLE_HOME,
                Permission.MEASURE_CASES));
        long[] before = directCoverage();
        scoring.keepFigures();
        long[] after = directCoverage();
        long[] kept = pageCoverage(reader);
        assertThat(kept[1]).as("residents").isBetween(before[1], after[1]);
        assertThat(kept[0]).as("scored").isBetween(before[0], after[0]);
        JdbcScores.KeptFigures figures = scoring.keptFigures();
        assertThat(figures.byDistrict().stream().mapToLong(JdbcScores.GradeCount::subjects).sum())
                .as("the grades by district count the persons scored").isEqualTo(kept[0]);
        assertThat(figures.byAgeBand().stream().mapToLong(JdbcScores.GradeCount::subjects).sum()).isEqualTo(kept[0]);

        Resident r = resident(LocalDate.of(1981, 8, 8), "冉计数");
        scoring.rescore(Set.of(r.id()));
        assertThat(directCoverage()[1]).as("registered").isGreaterThan(kept[1]);
        String page = mvc.perform(get("/console/scoring").with(reader)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(coverageLine(page)).as("the kept figures, not a count per view").containsExactly(kept);
        assertThat(page).contains("data-field=\"figures-as-of\"", "截至 ");

        long[] beforeNext = directCoverage();
        scoring.keepFigures();
        long[] next = pageCoverage(reader);
        assertThat(next[1]).as("counted at the next count").isGreaterThan(kept[1])
                .isBetween(beforeNext[1], directCoverage()[1]);
    }

    /** Scored persons (active model) and residents (persons with a current residence), counted directly. */
    private long[] directCoverage() {
        return new long[] {jdbc.sql("SELECT count(*) FROM scoring.score WHERE score IS NOT NULL AND (model_code, "
                + "model_version) IN (SELECT code, version FROM scoring.model WHERE status = 'ACTIVE')")
                .query(Long.class).single(),
                jdbc.sql("SELECT count(DISTINCT person_id) FROM subject.residency WHERE valid_to IS NULL")
                        .query(Long.class).single()};
    }

    private long[] pageCoverage(org.springframework.test.web.servlet.request.RequestPostProcessor reader)
            throws Exception {
        return coverageLine(mvc.perform(get("/console/scoring").with(reader)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
    }

    /** Scored and residents as the page's coverage line gives them ("已评分 1,234 人 / 常住成年人口 2,345 人"). */
    private static long[] coverageLine(String page) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("已评分 ([0-9,]+) 人 / 常住成年人口 ([0-9,]+) 人")
                .matcher(page);
        assertThat(m.find()).as("the coverage line").isTrue();
        return new long[] {Long.parseLong(m.group(1).replace(",", "")), Long.parseLong(m.group(2).replace(",", ""))};
    }

    /** The ECharts options of the page's chart {@code id}, as the browser reads the attribute. */
    private static String chart(String page, String id) {
        String from = page.substring(page.indexOf("data-chart-id=\"" + id + "\""));
        String attribute = from.substring(from.indexOf("data-chart=\"") + "data-chart=\"".length());
        return org.springframework.web.util.HtmlUtils.htmlUnescape(attribute.substring(0, attribute.indexOf('"')));
    }

    @Test
    void theScorePageMarksARecordInDispute() throws Exception {
        Resident r = penalised("P_ADMIN_PENALTY_GENERAL", 1).get(0);
        await().atMost(Duration.ofSeconds(10)).until(() -> !scoring.scoreOf(r.id()).orElseThrow().contributions()
                .isEmpty());
        UUID record = scoring.scoreOf(r.id()).orElseThrow().contributions().get(0).recordKey();
        var citizen = authentication(Principals.citizen(subjects, r.id()));
        assertThat(mvc.perform(get("/me/score").with(citizen)).andReturn().getResponse().getContentAsString())
                .doesNotContain("data-field=\"disputed\"");

        creditFile.changeStatus(r.id(), record, Set.of(cn.chengxin.creditfile.RecordStatus.ACTIVE),
                cn.chengxin.creditfile.RecordStatus.IN_DISPUTE, "test", "异议");
        assertThat(mvc.perform(get("/me/score").with(citizen)).andReturn().getResponse().getContentAsString())
                .contains("data-field=\"disputed\">异议中<");
        assertThat(mvc.perform(get("/me/score").param("lang", "en").with(citizen)).andReturn().getResponse()
                .getContentAsString()).contains("data-field=\"disputed\">In dispute<");
    }

    @Test
    void minorsAreNotScoredAndBadModelsAreRefusedWithReasons() {
        Resident child = resident(LocalDate.now().minusYears(12), "少年乙");
        scoring.rescore(Set.of(child.id()));
        SubjectScore score = scoring.scoreOf(child.id()).orElseThrow();
        assertThat(score.scored()).isFalse();
        assertThat(score.notScoredCode()).isEqualTo("MINOR");
        assertThat(score.notScoredReason()).isNotBlank();
        // Nothing about the child is copied into the score table: the reason comes from the registry when asked.
        assertThat(rowsOf(child.id())).isZero();

        ScoreModel base = ScoreModel.weihai();
        ScoreModel overlapping = new ScoreModel(base.code(), 0, base.name(), base.baseScore(), base.minScore(),
                base.maxScore(), base.dimensions(), base.items(), base.decay(), base.severityWeights(),
                List.of(new cn.chengxin.scoring.domain.GradeBand("A", "A", 0, 1100),
                        new cn.chengxin.scoring.domain.GradeBand("B", "B", 1000, 1300)),
                base.minAdultAge(), base.minResidenceMonths());
        Throwable refused = catchThrowable(() -> scoring.propose(overlapping));
        assertThat(refused).isInstanceOf(ScoringProblem.class).extracting("code").isEqualTo("MODEL_INVALID");
    }

    /** Retiring the active model and activating the pending one stand or fall together: never no active model. */
    @Test
    void anActivationThatFailsLeavesTheActiveModelActive() throws Exception {
        JdbcScores.StoredModel before = activeStored();
        ScoreModel base = ScoreModel.weihai();
        int version = as("model-maker", () -> scoring.propose(base));
        String proposer = scoring.models().stream().filter(m -> m.code().equals(base.code()) && m.version() == version)
                .findFirst().orElseThrow().proposedBy();
        // The four-eyes constraint refuses the activation by its proposer after the active model has been retired.
        Throwable refused = catchThrowable(() -> scores.activate(base.code(), version, proposer,
                java.time.Instant.now(), ""));
        assertThat(refused).isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
        assertThat(activeStored()).extracting(JdbcScores.StoredModel::code, JdbcScores.StoredModel::version)
                .containsExactly(before.code(), before.version());
        as("model-checker", () -> {
            scoring.reject(base.code(), version, "测试");
            return null;
        });
    }

    /**
     * The approver sees what a pending version changes against the active model before deciding, may note an
     * approval, and must give the proposer a reason to reject it.
     */
    @Test
    void theApproverSeesWhatAPendingModelChangesAndRejectsItWithAReason() throws Exception {
        ScoreModel active = scoring.activeModel().model();
        String renamed = "信用积分（差异测试 " + UUID.randomUUID().toString().substring(0, 8) + "）";
        int version = as("model-maker", () -> scoring.propose(new ScoreModel(active.code(), active.version(), renamed,
                active.baseScore(), active.minScore(), active.maxScore(), active.dimensions(), active.items(),
                active.decay(), active.severityWeights(), active.grades(), active.minAdultAge(),
                active.minResidenceMonths())));
        var approver = authentication(Principals.staff("model-approver", "CREDIT_OFFICE", Permission.CONSOLE_HOME,
                Permission.SCORING_APPROVE));
        String page = mvc.perform(get("/console/scoring").with(approver)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        String change = page.substring(page.indexOf("id=\"change-" + active.code() + "-" + version + "\""));
        assertThat(change).contains("class=\"diff-added\">+   &quot;name&quot; : &quot;" + renamed,
                "class=\"diff-removed\">-   &quot;name&quot; : &quot;" + active.name());
        String approve = page.substring(page.indexOf("/console/scoring/models/approve"));
        assertThat(approve.substring(0, approve.indexOf("</form>"))).contains("name=\"note\"")
                .doesNotContain("required");
        String reject = page.substring(page.indexOf("/console/scoring/models/reject"));
        assertThat(reject.substring(0, reject.indexOf("</form>"))).contains("name=\"note\"", "required");

        Throwable refused = catchThrowable(() -> as("model-checker", () -> {
            scoring.reject(active.code(), version, " ");
            return null;
        }));
        assertThat(refused).isInstanceOf(ScoringProblem.class).extracting("code")
                .isEqualTo("REJECTION_REASON_MISSING");
        assertThat(scoring.models()).filteredOn(m -> m.code().equals(active.code()) && m.version() == version)
                .singleElement().extracting(JdbcScores.StoredModel::status).isEqualTo("PENDING");
        as("model-checker", () -> {
            scoring.reject(active.code(), version, "名称不必改");
            return null;
        });
    }

    /** A rejection is a decision of the maker-checker review, kept in the audit log with its reason. */
    @Test
    void aRejectedModelIsAuditedWithItsReason() throws Exception {
        ScoreModel base = ScoreModel.weihai();
        int version = as("model-maker", () -> scoring.propose(base));
        as("model-checker", () -> {
            scoring.reject(base.code(), version, "等级区间需复核");
            return null;
        });
        assertThat(jdbc.sql("SELECT detail FROM audit.event WHERE action = 'scoring.model.reject' "
                + "ORDER BY seq DESC LIMIT 1").query(String.class).single())
                .isEqualTo(base.code() + " v" + version + "：等级区间需复核");
    }

    /** Two checkers approving two pending versions at once: taken in turn, one active model at the end, no error. */
    @Test
    void twoActivationsAtOnceAreTakenInTurn() throws Exception {
        JdbcScores.StoredModel before = activeStored();
        ScoreModel base = ScoreModel.weihai();
        int first = as("model-maker", () -> scoring.propose(base));
        int second = as("model-maker", () -> scoring.propose(base));
        java.util.concurrent.CountDownLatch activated = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch commit = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var one = threads.submit(() -> transactions.execute(status -> {
                boolean done = scores.activate(base.code(), first, "checker-a", java.time.Instant.now(), "");
                activated.countDown();
                await().atMost(Duration.ofSeconds(30)).until(() -> commit.getCount() == 0);
                return done;
            }));
            assertThat(activated.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            var other = threads.submit(() -> scores.activate(base.code(), second, "checker-b",
                    java.time.Instant.now(), ""));
            awaitWaitingForTheModelsLock(); // the second approval is under way while the first is not yet committed
            commit.countDown();
            assertThat(one.get(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(other.get(30, java.util.concurrent.TimeUnit.SECONDS)).as("taken after the first").isTrue();
            assertThat(scoring.models()).filteredOn(m -> m.status().equals("ACTIVE")).singleElement()
                    .extracting(JdbcScores.StoredModel::version).isEqualTo(second);
        } finally {
            commit.countDown();
            threads.shutdownNow();
            // The test's versions stood in for the active model without a recompute: the one before is put back.
            jdbc.sql("UPDATE scoring.model SET status = 'RETIRED' WHERE status = 'ACTIVE'").update();
            jdbc.sql("UPDATE scoring.model SET status = 'ACTIVE' WHERE code = ? AND version = ?")
                    .params(before.code(), before.version()).update();
        }
    }

    /** Two proposals of one code at once are numbered one after the other, not refused on the key. */
    @Test
    void twoProposalsAtOnceGetTheirOwnVersions() throws Exception {
        ScoreModel base = ScoreModel.weihai();
        java.util.concurrent.CountDownLatch proposed = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch commit = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var one = threads.submit(() -> as("model-maker", () -> transactions.execute(status -> {
                int version = scoring.propose(base);
                proposed.countDown();
                await().atMost(Duration.ofSeconds(30)).until(() -> commit.getCount() == 0);
                return version;
            })));
            assertThat(proposed.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            var other = threads.submit(() -> as("model-maker", () -> scoring.propose(base)));
            awaitWaitingForTheModelsLock();
            commit.countDown();
            int first = one.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(other.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(first + 1);
            for (int version : new int[] {first, first + 1}) {
                as("model-checker", () -> {
                    scoring.reject(base.code(), version, "并发测试");
                    return null;
                });
            }
        } finally {
            commit.countDown();
            threads.shutdownNow();
        }
    }

    /**
     * Waits until the second call waits for the first's lock on the models, so that the race the test is named for
     * happens (a sleep would let the second run after the first committed); fails if it never waits.
     */
    private void awaitWaitingForTheModelsLock() {
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("SELECT count(*) FROM pg_stat_activity "
                        + "WHERE wait_event_type = 'Lock' AND datname = current_database() "
                        + "AND query LIKE '%pg_advisory_xact_lock%scoring.model%'").query(Long.class).single() == 1);
    }

    private JdbcScores.StoredModel activeStored() {
        scoring.activeModel();
        return scoring.models().stream().filter(m -> m.status().equals("ACTIVE")).findFirst().orElseThrow();
    }

    @Test
    void aModelEditedAsDataIsCheckedAndProposedAsANewVersion() throws Exception {
        ScoreModel base = ScoreModel.weihai();
        ScoreModel negativeCap = new ScoreModel(base.code(), base.version(), base.name(), base.baseScore(),
                base.minScore(), base.maxScore(), List.of(new cn.chengxin.scoring.domain.Dimension("LAW_ABIDING", "遵纪守法",
                -5)), base.items(), base.decay(), base.severityWeights(), base.grades(), base.minAdultAge(),
                base.minResidenceMonths());
        var editor = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .user("model-editor").authorities(new SimpleGrantedAuthority("STAFF"),
                        new SimpleGrantedAuthority("console:home"), new SimpleGrantedAuthority("scoring:edit"));
        var csrf = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf();
        mvc.perform(post("/console/scoring/models/edited").param("definition", json.writeValueAsString(negativeCap))
                        .with(editor).with(csrf))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("failureCode", "MODEL_INVALID"));
        mvc.perform(post("/console/scoring/models/edited").param("definition", "{not json").with(editor).with(csrf))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("failureCode", "MODEL_UNREADABLE"));
        long pending = scoring.models().stream().filter(m -> m.status().equals("PENDING")).count();
        mvc.perform(post("/console/scoring/models/edited").param("definition", json.writeValueAsString(base))
                        .with(editor).with(csrf))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("successKey", "scoring.proposed"));
        assertThat(scoring.models().stream().filter(m -> m.status().equals("PENDING")).count()).isEqualTo(pending + 1);
    }

    @Test
    void aBenefitIsAddedAndStoppedAsDataAndABadOneIsRefusedWithEveryReason() throws Exception {
        Resident r = resident(LocalDate.of(1983, 3, 3), "项敏");
        scoring.rescore(Set.of(r.id()));
        String grade = scoring.scoreOf(r.id()).orElseThrow().grade();
        as("maker", () -> {
            scoring.saveBenefit(new BenefitDefinition("TEST_SWIM_DISCOUNT", "游泳馆优惠", "市体育中心", List.of(grade),
                    null, "体育健身"));
            return null;
        });
        assertThat(scoring.benefitsOf(r.id())).extracting(b -> b.code()).contains("TEST_SWIM_DISCOUNT");

        Throwable bad = catchThrowable(() -> as("maker", () -> {
            scoring.saveBenefit(new BenefitDefinition("TEST_BAD", " ", "市体育中心", List.of("ZZZ"), null, "体育"));
            return null;
        }));
        assertThat(bad).isInstanceOf(ScoringProblem.class).extracting("code").isEqualTo("BENEFIT_INVALID");
        assertThat(bad.getMessage()).contains("名称").contains("ZZZ");

        as("maker", () -> {
            scoring.deactivateBenefit("TEST_SWIM_DISCOUNT");
            return null;
        });
        assertThat(scoring.benefitsOf(r.id())).extracting(b -> b.code()).doesNotContain("TEST_SWIM_DISCOUNT");
        Throwable gone = catchThrowable(() -> as("maker", () -> {
            scoring.deactivateBenefit("TEST_SWIM_DISCOUNT");
            return null;
        }));
        assertThat(gone).isInstanceOf(ScoringProblem.class).extracting("code").isEqualTo("BENEFIT_UNKNOWN");
    }

    /** A passport holder's benefits are checked by naming the document type, code or label (issue #5). */
    @Test
    void aPassportHoldersBenefitsAreCheckedByNamingTheDocumentType() throws Exception {
        String passport = "E" + (10_000_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(89_999_999));
        LocalDate birth = LocalDate.of(1981, 6, 6);
        UUID holder = subjects.registerPerson(new NewPerson(subjects.validate(DocumentType.PASSPORT, passport), "史密斯",
                birth, null, List.of(new NewPerson.Residence(ResidencyKind.HOUSEHOLD, "411702", birth)), List.of(),
                false));
        scoring.rescore(Set.of(holder));
        String key = TestRecords.libraryKey(apiClients, directory, provided);
        String typed = "{\"subjectNumber\":\"" + passport + "\",\"documentType\":\"PASSPORT\",\"purpose\":\"免押金借阅办证\"}";

        String answer = benefitsBody(key, typed).andExpect(status().isOk())
                .andExpect(jsonPath("$.benefits[*].code", org.hamcrest.Matchers.hasItem("LIBRARY_DEPOSIT_FREE")))
                .andReturn().getResponse().getContentAsString();
        assertThat(answer).contains(cn.chengxin.subject.domain.Masking.identityNumber(passport))
                .doesNotContain(passport);
        benefitsBody(key, typed.replace("\"PASSPORT\"", "\"护照\"")).andExpect(status().isOk());
        benefitsBody(key, typed.replace("\"PASSPORT\"", "\"驾驶证\""))
                .andExpect(jsonPath("$.code").value("DOCUMENT_TYPE_UNKNOWN"));
        benefits(key, passport).andExpect(jsonPath("$.code").value("ID_FORMAT"));
    }

    @Test
    void aBlackListedPersonGetsNoIncentiveBenefits() throws Exception {
        Resident r = resident(LocalDate.of(1979, 8, 8), "卢德胜");
        scoring.rescore(Set.of(r.id()));
        String key = TestRecords.libraryKey(apiClients, directory, provided);
        benefits(key, r.number()).andExpect(status().isOk())
                .andExpect(jsonPath("$.benefits[*].code", org.hamcrest.Matchers.hasItem("LIBRARY_DEPOSIT_FREE")));
        assertThat(jdbc.sql("SELECT detail FROM audit.event WHERE action = 'scoring.benefits.check' "
                        + "AND subject_pseudonym = ? ORDER BY seq DESC LIMIT 1").param(subjects.pseudonymOf(r.id()).orElseThrow())
                .query(String.class).single()).contains("LIBRARY_DEPOSIT_FREE");
        UUID court = directory.departments().stream().filter(d -> d.code().equals("COURT")).findFirst().orElseThrow()
                .id();
        String courtKey = apiClients.issue("法院报送", "COURT", ApiClient.Kind.DEPARTMENT, court,
                Set.of(Permission.RECORD_SUBMIT), 6000).key();
        mvc.perform(post("/api/v1/submissions").header("Authorization", "Bearer " + courtKey)
                        .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"records\":[{\"itemCode\":\"P_COURT_DEFAULTER\",\"subjectNumber\":\"" + r.number()
                                + "\",\"subjectName\":\"" + r.name() + "\",\"sourceRecordId\":\"BL-" + UUID.randomUUID()
                                + "\",\"decisionNumber\":\"(2026)豫1702执5号\",\"decisionDate\":\"2026-05-06\",\"fields\":{"
                                + "\"case_number\":\"(2026)豫1702执5号\",\"court\":\"驿城区人民法院\",\"obligation\":\"x\","
                                + "\"performance\":\"全部未履行\",\"behaviour\":\"拒不履行\"}}]}"))
                .andExpect(jsonPath("$.accepted").value(1));
        UUID proposal = await().atMost(Duration.ofSeconds(10)).until(() -> listing.entriesOf(r.id()).stream()
                .filter(e -> e.listType() == ListType.BLACK).map(e -> e.id()).findFirst().orElse(null), e -> e != null);
        as("checker-b", () -> listing.approve(proposal, ""));
        // Refused without a reason: the black list is the checks API's business.
        benefits(key, r.number()).andExpect(status().isOk())
                .andExpect(jsonPath("$.benefits[0].code").value("LIBRARY_DEPOSIT_FREE"))
                .andExpect(jsonPath("$.benefits[0].granted").value(false))
                .andExpect(jsonPath("$.assessment").value("AUTOMATED"));
    }

    /** 一处失信，处处受限 (RULES.md §11): a black entry another platform issued closes the benefits while in force. */
    @Test
    void aPersonBlackListedOnAnotherPlatformGetsNoIncentiveBenefits() {
        Resident r = resident(LocalDate.of(1979, 9, 9), "易远川");
        scoring.rescore(Set.of(r.id()));
        assertThat(scoring.benefitsOf(r.id())).extracting(b -> b.code()).contains("LIBRARY_DEPOSIT_FREE");
        String pseudonym = subjects.pseudonymOf(r.id()).orElseThrow();

        receiveBlackEntry(pseudonym, "ENDED-" + UUID.randomUUID(), LocalDate.now().minusDays(1));
        assertThat(scoring.benefitsOf(r.id())).extracting(b -> b.code()).contains("LIBRARY_DEPOSIT_FREE");

        receiveBlackEntry(pseudonym, "IN-FORCE-" + UUID.randomUUID(), LocalDate.now().plusYears(1));
        assertThat(scoring.benefitsOf(r.id())).isEmpty();
    }

    private void receiveBlackEntry(String pseudonym, String sourceId, LocalDate validUntil) {
        TestRecords.receiveListEntry(jdbc, pseudonym, "BLACK", sourceId, validUntil);
    }

    private org.springframework.test.web.servlet.ResultActions benefits(String key, String number) throws Exception {
        return benefitsBody(key, "{\"subjectNumber\":\"" + number + "\",\"purpose\":\"免押金借阅办证\"}");
    }

    private org.springframework.test.web.servlet.ResultActions benefitsBody(String key, String body) throws Exception {
        return mvc.perform(post("/api/v1/benefits/check").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private org.springframework.test.web.servlet.ResultActions submit(Resident r, String source, LocalDate decided)
            throws Exception {
        return submit(r, source, decided, "P_ADMIN_PENALTY_GENERAL");
    }

    private org.springframework.test.web.servlet.ResultActions submit(Resident r, String source, LocalDate decided,
                                                                      String itemCode) throws Exception {
        UUID market = directory.departments().stream().filter(d -> d.code().equals("MARKET")).findFirst()
                .orElseThrow().id();
        String key = apiClients.issue("市场监管报送", "MARKET", ApiClient.Kind.DEPARTMENT, market,
                Set.of(Permission.RECORD_SUBMIT), 6000).key();
        return mvc.perform(post("/api/v1/submissions").header("Authorization", "Bearer " + key)
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"records\":[{\"itemCode\":\"" + itemCode + "\",\"subjectNumber\":\"" + r.number()
                        + "\",\"subjectName\":\"" + r.name() + "\",\"sourceRecordId\":\"" + source
                        + "\",\"decisionNumber\":\"驻市监罚〔2026〕1号\",\"decisionDate\":\"" + decided
                        + "\",\"fields\":{\"penalty_type\":\"罚款\",\"facts\":\"无照经营\","
                        + "\"basis\":\"《无证无照经营查处办法》第十三条\",\"authority\":\"市市场监督管理局\"}}]}"));
    }

    /**
     * A score that ends is stored as ended: the resident moves away, the rescore stores a not-scored row whose
     * predecessor goes to the history, with a notice of the grade's end; no row is added while nothing changes.
     */
    @Test
    void aScoreThatEndsIsKeptAsEndedWithItsHistory() {
        Resident r = resident(LocalDate.of(1979, 3, 9), "柯远航");
        scoring.rescore(Set.of(r.id()));
        SubjectScore scored = scoring.scoreOf(r.id()).orElseThrow();
        assertThat(scored.scored()).isTrue();

        // Test setup: the registry has no operation yet to end a residence.
        jdbc.sql("UPDATE subject.residency SET valid_to = current_date WHERE person_id = ?").param(r.id()).update();
        scoring.rescore(Set.of(r.id()));
        SubjectScore ended = scoring.scoreOf(r.id()).orElseThrow();
        assertThat(ended.scored()).isFalse();
        assertThat(ended.notScoredCode()).isEqualTo("NOT_RESIDENT");
        assertThat(jdbc.sql("SELECT not_scored_code FROM scoring.score WHERE subject_id = ?").param(r.id())
                .query(String.class).list()).containsExactly("NOT_RESIDENT");
        assertThat(scoring.history(r.id())).extracting(JdbcScores.HistoryPoint::grade)
                .containsExactly(scored.grade(), null);
        assertThat(scoring.gradeNotices(r.id())).singleElement().satisfies(n -> {
            assertThat(n.from()).isEqualTo(scored.grade());
            assertThat(n.to()).isNull();
        });
        assertThat(gradeNotices(r.id())).singleElement()
                .satisfies(n -> assertThat(n.wording()).isEqualTo("GRADE_LOST"));

        scoring.rescore(Set.of(r.id()));
        assertThat(rowsOf(r.id())).isEqualTo(1);
        assertThat(scoring.history(r.id())).hasSize(2);
    }

    private long rowsOf(UUID subject) {
        return jdbc.sql("SELECT count(*) FROM scoring.score WHERE subject_id = ?").param(subject).query(Long.class)
                .single();
    }

    private record Resident(UUID id, String number, String name) {
    }

    /** Residents with a record of the item decided two months ago each, scored after their records were stored. */
    private List<Resident> penalised(String itemCode, int count) throws Exception {
        List<Resident> residents = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            Resident r = resident(LocalDate.of(1983, 5, 17), "滕罚" + "甲乙丙丁戊己庚辛壬癸".charAt(i % 10));
            submit(r, "SC-" + UUID.randomUUID(), LocalDate.now().minusMonths(2), itemCode)
                    .andExpect(jsonPath("$.accepted").value(1));
            residents.add(r);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> residents.stream()
                .allMatch(r -> scoring.scoreOf(r.id()).isPresent()));
        return residents;
    }

    private long historyOf(UUID[] subjectIds) {
        return jdbc.sql("SELECT count(*) FROM scoring.score_history WHERE subject_id = ANY(?::uuid[])")
                .param(subjectIds).query(Long.class).single();
    }

    private Resident resident(LocalDate birth, String name) {
        int n = ++next;
        String first17 = "411702" + birth.toString().replace("-", "") + String.format("%03d", n % 1000);
        String number = TestCitizens.withCheckCharacter(first17);
        UUID id = subjects.registerPerson(new NewPerson(subjects.validate(DocumentType.RESIDENT_ID, number), name, null,
                null, List.of(new NewPerson.Residence(ResidencyKind.HOUSEHOLD, "411702", birth)), List.of(), false));
        return new Resident(id, number, name);
    }
}
