/**
 * Credit repair (信用修复; RULES.md §6). So far its rules: when a record may be repaired. Applications and decisions
 * come next (issue #8).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "catalog", "catalog :: domain"})
package cn.chengxin.repair;
