/**
 * Statistics and dashboards for the credit office: the console's dashboard, the working-day calendar, and the
 * supervision of departments with the yearly progress report (RULES.md §12), from the figures the other modules own.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "subject", "audit", "objection", "repair",
        "account", "ingestion", "creditfile", "measures", "listing", "scoring", "catalog", "portal", "exchange",
        "catalog :: domain", "subject :: domain"})
package cn.chengxin.oversight;
