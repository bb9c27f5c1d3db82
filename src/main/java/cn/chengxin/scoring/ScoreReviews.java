package cn.chengxin.scoring;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.account.NoticeArg;
import cn.chengxin.account.Notices;
import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.objection.Objection;
import cn.chengxin.objection.Objections;
import cn.chengxin.scoring.domain.Contribution;
import cn.chengxin.scoring.domain.ReviewDeadline;
import cn.chengxin.scoring.domain.ReviewOutcome;
import cn.chengxin.scoring.domain.ScoreReview;
import cn.chengxin.scoring.persistence.JdbcScoreReviews;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.Ids;
import cn.chengxin.shared.calendar.WorkingDays;
import cn.chengxin.shared.privacy.IdentityRedaction;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.TypedText;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's rights over the automated grading (PIPL Art. 24; RULES.md §8: an explanation, and the refusal of a
 * decision made solely by automated means). They ask for a person of the credit office to review their score
 * (申请人工复核), who answers in writing within {@link ReviewDeadline} working days; and they may refuse, and later
 * accept again, to be judged by the grading, which then answers benefits checks with "manual assessment needed"
 * ({@link Scoring#benefitsAnswer}) and is left out of the reports others obtain. Every step is audited about the person and told to them in self-service.
 */
@Service
public class ScoreReviews {

    private static final String LINK = "/me/score#reviews";

    private final JdbcScoreReviews store;
    private final Scoring scoring;
    private final SubjectRegistry subjects;
    private final Notices notices;
    private final AuditLog audit;
    private final WorkingDays workingDays;
    private final Clock clock;
    private final ReviewDeadline deadline;
    private final Objections objections;

    ScoreReviews(JdbcScoreReviews store, Scoring scoring, SubjectRegistry subjects, Notices notices, AuditLog audit,
                 WorkingDays workingDays, Clock clock,
                 @Value("${chengxin.scoring.review-working-days:3}") int reviewWorkingDays, Objections objections) {
        this.objections = objections;
        this.store = store;
        this.scoring = scoring;
        this.subjects = subjects;
        this.notices = notices;
        this.audit = audit;
        this.workingDays = workingDays;
        this.clock = clock;
        // Checked as the platform starts: a mistyped value stops it rather than reaching a request.
        this.deadline = new ReviewDeadline(reviewWorkingDays);
    }

    public ReviewDeadline deadline() {
        return deadline;
    }

    /**
     * 申请人工复核: the person asks, with their reasons, for their current score to be reviewed by a person; one open
     * request at a time. The reasons are kept with any identity number masked, as an objection's are (RULES.md §10).
     */
    @Transactional
    public UUID request(UUID subject, String reasons) {
        if (!ScoreReview.acceptable(reasons)) {
            throw new ScoringProblem("SCORE_REVIEW_REASONS", DomainProblem.Kind.INVALID_INPUT,
                    "请写明申请人工复核的理由（不超过 " + ScoreReview.MAX_TEXT + " 字）");
        }
        Optional<SubjectScore> score = scoring.scoreOf(subject);
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        ScoreReview review = new ScoreReview(Ids.newId(), subject, IdentityRedaction.redact(reasons.strip()),
                score.map(SubjectScore::modelCode).orElse(null), score.map(SubjectScore::modelVersion).orElse(null),
                score.map(SubjectScore::score).orElse(null), score.map(SubjectScore::grade).orElse(null), now,
                deadline.due(workingDays.calendar(), today), null, null, null, null, null, null, null);
        if (!store.insert(review)) {
            throw new ScoringProblem("SCORE_REVIEW_OPEN", DomainProblem.Kind.CONFLICT,
                    "您已有一件正在办理的人工复核申请，答复后方可再次申请");
        }
        notices.notify(subject, "SCORE_REVIEW_RECEIVED", "您的信用分人工复核申请已受理",
                "信用办将由工作人员复核您的信用分，并于 " + review.dueOn() + " 前书面答复（按工作日计算）。", LINK,
                "SCORE_REVIEW_RECEIVED", List.of(NoticeArg.date(review.dueOn())));
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "scoring.review.request").subject(pseudonym(subject))
                .detail(scored(AuditDetail.of("REVIEW_ASKED"), review)));
        return review.id();
    }

    /**
     * The credit office's written answer to an open request (PIPL Art. 24, 50): upheld, or the score computed again
     * from the records; the person reads it on their score page and gets a notice. Not {@link ReviewOutcome#OBJECTION},
     * which names a record ({@link #answer(UUID, ReviewOutcome, String, UUID)}).
     */
    @Transactional
    public void answer(UUID id, ReviewOutcome outcome, String answer) {
        answer(id, outcome, answer, null);
    }

    /**
     * The written answer, as {@link #answer(UUID, ReviewOutcome, String)}; answered {@link ReviewOutcome#OBJECTION}
     * (转异议处理, gaps-review-xxiv G12), {@code recordKey} names a record that contributed to the person's score now,
     * as the reviewer read it, and an objection is filed on it for the person through the objection module, as if they
     * had filed it, with the reasons they gave for the review (RULES.md §5: only an objection decides whether a record
     * is wrong, with its own deadlines, marks and notices). The review closes with that outcome, keeps the objection,
     * and the person is told its reference and deadline. All in one transaction: an objection refused (the record no
     * longer shown, the person's daily limit of filings) answers nothing.
     */
    @Transactional
    public void answer(UUID id, ReviewOutcome outcome, String answer, UUID recordKey) {
        ScoreReview review = store.find(id).orElseThrow(() -> new ScoringProblem("SCORE_REVIEW_UNKNOWN",
                DomainProblem.Kind.NOT_FOUND, "没有这件人工复核申请"));
        if (outcome == null) {
            throw new ScoringProblem("SCORE_REVIEW_OUTCOME", DomainProblem.Kind.INVALID_INPUT, "请选择复核结果");
        }
        if (!ScoreReview.acceptable(answer)) {
            throw new ScoringProblem("SCORE_REVIEW_ANSWER", DomainProblem.Kind.INVALID_INPUT,
                    "须书面写明复核答复（不超过 " + ScoreReview.MAX_TEXT + " 字），申请人据此了解复核结论");
        }
        // Shown to the person in self-service and sent as their notice: no identity number in clear (RULES.md §10).
        TypedText.requireNoIdentityNumber("answer", "复核答复", answer);
        Contribution contested = outcome == ReviewOutcome.OBJECTION ? contributing(review, recordKey) : null;
        String text = answer.strip();
        // Answered first, so that of two reviewers answering at once only one files an objection.
        if (!store.answer(id, outcome, text, AuditLog.currentActor().actorId(), clock.instant())) {
            throw new ScoringProblem("SCORE_REVIEW_ANSWERED", DomainProblem.Kind.CONFLICT,
                    "该申请已经答复（可能已由他人处理）");
        }
        if (outcome == ReviewOutcome.RESCORED) {
            scoring.rescore(Set.of(review.subjectId()));
        }
        String told = "复核结果：" + outcome.label() + "。答复：" + text;
        AuditDetail detail = scored(AuditDetail.of(contested == null ? "REVIEW_ANSWERED" : "REVIEW_ANSWERED_OBJECTION"),
                review).withLabel("outcome", "scoreReviews.outcome." + outcome.name());
        String wording = "SCORE_REVIEW_ANSWERED";
        List<NoticeArg> args = new java.util.ArrayList<>(List.of(
                NoticeArg.label("scoreReviews.outcome." + outcome.name(), outcome.label()), NoticeArg.text(text)));
        if (contested != null) {
            UUID opened = objections.file(review.subjectId(), contested.recordKey(), review.reasons(), FILED_BY);
            store.objectionOpened(id, opened);
            Objection objection = objections.find(opened);
            told += "。已就记录「" + contested.title() + "」（" + contested.decisionDate() + "）为您提出异议，异议编号 "
                    + opened + "，信用办将于 " + objection.dueOn() + " 前办结；在“我的异议”中查看办理情况。";
            detail = detail.with("objection", opened).with("record", contested.recordKey());
            wording = "SCORE_REVIEW_OBJECTION";
            args.addAll(List.of(NoticeArg.text(contested.title()), NoticeArg.date(contested.decisionDate()),
                    NoticeArg.text(opened.toString()), NoticeArg.date(objection.dueOn())));
        }
        notices.notify(review.subjectId(), "SCORE_REVIEW_ANSWERED", "您的信用分人工复核已答复：" + outcome.label(),
                told, LINK, wording, args);
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "scoring.review.answer")
                .subject(pseudonym(review.subjectId())).detail(detail));
    }

    /** Who an objection a review opened was filed by, as its case shows: the person, through the review. */
    static final String FILED_BY = "本人（经信用分人工复核转异议）";

    /**
     * The record the reviewer names for an objection, among those that moved the person's score as it stands now
     * (the explanation the console shows): an objection on any other record is the person's to file, not the
     * review's outcome.
     */
    private Contribution contributing(ScoreReview review, UUID recordKey) {
        if (recordKey == null) {
            throw new ScoringProblem("SCORE_REVIEW_RECORD_REQUIRED", DomainProblem.Kind.INVALID_INPUT,
                    "转异议处理须选定一条计入信用分的记录");
        }
        return scoring.scoreOf(review.subjectId()).stream().flatMap(s -> s.contributions().stream())
                .filter(c -> recordKey.equals(c.recordKey())).findFirst()
                .orElseThrow(() -> new ScoringProblem("SCORE_REVIEW_RECORD_NOT_SCORED",
                        DomainProblem.Kind.INVALID_INPUT, "所选记录未计入申请人当前的信用分，不能据此转异议处理"));
    }

    /** The person's requests with their answers, newest first. */
    public List<ScoreReview> of(UUID subject) {
        return store.ofSubject(subject);
    }

    /** The open requests, the first due first. */
    public List<ScoreReview> open() {
        return store.open();
    }

    public List<ScoreReview> recentlyAnswered() {
        return store.recentlyAnswered(50);
    }

    /** Open requests and how many of them are past their deadline, for the office's 工作台. */
    public record Workload(int open, int overdue) {
    }

    /**
     * What is waiting: a request nobody is told of passes its deadline unseen, so the office's first page counts them
     * as it counts objections and repairs (issue #8: overdue cases visible on a dashboard).
     */
    public Workload workload() {
        LocalDate today = LocalDate.now(clock);
        List<ScoreReview> open = store.open();
        return new Workload(open.size(), (int) open.stream().filter(r -> r.overdue(today)).count());
    }

    /** What one watch did: the requests reminded of their deadline, and those escalated as overdue. */
    public record Watch(List<ScoreReview> reminded, List<ScoreReview> escalated) {
    }

    /**
     * The nightly watch of the reviews' deadlines (finding G12; issue #8: "reminders before the deadline, escalation
     * after it"), as objections are watched: a request due by the next working day is marked reminded (shown on the
     * console, once per deadline); one past its deadline unanswered is escalated to the office's supervision, once,
     * counted there, and its person is told it is late. Each step audited about the person.
     */
    @Transactional
    public Watch watchDeadlines(Clock at) {
        LocalDate today = LocalDate.now(at);
        List<ScoreReview> reminded = store.remind(today, workingDays.calendar().plusWorkingDays(today, 1));
        List<ScoreReview> escalated = store.escalate(today, at.instant());
        for (ScoreReview r : reminded) {
            audit.record(AuditEntry.of(AuditCategory.PROCESSING, "scoring.review.remind").subject(pseudonym(r.subjectId()))
                    .detail(AuditDetail.of("SCORE_REVIEW_REMINDED").with("due", r.dueOn())));
        }
        for (ScoreReview r : escalated) {
            notices.notify(r.subjectId(), "SCORE_REVIEW_ESCALATED", "您的信用分人工复核申请已逾期，已报信用办督办",
                    "您申请的信用分人工复核未在 " + r.dueOn() + " 前答复，已报信用办督办。答复后您将收到通知。", LINK,
                    "SCORE_REVIEW_ESCALATED", List.of(NoticeArg.date(r.dueOn())));
            audit.record(AuditEntry.of(AuditCategory.PROCESSING, "scoring.review.escalate")
                    .subject(pseudonym(r.subjectId())).detail(AuditDetail.of("SCORE_REVIEW_ESCALATED").with("due", r.dueOn())));
        }
        return new Watch(reminded, escalated);
    }

    /**
     * The credit office's own deadline for supervision (RULES.md §12, as objections' and repairs' per department):
     * requests answered in a period and how many by their deadline, and the open ones overdue today. Counts only.
     */
    public record Figures(long answered, long answeredInTime, long overdueNow) {
    }

    /** The requests answered from {@code from} to {@code to} (both included), and those overdue today. */
    public Figures figures(LocalDate from, LocalDate to) {
        java.time.ZoneId zone = clock.getZone();
        long[] f = store.figures(from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant(),
                zone.getId(), LocalDate.now(clock));
        return new Figures(f[0], f[1], f[2]);
    }

    /**
     * The person refuses to be judged by automated grading (PIPL Art. 24): from now on benefits checks answer that a
     * manual assessment is needed instead of granting or refusing by grade, and the reports others obtain carry no
     * score, grade or explanation but the refusal ({@link Scoring#refusesAutomatedGrading}). The score is still
     * computed and shown to them with its explanation; it decides nothing. Audited; idempotent.
     */
    @Transactional
    public void refuseAutomatedGrading(UUID subject) {
        if (store.refuseAutomatedGrading(subject, clock.instant())) {
            audit.record(AuditEntry.of(AuditCategory.PROCESSING, "scoring.grading.refuse").subject(pseudonym(subject)));
        }
    }

    /** The person accepts automated grading again: benefits are answered by grade as before. Audited; idempotent. */
    @Transactional
    public void acceptAutomatedGrading(UUID subject) {
        if (store.withdrawRefusal(subject)) {
            audit.record(AuditEntry.of(AuditCategory.PROCESSING, "scoring.grading.accept").subject(pseudonym(subject)));
        }
    }

    /**
     * Finding G1: a refusal of automated grading made by an account the credit office unbound as registered in the
     * person's name was not the person's choice (PIPL Art. 24 gives the right to the person), and it would have their
     * benefits answered "manual assessment needed": it is withdrawn, so that benefits are answered by grade as before
     * the account existed. The person can refuse again from their own account. Audited.
     */
    @Transactional
    public void undoRefusalSince(UUID subject, Instant since) {
        Optional<Instant> refusing = store.refusingSince(subject);
        if (refusing.isPresent() && !refusing.get().isBefore(since) && store.withdrawRefusal(subject)) {
            audit.record(AuditEntry.of(AuditCategory.PROCESSING, "scoring.grading.unbind").subject(pseudonym(subject))
                    .detail(AuditDetail.of("UNBOUND_GRADING_REFUSAL_WITHDRAWN").with("refusedAt", refusing.get())));
        }
    }

    /** Since when the person refuses automated grading; empty when they do not. */
    public Optional<Instant> refusingAutomatedGradingSince(UUID subject) {
        return store.refusingSince(subject);
    }

    private String pseudonym(UUID subject) {
        return subjects.pseudonymOf(subject).orElseThrow();
    }

    /** The score asked about, for the audit log: no reasons, which are the person's own words. */
    /** The detail with the score under review: its model and version, the score and grade (each empty: none). */
    private static AuditDetail scored(AuditDetail detail, ScoreReview r) {
        return detail.with("model", r.modelCode()).with("version", r.modelCode() == null ? null : r.modelVersion())
                .with("score", r.score()).with("grade", r.score() == null ? null : r.grade());
    }
}
