/**
 * Collection (归集) from departments: submissions by API and by file, each row validated against the
 * identity rules, the registry, the catalogue and the department's remit; accepted rows stored exactly once
 * in chunks; rejected rows reported with line, field, stable code and message. Facade: {@link
 * cn.chengxin.ingestion.Submissions}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "audit", "catalog", "catalog :: domain",
        "subject", "subject :: domain", "creditfile", "account"})
package cn.chengxin.ingestion;
