/** The catalogue's rules as plain Java, used by ingestion to validate records against an item's schema. */
@org.springframework.modulith.NamedInterface("domain")
package cn.chengxin.catalog.domain;
