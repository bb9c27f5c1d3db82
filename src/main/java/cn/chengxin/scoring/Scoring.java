package cn.chengxin.scoring;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import cn.chengxin.account.ApiClients;
import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.catalog.Catalogue;
import cn.chengxin.catalog.ItemVersionApproved;
import cn.chengxin.catalog.domain.ItemDefinition;
import cn.chengxin.creditfile.CreditFile;
import cn.chengxin.creditfile.RecordFacts;
import cn.chengxin.creditfile.RecordStatus;
import cn.chengxin.exchange.Exchange;
import cn.chengxin.listing.ListType;
import cn.chengxin.listing.Listing;
import cn.chengxin.scoring.domain.BenefitDefinition;
import cn.chengxin.scoring.domain.CompiledModel;
import cn.chengxin.scoring.domain.Dimension;
import cn.chengxin.scoring.domain.GradeBand;
import cn.chengxin.scoring.domain.ScoreCalculator;
import cn.chengxin.scoring.domain.ScoreModel;
import cn.chengxin.scoring.domain.ScoreOutcome;
import cn.chengxin.scoring.domain.ScoredRecord;
import cn.chengxin.scoring.persistence.JdbcRangeScores;
import cn.chengxin.scoring.persistence.JdbcScores;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.security.Actor;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.ResidentFacts;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.TypedText;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scores (RULES.md §8): computed in bulk with the active model from the records that count — catalogue items usable
 * for scoring, shown (active or in dispute); expired, repaired, revoked and corrected records do not count — for
 * adults resident long enough. A model becomes active only when a second person approves it; activation recomputes
 * the whole population as a job with progress. Every change of score goes into the history; a grade change is an
 * event.
 */
@Service
public class Scoring {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Scoring.class);

    /** Persons per range of the full recompute. */
    static final int PAGE = 25_000;
    /** Pages rescored at a time by the full recompute. */
    static final int WORKERS = 2;
    /** The states in which a record counts (RULES.md §8): shown, whether or not in dispute. */
    static final java.util.Set<RecordStatus> COUNTED = java.util.EnumSet.of(RecordStatus.ACTIVE,
            RecordStatus.IN_DISPUTE);

    private final JdbcScores store;
    private final JdbcRangeScores rangeStore;
    private final SubjectRegistry subjects;
    private final CreditFile creditFile;
    private final Catalogue catalogue;
    private final Listing listing;
    private final Exchange exchange;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ApiClients apiClients;
    private final cn.chengxin.shared.jdbc.ClusterJobs clusterJobs;
    private volatile CompiledModel active;
    private final org.springframework.transaction.support.TransactionTemplate installBase;
    /** The page's figures are counted in one snapshot of the database (P8: coverage exact as of its time). */
    private final org.springframework.transaction.support.TransactionTemplate oneSnapshot;
    private final Job job = new Job();
    private final ModelAssessments assessments;

    Scoring(JdbcScores store, JdbcRangeScores rangeStore, SubjectRegistry subjects, CreditFile creditFile, Catalogue catalogue, Listing listing,
            Exchange exchange, AuditLog audit, ApplicationEventPublisher events, Clock clock,
            org.springframework.transaction.PlatformTransactionManager transactions, ApiClients apiClients,
            cn.chengxin.shared.jdbc.ClusterJobs clusterJobs, ModelAssessments assessments) {
        this.assessments = assessments;
        this.installBase = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.installBase.setPropagationBehavior(
                org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.oneSnapshot = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.oneSnapshot.setPropagationBehavior(
                org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.oneSnapshot.setIsolationLevel(org.springframework.transaction.TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.oneSnapshot.setReadOnly(true);
        this.store = store;
        this.rangeStore = rangeStore;
        this.subjects = subjects;
        this.creditFile = creditFile;
        this.catalogue = catalogue;
        this.listing = listing;
        this.exchange = exchange;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.apiClients = apiClients;
        this.clusterJobs = clusterJobs;
    }

    // ---- models

    public List<JdbcScores.StoredModel> models() {
        return store.models();
    }

    /**
     * The active model as stored; the base preset is installed (by the system) the first time none exists. Every
     * scoring pass (a rescore, the full recompute, the score page, the grade notices' bands) reads the active model's
     * code and version (one row) and compiles the model again when it is not the one compiled: an approval on another
     * instance reaches this one at its next pass (finding N1).
     */
    public CompiledModel activeModel() {
        CompiledModel model = active;
        Optional<JdbcScores.ModelId> id = store.activeModelId();
        if (model != null && id.isPresent() && model.model().code().equals(id.get().code())
                && model.model().version() == id.get().version()) {
            return model;
        }
        synchronized (this) {
            Optional<JdbcScores.StoredModel> stored = store.models().stream()
                    .filter(m -> m.status().equals("ACTIVE")).findFirst();
            if (stored.isEmpty()) {
                // Committed on its own before anyone uses it: a listener that installed it inside its own
                // transaction would let other threads score with a model they cannot yet read.
                installBase.executeWithoutResult(status -> store.propose(ScoreModel.weihai(), "ACTIVE", "system",
                        clock.instant()));
                stored = store.models().stream().filter(m -> m.status().equals("ACTIVE")).findFirst();
            }
            ScoreModel found = stored.orElseThrow().model();
            model = active;
            if (model == null || !model.model().code().equals(found.code())
                    || model.model().version() != found.version()) {
                model = ScoreCalculator.compile(found);
                active = model;
            }
        }
        return model;
    }

    /** Proposes a model (a new version of its code) for review; refused with every reason when invalid. */
    @Transactional
    public int propose(ScoreModel draft) {
        // Its name, dimensions and grades are shown to citizens with their score and its explanation (RULES.md §10).
        TypedText.requireNoIdentityNumber("definition", "模型名称", draft.name());
        for (Dimension dimension : draft.dimensions()) {
            TypedText.requireNoIdentityNumber("definition", "维度名称", dimension.label());
        }
        for (GradeBand grade : draft.grades()) {
            TypedText.requireNoIdentityNumber("definition", "等级名称", grade.label());
        }
        List<String> problems = draft.problems();
        if (!problems.isEmpty()) {
            throw new ScoringProblem("MODEL_INVALID", DomainProblem.Kind.INVALID_INPUT, String.join("；", problems));
        }
        Actor by = AuditLog.currentActor();
        int version = store.nextVersion(draft.code());
        ScoreModel model = new ScoreModel(draft.code(), version, draft.name(), draft.baseScore(), draft.minScore(),
                draft.maxScore(), draft.dimensions(), draft.items(), draft.decay(), draft.severityWeights(),
                draft.grades(), draft.minAdultAge(), draft.minResidenceMonths());
        store.propose(model, "PENDING", by.actorId(), clock.instant());
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "scoring.model.propose").detail(draft.code() + " v" + version));
        return version;
    }

    /**
     * Activates a pending model (never by its proposer, and only with its impact assessment recorded: PIPL Art. 55,
     * {@link ModelAssessments}) and starts the full recompute.
     */
    public void approve(String code, int version, String note) {
        TypedText.requireNoIdentityNumber("note", "审核意见", note);
        Actor by = AuditLog.currentActor();
        JdbcScores.StoredModel pending = store.models().stream()
                .filter(m -> m.code().equals(code) && m.version() == version).findFirst()
                .orElseThrow(() -> new ScoringProblem("MODEL_UNKNOWN", DomainProblem.Kind.NOT_FOUND, "没有该评分模型版本"));
        if (pending.proposedBy().equals(by.actorId())) {
            throw new ScoringProblem("MODEL_SELF_REVIEW", DomainProblem.Kind.FORBIDDEN, "提出评分模型的人不能审核启用它");
        }
        // Only a pending version's assessment can change, and none is deleted while pending: checked before.
        if (pending.status().equals("PENDING")) {
            assessments.requireFor(code, version);
        }
        if (!store.activate(code, version, by.actorId(), clock.instant(), note)) {
            throw new ScoringProblem("MODEL_NOT_PENDING", DomainProblem.Kind.CONFLICT, "该模型版本不在待审核状态");
        }
        active = null;
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "scoring.model.activate").detail(code + " v" + version));
        startRecompute();
    }

    /** The nightly deletion of the assessments kept their time ({@link ModelAssessments#dropExpired}). */
    int dropExpiredAssessments(LocalDate today) {
        return assessments.dropExpired(today);
    }

    /** How many model versions proposed by someone else wait for {@code reviewerId}'s approval (工作台, finding K6). */
    public long modelsAwaiting(String reviewerId) {
        return store.countPendingProposedByOthers(reviewerId);
    }

    /** Returns a pending model to its proposer with the reason; audited as its approval is (maker-checker). */
    public void reject(String code, int version, String note) {
        // The proposer revises from the reason; a rejection without one leaves nothing to act on.
        if (note == null || note.isBlank()) {
            throw new ScoringProblem("REJECTION_REASON_MISSING", DomainProblem.Kind.INVALID_INPUT,
                    "不予启用须写明理由，提出人据此修改");
        }
        TypedText.requireNoIdentityNumber("note", "退回理由", note);
        Actor by = AuditLog.currentActor();
        if (!store.reject(code, version, by.actorId(), clock.instant(), note)) {
            throw new ScoringProblem("MODEL_NOT_PENDING", DomainProblem.Kind.CONFLICT, "该模型版本不在待审核状态");
        }
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "scoring.model.reject")
                .detail(code + " v" + version + (note == null || note.isBlank() ? "" : "：" + note)));
    }

    // ---- computing

    /**
     * Whether an approved catalogue version of an item (maker-checker: from its approval on, never before) changes
     * what scoring reads of the item — its use for scoring, or the severity or name of an item used — so that every
     * subject with a counted record of it is to be rescored ({@link RescoringHolders}).
     */
    boolean changesScores(ItemVersionApproved approved) {
        return catalogue.revision(approved).filter(r -> changesScores(r.before(), r.now())).isPresent();
    }

    private static boolean changesScores(ItemDefinition before, ItemDefinition now) {
        return before.usableForScoring() != now.usableForScoring() || now.usableForScoring()
                && (before.severity() != now.severity() || !before.name().equals(now.name()));
    }

    /**
     * Rescores these subjects (organisations are skipped) in one pass: their facts in two queries, their scores in
     * one transaction; returns how many subjects were scored or found not scorable.
     */
    public int rescore(Collection<UUID> subjectIds) {
        return rescore(subjectIds, false);
    }

    /**
     * {@link #rescore(Collection)} after records a back-load stored ({@code backLoad}, gaps review xliii X4): scored
     * alike, the grade must be right, but its changes are published as a back-load's ({@link GradesChanged#backLoad}),
     * which nobody is told of as news.
     */
    public int rescore(Collection<UUID> subjectIds, boolean backLoad) {
        if (subjectIds.isEmpty()) {
            return 0;
        }
        int scored = rescoreOnce(subjectIds, backLoad);
        // -1: another version was approved during the pass (here or on another instance); scored again with it.
        return scored >= 0 ? scored : Math.max(0, rescoreOnce(subjectIds, backLoad));
    }

    /** {@link #rescore}; -1 when nothing was stored as the pass's model is no longer the active one. */
    private int rescoreOnce(Collection<UUID> subjectIds, boolean backLoad) {
        Pass pass = new Pass(activeModel(), UsableItems.of(catalogue.versionsEverInForce()), LocalDate.now(clock));
        Instant readAt = clock.instant();
        Map<UUID, ResidentFacts> facts = subjects.residentFacts(subjectIds);
        if (facts.isEmpty()) {
            return 0;
        }
        // Only what the calculation reads (no content), and only the records shown, of scorable subjects.
        List<UUID> scorable = new ArrayList<>();
        facts.values().forEach(f -> {
            if (pass.model.refusal(f.birthDate(), f.residentSince(), pass.today).isEmpty()) {
                scorable.add(f.id());
            }
        });
        // The few records collected under a version of their item that did not allow scoring: none to look for, and
        // no query, unless such a version was ever in force.
        Set<UUID> notUsableThen = creditFile.collectedUnder(scorable, null, null, pass.items.notUsableThen());
        return scoreAndStore(pass, facts.values(), creditFile.factsOf(scorable, COUNTED), notUsableThen, readAt,
                backLoad);
    }

    /**
     * One scoring pass: the model, the catalogue's items usable for scoring (by the versions in force: a version in
     * preparation counts only once a second person approves it; and by the versions records were collected under),
     * and the day scored.
     */
    private record Pass(CompiledModel model, UsableItems items, LocalDate today) {
    }

    /**
     * Scores the subjects from their records that count (RULES.md §8: items usable for scoring, records shown) and
     * stores the scores as computed from facts read at {@code readAt}; publishes the grade changes.
     */
    private int scoreAndStore(Pass pass, Collection<ResidentFacts> facts, Map<UUID, List<RecordFacts>> files,
                              Set<UUID> notUsableThen, Instant readAt, boolean backLoad) {
        CompiledModel model = pass.model;
        String code = model.model().code();
        int version = model.model().version();
        List<JdbcScores.Row> rows = new ArrayList<>(facts.size());
        for (ResidentFacts f : facts) {
            List<RecordFacts> file = files.getOrDefault(f.id(), List.of());
            List<ScoredRecord> counted = new ArrayList<>(file.size());
            for (RecordFacts r : file) {
                ItemDefinition item = pass.items.inForce().get(r.itemCode());
                if (item != null && COUNTED.contains(r.status()) && !notUsableThen.contains(r.recordKey())) {
                    counted.add(new ScoredRecord(r.recordKey(), r.itemCode(), item.severity(), r.decisionDate(),
                            item.name()));
                }
            }
            ScoreOutcome outcome = model.score(f.birthDate(), f.residentSince(), counted, pass.today);
            Integer year = f.birthDate() == null ? null : f.birthDate().getYear();
            if (outcome instanceof ScoreOutcome.Scored scored) {
                rows.add(new JdbcScores.Row(f.id(), code, version, scored.score(), scored.grade(),
                        scored.gradeLabel(), null, null, f.regionCode(), year, scored.dimensions(),
                        scored.contributions()));
            } else if (outcome instanceof ScoreOutcome.NotScored notScored) {
                rows.add(new JdbcScores.Row(f.id(), code, version, null, null, null, notScored.code(),
                        notScored.reason(), f.regionCode(), year, List.of(), List.of()));
            }
        }
        Optional<List<JdbcScores.GradeChange>> stored = store.storeIfActive(code, version, rows, readAt);
        if (stored.isEmpty()) {
            return -1;
        }
        List<GradesChanged.Change> changes = stored.get().stream()
                .map(c -> new GradesChanged.Change(c.subjectId(), c.from(), c.to())).toList();
        if (!changes.isEmpty()) {
            events.publishEvent(new GradesChanged(changes, readAt, backLoad));
        }
        return rows.size();
    }

    /** The state of the full recompute. */
    public record Progress(boolean running, long done, long total, Instant startedAt, Instant finishedAt) {
    }

    /**
     * The full recompute's progress: this instance's run while one runs here; else the nightly run's as stored in the
     * database (gaps review xxxiii N5), whichever instance runs or ran it, when it is later than this instance's last.
     */
    public Progress progress() {
        Progress here = job.progress();
        if (here.running()) {
            return here;
        }
        return clusterJobs.progress(ScoringJobs.RECOMPUTE_JOB)
                .filter(night -> night.running() || here.finishedAt() == null
                        || night.finishedAt() != null && night.finishedAt().isAfter(here.finishedAt()))
                .map(night -> new Progress(night.running(), night.done(),
                        night.total() == null ? here.total() : night.total(), night.claimedAt(), night.finishedAt()))
                .orElse(here);
    }

    /**
     * Where a full recompute got: every range through the person {@code through} is done, {@code done} persons of
     * {@code total}. False stops the run (its claim was taken over by another instance).
     */
    @FunctionalInterface
    interface Checkpoints {
        Checkpoints NONE = (through, done, total) -> true;

        boolean reached(UUID through, long done, long total);
    }

    /**
     * Starts the full recompute in the background; false when one is running, which then runs once more when done:
     * it scores with the model active when it started, and a model activated meanwhile must still reach everyone.
     */
    public boolean startRecompute() {
        return startRecompute(() -> { });
    }

    /**
     * {@link #startRecompute()}, running {@code ended} on the recompute's thread when it ends (done or failed); when a
     * recompute runs already, {@code ended} runs at once (that one runs once more, as above).
     */
    public boolean startRecompute(Runnable ended) {
        return startRecompute(null, 0, Checkpoints.NONE, ended);
    }

    /**
     * {@link #startRecompute(Runnable)}, from the ranges after the person {@code resumeAfter} (null: all), counting
     * {@code doneBefore} persons done already (a run taken over from a dead instance: gaps review xxxiii N5), telling
     * {@code checkpoints} of each range done in order. A run once more (a model activated meanwhile) does everyone.
     */
    boolean startRecompute(UUID resumeAfter, long doneBefore, Checkpoints checkpoints, Runnable ended) {
        if (!job.start(subjects.persons(), clock.instant())) {
            ended.run();
            return false;
        }
        Thread worker = new Thread(() -> {
            boolean again = true;
            UUID from = resumeAfter;
            long before = doneBefore;
            try {
                while (again) {
                    recomputeAll(from, before, checkpoints);
                    from = null;
                    before = 0;
                    again = job.finishOrAgain(clock.instant());
                }
                keptFiguresAfterTheRun();
            } finally {
                if (again) {
                    // recomputeAll failed
                    job.finish(clock.instant());
                }
                ended.run();
            }
        }, "scoring-recompute");
        worker.setDaemon(true);
        worker.start();
        return true;
    }

    /**
     * Recomputes every person, range by range of {@link #PAGE} ids, {@link #WORKERS} ranges at a time (the benchmark
     * and the job call this). A range's persons and records are read with one range scan each, not a list of ids.
     */
    public long recomputeAll() {
        return recomputeAll(null, 0, Checkpoints.NONE);
    }

    /**
     * {@link #recomputeAll()} from the ranges after the person {@code resumeAfter} (null: from the first), with {@code
     * doneBefore} persons done already; each range done in order is told to {@code checkpoints}, and the run stops
     * (returning what it did) when they answer false. A resumed run counts the day's grades from the table.
     */
    long recomputeAll(UUID resumeAfter, long doneBefore, Checkpoints checkpoints) {
        long total = job.progress().total();
        RangeScoring pass = new RangeScoring(activeModel(), UsableItems.of(catalogue.versionsEverInForce()),
                LocalDate.now(clock), COUNTED,
                subjects, creditFile, rangeStore, events, clock);
        // Ranges are independent (each subject is in one), so WORKERS of them are rescored at a time: one range's
        // calculation overlaps another's database work. The calling thread finds the ranges' ends.
        java.util.concurrent.ExecutorService workers = java.util.concurrent.Executors.newFixedThreadPool(WORKERS,
                r -> {
                    Thread t = new Thread(r, "scoring-recompute-page");
                    t.setDaemon(true);
                    return t;
                });
        java.util.ArrayDeque<java.util.concurrent.Future<Integer>> inFlight = new java.util.ArrayDeque<>();
        java.util.ArrayDeque<Optional<UUID>> ends = new java.util.ArrayDeque<>();
        UUID after = resumeAfter;
        long done = doneBefore;
        boolean kept = true;
        try {
            boolean more = true;
            while (more && kept) {
                UUID from = after;
                UUID last = subjects.personPageEnd(after, PAGE).orElse(null);
                more = last != null;
                inFlight.add(workers.submit(() -> pass.score(from, last)));
                ends.add(Optional.ofNullable(last));
                if (inFlight.size() >= WORKERS) {
                    done += finished(inFlight.poll());
                    kept = reached(ends.poll(), done, total, checkpoints);
                }
                after = last;
            }
            while (!inFlight.isEmpty() && kept) {
                done += finished(inFlight.poll());
                kept = reached(ends.poll(), done, total, checkpoints);
            }
        } finally {
            workers.shutdownNow();
        }
        if (!kept) {
            log.info("Full recompute stopped after {} persons: another instance took it over", done);
            return done;
        }
        // The day's distribution from the grades just computed: counting them again in the table read every score
        // row (every model's), 0.5-0.7 s of a recompute of 1,000,000 residents.
        if (resumeAfter == null) {
            store.snapshotGrades(LocalDate.now(clock), pass.gradeCounts());
        } else {
            store.snapshotGrades(LocalDate.now(clock));
        }
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "scoring.recompute").detail(AuditDetail.of("PERSONS_SCORED").with("persons", done)));
        return done;
    }

    /** A range done, in order: the progress shown here, and the run's checkpoint (the last range has no end). */
    private boolean reached(Optional<UUID> through, long done, long total, Checkpoints checkpoints) {
        job.done(done);
        return through.isEmpty() || checkpoints.reached(through.get(), done, total);
    }

    private static int finished(java.util.concurrent.Future<Integer> page) {
        try {
            return page.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("full recompute interrupted", e);
        }
    }

    // ---- reading

    /**
     * The subject's current score with its explanation; for a subject the active model does not score (a minor, not
     * resident or not long enough, age unknown), that outcome with its reason as of now — derived from the registry,
     * as no row is stored for it unless it ended a score. Empty when there is no score yet (a resident not yet
     * computed, an organisation).
     */
    public Optional<SubjectScore> scoreOf(UUID subject) {
        Map<String, String> names = new HashMap<>();
        catalogue.active().forEach(i -> names.put(i.code(), i.definition().name()));
        Optional<SubjectScore> stored = store.score(subject, names::get).map(r -> new SubjectScore(r.subjectId(),
                r.modelCode(), r.modelVersion(), r.score(), r.grade(), r.gradeLabel(), r.notScoredCode(),
                r.notScoredReason(), store.computedAt(subject).orElse(null), r.dimensions(), r.contributions()));
        CompiledModel model = activeModel();
        String code = model.model().code();
        int version = model.model().version();
        if (stored.isPresent() && (stored.get().scored()
                || stored.get().modelCode().equals(code) && stored.get().modelVersion() == version)) {
            return stored;
        }
        ResidentFacts facts = subjects.residentFacts(Set.of(subject)).get(subject);
        Optional<ScoreOutcome.NotScored> refusal = facts == null ? Optional.empty()
                : model.refusal(facts.birthDate(), facts.residentSince(), LocalDate.now(clock));
        return refusal.map(r -> new SubjectScore(subject, code, version, null, null, null, r.code(), r.reason(),
                clock.instant(), List.of(), List.of())).or(() -> stored);
    }

    /**
     * The subject's records now in dispute, by record key: a record counts for the score while in dispute (RULES.md
     * §8), and wherever it is shown it carries the 异议中 mark (RULES.md §5) — the explanation too. Read from the
     * credit file at the time of reading, not from the stored score, which may be older than the objection.
     */
    public Set<UUID> inDispute(UUID subject) {
        Set<UUID> keys = new HashSet<>();
        creditFile.factsOf(List.of(subject), java.util.EnumSet.of(RecordStatus.IN_DISPUTE))
                .getOrDefault(subject, List.of()).forEach(r -> keys.add(r.recordKey()));
        return keys;
    }

    /** 信用等级变动通知: every change of the subject's grade, newest first (RULES.md §8; issue #6). */
    public List<JdbcScores.GradeNotice> gradeNotices(UUID subject) {
        return store.gradeNotices(subject);
    }

    public List<JdbcScores.HistoryPoint> history(UUID subject) {
        return store.history(subject);
    }

    /**
     * The benefits the subject qualifies for now: by grade or by being on the red list, and none at all while the
     * subject is on the black or grey list (RULES.md §7–8) — this city's, or one another platform issued and sent us
     * (RULES.md §11, 一处失信，处处受限), as the checks of the measures module count it.
     */
    public List<JdbcScores.Benefit> benefitsOf(UUID subject) {
        return benefitsAnswer(subject).benefits();
    }

    /**
     * Whether the subject refuses to be judged by automated grading (PIPL Art. 24; RULES.md §8;
     * {@link ScoreReviews#refuseAutomatedGrading}). What others are given to decide on leaves the grading out while
     * they do: benefits checks answer "manual assessment needed" ({@link #benefitsAnswer}), reports for anyone but
     * the person carry no score, grade or explanation (inquiry).
     */
    public boolean refusesAutomatedGrading(UUID subject) {
        return store.standing(subject).refusesAutomatedGrading();
    }

    /**
     * The answer of a benefits check ({@link #benefitsOf}). A subject who refuses to be judged by automated grading
     * (PIPL Art. 24; RULES.md §8) is not answered by grade, neither granted nor refused: the answer says a manual
     * assessment is needed. The red and black lists still count: entries are decided by people (maker-checker), not
     * by the grading.
     */
    public BenefitsAnswer benefitsAnswer(UUID subject) {
        Eligibility eligibility = eligibility(subject);
        return new BenefitsAnswer(store.benefits().stream().filter(eligibility::grants).toList(),
                eligibility.manual());
    }

    /**
     * What grants a subject a benefit now. {@code withheld}: an entry that withholds incentives is in force, here or
     * received ({@link ListType#withholdsIncentives}, RULES.md §7, §11); then nothing is granted, by grade or by the red
     * list. {@code grade}: null when not scored, or when the subject refuses automated grading ({@code manual}).
     */
    record Eligibility(boolean withheld, boolean red, String grade, boolean manual) {

        /** No benefit: a subject the registry does not know. */
        static final Eligibility NONE = new Eligibility(false, false, null, false);

        boolean grants(JdbcScores.Benefit benefit) {
            return !withheld && (grade != null && benefit.grades().contains(grade)
                    || red && BenefitDefinition.RED_LIST.equals(benefit.listCondition()));
        }
    }

    Eligibility eligibility(UUID subject) {
        LocalDate today = LocalDate.now(clock);
        JdbcScores.Standing standing = store.standing(subject);
        Set<ListType> inForce = new HashSet<>();
        listing.entriesOf(subject).stream().filter(e -> e.inForce(today)).forEach(e -> inForce.add(e.listType()));
        boolean withheld = inForce.stream().anyMatch(ListType::withholdsIncentives)
                || withheldElsewhere(subject, today);
        boolean manual = standing.refusesAutomatedGrading();
        return new Eligibility(withheld, inForce.contains(ListType.RED), manual ? null : standing.grade(), manual);
    }

    private boolean withheldElsewhere(UUID subject, LocalDate today) {
        return subjects.pseudonymOf(subject).map(exchange::receivedAbout).orElse(List.of()).stream()
                .anyMatch(e -> e.inForce(today) && e.listType() != null
                        && ListType.valueOf(e.listType()).withholdsIncentives());
    }

    /**
     * Adds a benefit to the 信用惠民 catalogue or changes the one with its code (RULES.md §8); refused with every
     * reason when invalid. The same permission as proposing a model; audited.
     */
    @Transactional
    public void saveBenefit(BenefitDefinition benefit) {
        // Offered to citizens by name, provider and scenario on their score page, and the scenario to providers with
        // each benefits check (RULES.md §10: no identity number in clear).
        TypedText.requireNoIdentityNumber("name", "惠民措施名称", benefit.name());
        TypedText.requireNoIdentityNumber("provider", "提供单位", benefit.provider());
        TypedText.requireNoIdentityNumber("scenario", "适用场景", benefit.scenario());
        Set<String> grades = new HashSet<>();
        store.models().forEach(m -> m.model().grades().forEach(g -> grades.add(g.grade())));
        List<String> problems = new ArrayList<>(benefit.problems(grades));
        if (!checkingClients().containsAll(benefit.providerClients())) {
            problems.add(NOT_A_CHECKING_CLIENT);
        }
        if (!problems.isEmpty()) {
            throw new ScoringProblem("BENEFIT_INVALID", DomainProblem.Kind.INVALID_INPUT, String.join("；", problems));
        }
        store.saveBenefit(benefit);
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "scoring.benefit.save").detail(benefit.code()));
    }

    static final String NOT_A_CHECKING_CLIENT = "提供方接口客户端须为在用且持有信用惠民核验权限的客户端";

    /**
     * The institutions a benefit may be bound to: a department's or an institution's, with a key in use that may check
     * benefits. A benefit names the institution, so that the renewal of its key keeps it (gaps review xxix K2).
     */
    Set<UUID> checkingClients() {
        Set<UUID> checking = new HashSet<>();
        apiClients.clients().stream()
                .filter(c -> !c.revoked() && c.permissions().contains(Permission.API_BENEFITS_CHECK))
                .forEach(c -> checking.add(c.institutionId()));
        return checking;
    }

    /** Stops offering a benefit; audited. */
    @Transactional
    public void deactivateBenefit(String code) {
        if (!store.deactivateBenefit(code)) {
            throw new ScoringProblem("BENEFIT_UNKNOWN", DomainProblem.Kind.NOT_FOUND, "没有该在用的惠民事项");
        }
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "scoring.benefit.deactivate").detail(code));
    }

    public List<JdbcScores.Benefit> benefits() {
        return store.benefits();
    }

    /**
     * Per district: residents (persons with a current residence, in the registry, at the district of their first
     * one) and how many of them the active model scored; counted now, over every residence and score (the progress
     * report's; the scoring page reads {@link #keptFigures()}).
     */
    public List<JdbcScores.Coverage> coverage() {
        return JdbcScores.coverage(subjects.residentsByRegion(), store.scoredByRegion());
    }

    /** The city's coverage: the districts' {@link #coverage()} summed. */
    public ScoreCoverage coverageTotal() {
        List<JdbcScores.Coverage> coverage = coverage();
        return new ScoreCoverage(coverage.stream().mapToLong(JdbcScores.Coverage::residents).sum(),
                coverage.stream().mapToLong(JdbcScores.Coverage::scored).sum());
    }

    /**
     * The scoring page's figures as last counted (gaps-review-xxxv P8): at the end of each full recompute — nightly,
     * and after a model is approved — never at a view. Only the first view of a platform that has none yet counts
     * them, once.
     */
    public JdbcScores.KeptFigures keptFigures() {
        return store.keptFigures().orElseGet(() -> {
            keepFigures();
            return store.keptFigures().orElseThrow();
        });
    }

    /**
     * The scoring page's figures as of the run's end (gaps-review-xxxv P8): counted once a run (nightly, after an
     * approval), not at each view; a failed count leaves the last one shown, with its time. Not in
     * {@link #recomputeAll()}, which the recompute benchmark times.
     */
    private void keptFiguresAfterTheRun() {
        try {
            keepFigures();
        } catch (RuntimeException e) {
            log.warn("Counting the scoring page's figures after the recompute failed; the last count stays shown", e);
        }
    }

    /**
     * Counts the scoring page's figures — coverage by district, grades by age band and by district — in one REPEATABLE
     * READ transaction, so that residents and scored persons are counted in the same state of the database and the
     * share is exact as of the time kept with them; then keeps them (a later count kept meanwhile wins), and the day's
     * grade distribution for the trend if the day has none yet (summed from the same count).
     */
    public void keepFigures() {
        LocalDate today = LocalDate.now(clock);
        JdbcScores.KeptFigures counted = oneSnapshot.execute(status -> {
            Instant at = clock.instant();
            return new JdbcScores.KeptFigures(at, coverage(), gradesByAgeBand(), gradesByDistrict());
        });
        installBase.executeWithoutResult(status -> {
            if (store.keepFigures(counted) && !store.gradesSnapshotted(today)) {
                store.snapshotGrades(today, counted.grades());
            }
        });
    }

    public List<JdbcScores.GradeCount> gradesByAgeBand() {
        return store.gradesByAgeBand(LocalDate.now(clock).getYear());
    }

    /**
     * The grade distribution per day over the last 90 days, as kept: by each full recompute, or with the page's
     * figures ({@link #keepFigures()}); a day without either has no point (never a count of every score at a view).
     */
    public List<JdbcScores.Snapshot> gradeTrend() {
        return store.gradeTrend(LocalDate.now(clock).minusDays(90));
    }

    public List<JdbcScores.GradeCount> gradesByDistrict() {
        return store.gradesByDistrict();
    }

    /** Progress of the one full recompute that may run at a time. */
    private static final class Job {
        private boolean running;
        private boolean again;
        private final AtomicLong done = new AtomicLong();
        private long total;
        private Instant startedAt;
        private Instant finishedAt;

        synchronized boolean start(long total, Instant at) {
            if (running) {
                again = true;
                return false;
            }
            running = true;
            done.set(0);
            this.total = total;
            startedAt = at;
            finishedAt = null;
            return true;
        }

        void done(long n) {
            done.set(n);
        }

        /** Ends the run, or starts the next one if asked for meanwhile (true). */
        synchronized boolean finishOrAgain(Instant at) {
            if (again) {
                again = false;
                done.set(0);
                startedAt = at;
                return true;
            }
            finish(at);
            return false;
        }

        synchronized void finish(Instant at) {
            running = false;
            again = false;
            finishedAt = at;
        }

        synchronized Progress progress() {
            return new Progress(running, done.get(), total, startedAt, finishedAt);
        }
    }
}
