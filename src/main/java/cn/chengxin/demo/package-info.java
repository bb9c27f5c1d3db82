/**
 * Synthetic demonstration data (演示数据，均为合成): a generated population for the configured city, seeded on
 * first start in development and made at any size by the {@code generate} command for benchmarks. Later
 * issues add records, lists and scores to it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "subject", "subject :: domain", "audit", "ingestion",
        "account", "measures"})
package cn.chengxin.demo;
