/**
 * Plain-Java rules of queries and reports (RULES.md §9): the closed list of purposes, when a consent allows a query,
 * the signed authorisation code, which records a report may carry for whom, report numbers and the yearly free
 * reports. Named so that the self-service pages can show purposes and kinds.
 */
@org.springframework.modulith.NamedInterface("domain")
package cn.chengxin.inquiry.domain;
