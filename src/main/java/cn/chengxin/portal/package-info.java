/**
 * The public site (信用<city>) and the citizens' self-service (个人中心): read-side pages that later issues
 * fill with lists, cases, report verification, tip-offs and the citizen's own file.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "subject", "subject :: domain", "account", "audit", "listing"})
package cn.chengxin.portal;
