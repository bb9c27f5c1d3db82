/**
 * Credit repair (信用修复; RULES.md §6): when each negative record may be repaired (shown with the record: 两书同达),
 * applications with proof and a signed 信用承诺书, review by two people within the deadlines, and on approval the record
 * stops being shown and used and its list entries exit. Facade: {@link cn.chengxin.repair.Repairs}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "audit", "subject", "subject :: domain",
        "account", "catalog", "catalog :: domain", "creditfile", "listing", "objection", "commitment", "commitment :: domain"})
package cn.chengxin.repair;
