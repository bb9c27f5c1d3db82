package cn.chengxin.scoring;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.scoring.domain.AssessmentRetention;
import cn.chengxin.scoring.domain.ImpactAssessment;
import cn.chengxin.scoring.persistence.JdbcImpactAssessments;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.subject.domain.TypedText;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The 个人信息保护影响评估 of score models (gaps review xlvi AA7; PIPL Art. 55–56, RULES.md §10): recorded on a pending
 * version by whoever prepares it, required by its approval ({@link Scoring#approve}), listed with the models on the
 * console and shown (day and conclusion) on the public 评分规则, kept {@link AssessmentRetention} after the model
 * stops being used.
 */
@Service
public class ModelAssessments {

    private final JdbcImpactAssessments store;
    private final AuditLog audit;
    private final Clock clock;
    private final AssessmentRetention retention;

    ModelAssessments(JdbcImpactAssessments store, AuditLog audit, Clock clock,
                     @Value("${chengxin.scoring.assessment-retention-years:3}") int retentionYears) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        // Refused at start below the statutory 3 years, as a review deadline beyond its ceiling is.
        this.retention = new AssessmentRetention(retentionYears);
    }

    /** Records (or corrects) the assessment of a pending model version; refused with every reason when incomplete. */
    public void record(String code, int version, ImpactAssessment assessment) {
        List<String> problems = assessment.problems(LocalDate.now(clock));
        if (!problems.isEmpty()) {
            throw new ScoringProblem("ASSESSMENT_INVALID", DomainProblem.Kind.INVALID_INPUT,
                    String.join("；", problems));
        }
        // The conclusion is shown to everyone on /score-rules.
        TypedText.requireNoIdentityNumber("conclusion", "评估结论", assessment.conclusion());
        if (!store.record(code, version, assessment, AuditLog.currentActor().actorId(), clock.instant())) {
            throw new ScoringProblem("MODEL_NOT_PENDING", DomainProblem.Kind.CONFLICT, "该模型版本不在待审核状态");
        }
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "scoring.model.assessment")
                .detail(AuditDetail.of("MODEL_ASSESSED").with("model", code + " v" + version)
                        .with("assessedOn", assessment.assessedOn().toString()).with("sm3", assessment.documentSm3())));
    }

    /** The assessment a model version was (or is to be) approved on. */
    public Optional<JdbcImpactAssessments.Kept> of(String code, int version) {
        return store.of(code, version);
    }

    /** {@link #of} without who recorded it: what the public 评分规则 shows. */
    public Optional<ImpactAssessment> assessmentOf(String code, int version) {
        return store.of(code, version).map(JdbcImpactAssessments.Kept::assessment);
    }

    public List<JdbcImpactAssessments.Kept> all() {
        return store.all();
    }

    /** PIPL Art. 55: no model is put to use without its assessment recorded first. */
    void requireFor(String code, int version) {
        if (store.of(code, version).isEmpty()) {
            throw new ScoringProblem("MODEL_ASSESSMENT_MISSING", DomainProblem.Kind.CONFLICT,
                    "启用评分模型前须先登记其个人信息保护影响评估");
        }
    }

    /** Deletes the assessments kept their time after their model went out of use (nightly); returns how many. */
    int dropExpired(LocalDate today) {
        return store.deleteOutOfUseBefore(retention.outOfUseBefore(today));
    }
}
