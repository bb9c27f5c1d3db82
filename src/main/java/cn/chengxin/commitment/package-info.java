/**
 * Credit commitments (信用承诺; issue #8): what a subject promised — on hiring, 告知承诺 in licensing, 容缺受理, credit
 * repair — kept with its exact text, a digest of it and the time it was signed; a department reports a breach and it
 * becomes a negative record through the normal collection path. Facade: {@link cn.chengxin.commitment.Commitments}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "audit", "subject", "subject :: domain",
        "account", "catalog", "catalog :: domain", "ingestion"})
package cn.chengxin.commitment;
