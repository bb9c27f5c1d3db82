package cn.chengxin.demo.domain;

import java.time.LocalDate;
import java.util.List;

import cn.chengxin.subject.domain.OccupationalGroup;

/**
 * A made-up resident. {@code household} residents are registered (户籍) in the city and were born there;
 * the others live in the city (常住) with an identity number from elsewhere.
 */
public record SyntheticResident(String identityNumber, String name, LocalDate birthDate, boolean male,
                                boolean household, String residenceRegion, LocalDate residentSince,
                                List<Membership> occupations) {

    public record Membership(OccupationalGroup group, LocalDate from) {
    }
}
