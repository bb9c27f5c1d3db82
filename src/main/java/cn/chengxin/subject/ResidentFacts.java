package cn.chengxin.subject;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What scoring needs to know of a person: age, and since when they live in the city (null: no current
 * residence registered), and in which district.
 */
public record ResidentFacts(UUID id, LocalDate birthDate, LocalDate residentSince, String regionCode) {
}
