package cn.chengxin.demo.domain;

import java.time.LocalDate;

/**
 * A made-up organisation; responsible persons are indexes into the population's residents
 * ({@code -1}: none).
 */
public record SyntheticOrganisation(String creditCode, String name, LocalDate establishedOn,
                                    int legalRepresentative, int principal) {
}
