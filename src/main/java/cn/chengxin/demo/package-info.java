/**
 * Synthetic demonstration data (演示数据，均为合成): a generated population for the configured city, seeded on
 * first start in development and made at any size by the {@code generate} command for benchmarks. Later
 * issues add records, lists and scores to it. The benchmark commands may use more modules than the demo data
 * needs (checks, scores, reports) because they measure those modules end to end; they bring the credit file's
 * packed facts up to date themselves where a bulk load went around the running platform, or before stopping a clock.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "subject", "subject :: domain", "audit", "ingestion",
        "creditfile", "account", "measures", "scoring", "scoring :: domain", "inquiry", "inquiry :: domain"})
package cn.chengxin.demo;
