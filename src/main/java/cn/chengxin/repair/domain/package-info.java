/** Plain-Java repair rules (RULES.md §4, §6). Named so that self-service can show eligibility. */
@org.springframework.modulith.NamedInterface("domain")
package cn.chengxin.repair.domain;
