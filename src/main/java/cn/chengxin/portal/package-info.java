/**
 * The public site (信用<city>) and the citizens' self-service (个人中心). Facades: {@link
 * cn.chengxin.portal.ContentPublishing} (typical cases and articles, maker-checker) and {@link
 * cn.chengxin.portal.TipOffDesk} (the public's tip-offs). Consents, reports and statements come from {@link cn.chengxin.inquiry}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "subject", "subject :: domain", "account", "audit", "listing",
        "scoring", "scoring :: domain", "inquiry", "inquiry :: domain", "creditfile", "catalog", "catalog :: domain", "objection", "objection :: domain", "repair", "repair :: domain", "exchange", "commitment", "commitment :: domain"})
package cn.chengxin.portal;
