package cn.chengxin.subject;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.SubjectKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** RULES.md §6: whose acts may be published as an adult's. */
class SubjectProfileTests {

    private static final LocalDate BORN = LocalDate.of(2008, 3, 5);

    @Test
    void aPersonActsAsAnAdultFromTheirEighteenthBirthday() {
        SubjectProfile person = profile(SubjectKind.PERSON, BORN);

        assertThat(person.actedAsAdultOn(LocalDate.of(2026, 3, 4))).isFalse();
        assertThat(person.actedAsAdultOn(LocalDate.of(2026, 3, 5))).isTrue();
    }

    @Test
    void aPersonOfUnknownBirthDateOrAnUndatedActIsNotKnownToBeAnAdults() {
        assertThat(profile(SubjectKind.PERSON, null).actedAsAdultOn(LocalDate.of(2026, 3, 5))).isFalse();
        assertThat(profile(SubjectKind.PERSON, BORN).actedAsAdultOn(null)).isFalse();
    }

    @Test
    void anOrganisationHasNoAge() {
        assertThat(profile(SubjectKind.ORGANISATION, null).actedAsAdultOn(LocalDate.of(2026, 3, 5))).isTrue();
    }

    private static SubjectProfile profile(SubjectKind kind, LocalDate birth) {
        return new SubjectProfile(UUID.randomUUID(), kind, kind == SubjectKind.PERSON ? DocumentType.RESIDENT_ID
                : DocumentType.UNIFIED_SOCIAL_CREDIT_CODE, "4117**********1234", "测试", birth, null, false,
                List.of(), List.of(), List.of());
    }
}
