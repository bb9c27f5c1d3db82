/**
 * Queries and credit reports (RULES.md §9): the subject's consent to a named institution for one purpose, free
 * self-queries, government queries within a statutory duty, the reports themselves (PDF, HTML, JSON) with their
 * number and verification code, the public verification of a report, and the subject's own statements that
 * reports carry. Facades: {@link cn.chengxin.inquiry.Consents}, {@link cn.chengxin.inquiry.Reports},
 * {@link cn.chengxin.inquiry.Statements}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "audit", "account", "subject",
        "subject :: domain", "catalog", "catalog :: domain", "creditfile", "listing", "scoring", "scoring :: domain", "exchange", "repair", "repair :: domain"})
package cn.chengxin.inquiry;
