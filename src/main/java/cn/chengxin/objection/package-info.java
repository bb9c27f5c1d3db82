/**
 * Objections (异议; RULES.md §5): a subject contests a record; it is marked in dispute at once everywhere it shows;
 * the credit office decides — alone within 3 working days, or after the providing department verified it within
 * 7 — and the outcome changes the record and clears the marks. Facade: {@link cn.chengxin.objection.Objections}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "audit", "account", "subject",
        "subject :: domain", "creditfile", "catalog", "catalog :: domain", "listing", "exchange"})
package cn.chengxin.objection;
