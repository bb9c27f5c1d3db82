/**
 * Plain-Java credit scoring (RULES.md §8): score models as reviewed data, the calculation and its explanation. Named
 * so that the self-service pages can show the explanation's parts.
 */
@org.springframework.modulith.NamedInterface("domain")
package cn.chengxin.scoring.domain;
