package cn.chengxin.measures.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.chengxin.subject.ResponsibleLink;
import cn.chengxin.subject.domain.ResponsibleRole;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 法释〔2015〕17号 第三条第二款 (review xxv H2): a unit's restriction falls on whoever answers for it on the day of the
 * check — not on a former representative, nor on one whose role begins later.
 */
class ResponsiblePersonsTests {

    private static final UUID ORGANISATION = UUID.randomUUID();
    private static final LocalDate CHECKED = LocalDate.of(2026, 12, 5);

    private static ResponsibleLink link(ResponsibleRole role, LocalDate from, LocalDate to) {
        return new ResponsibleLink(ORGANISATION, "ab12", role, from, to);
    }

    @Test
    void theRepresentativeInOfficeOnTheDayIsReachedBothEndsIncluded() {
        assertThat(ResponsiblePersons.roleOn(List.of(link(ResponsibleRole.LEGAL_REPRESENTATIVE,
                LocalDate.of(2015, 3, 1), null)), CHECKED)).contains(ResponsibleRole.LEGAL_REPRESENTATIVE);
        assertThat(ResponsiblePersons.roleOn(List.of(link(ResponsibleRole.PRINCIPAL, CHECKED, CHECKED)), CHECKED))
                .as("a period of the one day").contains(ResponsibleRole.PRINCIPAL);
    }

    @Test
    void aFormerRepresentativeAndOneWhoseRoleBeginsLaterAreNotReached() {
        assertThat(ResponsiblePersons.roleOn(List.of(link(ResponsibleRole.LEGAL_REPRESENTATIVE,
                LocalDate.of(2015, 3, 1), LocalDate.of(2024, 12, 31))), CHECKED))
                .as("left before the entry took effect").isEmpty();
        assertThat(ResponsiblePersons.roleOn(List.of(link(ResponsibleRole.LEGAL_REPRESENTATIVE,
                LocalDate.of(2015, 3, 1), CHECKED.minusDays(1))), CHECKED)).as("left the day before").isEmpty();
        assertThat(ResponsiblePersons.roleOn(List.of(link(ResponsibleRole.DIRECTLY_RESPONSIBLE,
                CHECKED.plusDays(1), null)), CHECKED)).as("not yet in the role").isEmpty();
        assertThat(ResponsiblePersons.roleOn(List.of(), CHECKED)).isEmpty();
    }

    @Test
    void ofSeveralRolesHeldThatDayTheLegalRepresentativeIsNamed() {
        assertThat(ResponsiblePersons.roleOn(List.of(
                link(ResponsibleRole.DIRECTLY_RESPONSIBLE, LocalDate.of(2020, 1, 1), null),
                link(ResponsibleRole.LEGAL_REPRESENTATIVE, LocalDate.of(2015, 3, 1), LocalDate.of(2019, 12, 31)),
                link(ResponsibleRole.PRINCIPAL, LocalDate.of(2021, 1, 1), null)), CHECKED))
                .contains(ResponsibleRole.PRINCIPAL);
    }
}
