package cn.chengxin.scoring;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.scoring.persistence.JdbcScores;
import cn.chengxin.shared.DomainProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 信用惠民核验 as a provider asks it (RULES.md §8; §10 and PIPL Art. 6, minimum necessary): the library, the bike
 * company, the hospital or the bank is answered, for its own benefits only, whether each applies to the person now —
 * not the grade, not the other providers' benefits, not each benefit's grade list, and not why one is not granted
 * (the black or grey list is the checks API's business). From the set of benefits, each with its grades, the grade
 * could be read (gaps review xxiv G2).
 */
@Service
public class ProvidedBenefits {

    private final Scoring scoring;
    private final JdbcScores store;
    private final AuditLog audit;

    ProvidedBenefits(Scoring scoring, JdbcScores store, AuditLog audit) {
        this.scoring = scoring;
        this.store = store;
        this.audit = audit;
    }

    /**
     * One of the provider's benefits for the person: {@code granted} true or false; null when it rests on the grade
     * and the person refuses to be judged by automated grading (PIPL Art. 24): a person assesses them instead.
     */
    public record Outcome(String code, String name, Boolean granted) {
    }

    /** The provider's benefits; {@code manualAssessment}: some are to be assessed by a person (granted null). */
    public record Answer(List<Outcome> benefits, boolean manualAssessment) {
    }

    /**
     * The benefits in force that the institution grants, and so may check with any of its keys: a benefit is bound to
     * the institution ({@code ApiInstitution}), not to a key, which expires every year (gaps review xxix K2).
     */
    public List<JdbcScores.Benefit> providedBy(UUID institution) {
        return store.benefits().stream().filter(b -> b.providerClients().contains(institution)).toList();
    }

    /**
     * The answer to the institution about the subject (empty: a person the registry does not know, who is granted
     * none). Refused (403 BENEFITS_NOT_PROVIDED) to one that grants no benefit: it has nothing to check anyone for.
     */
    public Answer answer(UUID institution, Optional<UUID> subject) {
        List<JdbcScores.Benefit> own = providedBy(institution);
        if (own.isEmpty()) {
            throw notProvided();
        }
        Scoring.Eligibility eligibility = subject.map(scoring::eligibility).orElse(Scoring.Eligibility.NONE);
        // Withheld by a list: every benefit is refused, by grade too, so that "manual" does not tell the list apart.
        boolean manual = eligibility.manual() && !eligibility.withheld();
        List<Outcome> outcomes = own.stream().map(b -> new Outcome(b.code(), b.name(),
                manual && !eligibility.grants(b) && !b.grades().isEmpty() ? null : eligibility.grants(b))).toList();
        return new Answer(outcomes, manual && outcomes.stream().anyMatch(o -> o.granted() == null));
    }

    /** The refusal to a key bound to no benefit. */
    public static ScoringProblem notProvided() {
        return new ScoringProblem("BENEFITS_NOT_PROVIDED", DomainProblem.Kind.FORBIDDEN,
                "该接口客户端未绑定任何信用惠民事项：仅提供惠民事项的单位可核验本单位的事项（由信用办在信用评分页绑定）");
    }

    /**
     * Adds the institution to those that check the benefit — a new provider, or demo data — at once, whatever else
     * changes the benefit meanwhile. Refused as {@link Scoring#saveBenefit} refuses an institution no key of which
     * may check benefits (BENEFIT_INVALID), BENEFIT_UNKNOWN for a benefit not in force. Audited as a change of the
     * benefit.
     */
    @Transactional
    public void bind(String code, UUID institution) {
        if (!scoring.checkingClients().contains(institution)) {
            throw new ScoringProblem("BENEFIT_INVALID", DomainProblem.Kind.INVALID_INPUT,
                    Scoring.NOT_A_CHECKING_CLIENT);
        }
        if (!store.bindProvider(code, institution)) {
            throw new ScoringProblem("BENEFIT_UNKNOWN", DomainProblem.Kind.NOT_FOUND, "没有该在用的惠民事项");
        }
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "scoring.benefit.save").detail(AuditDetail.of("BENEFIT_PROVIDER_BOUND").with("benefit", code)
                .with("institution", institution)));
    }
}
