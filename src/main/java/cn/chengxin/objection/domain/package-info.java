/** Plain-Java objection rules (RULES.md §5): outcomes and their effect on the record, deadlines in working days. */
@org.springframework.modulith.NamedInterface("domain")
package cn.chengxin.objection.domain;
