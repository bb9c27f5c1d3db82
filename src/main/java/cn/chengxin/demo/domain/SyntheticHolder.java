package cn.chengxin.demo.domain;

import java.time.LocalDate;

import cn.chengxin.subject.domain.DocumentType;

/**
 * A made-up person living in the city who is known by a passport or a travel permit, not by a mainland identity
 * number: a foreign national, or a resident of Hong Kong, Macao or Taiwan. {@code origin} is where the document was
 * issued (韩国, 香港, 台湾, …). The document states no birth date the registry can read, so none is registered.
 */
public record SyntheticHolder(DocumentType documentType, String number, String name, boolean male, String origin,
                              String residenceRegion, LocalDate residentSince) {
}
