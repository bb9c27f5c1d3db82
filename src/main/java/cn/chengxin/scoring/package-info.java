/**
 * Credit scores and grades (信用分; RULES.md §8; PIPL Art. 24): reviewed, versioned score models; scores with their
 * model version, time and explanation, recomputed in bulk after records change and in full after a model change;
 * history; benefits (信用惠民) tied to grades; coverage and distribution figures; the person's requests for human
 * review of their score and their refusal of automated grading. Facades: {@link cn.chengxin.scoring.Scoring},
 * {@link cn.chengxin.scoring.ScoreReviews}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "audit", "subject", "subject :: domain",
        "catalog", "catalog :: domain", "creditfile", "listing", "exchange", "account", "objection"})
package cn.chengxin.scoring;
