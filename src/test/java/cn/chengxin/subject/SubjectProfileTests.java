package cn.chengxin.subject;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.SubjectKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** RULES.md §6: whose acts may be published as an adult's; §10: what of the birth date a screen shows. */
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

    /** RULES.md §10: beside a masked GB 11643 number, whose digits 7–14 are the date, only the year is shown. */
    @Test
    void aMaskedResidentNumberIsShownWithTheBirthYearOnly() {
        SubjectProfile resident = profile(SubjectKind.PERSON, BORN);

        assertThat(resident.showsWholeBirthDate()).isFalse();
        assertThat(resident.birthYear()).isEqualTo(2008);
        for (DocumentType type : new DocumentType[] {DocumentType.HMT_RESIDENCE_PERMIT,
                DocumentType.FOREIGN_PERMANENT_RESIDENT_ID}) {
            assertThat(withDocument(type, BORN).showsWholeBirthDate()).as(type.name()).isFalse();
        }
    }

    @Test
    void aPassportNumberDoesNotCarryTheDateSoTheWholeDateIsShown() {
        assertThat(withDocument(DocumentType.PASSPORT, BORN).showsWholeBirthDate()).isTrue();
        assertThat(withDocument(DocumentType.PASSPORT, null).showsWholeBirthDate()).isFalse();
        assertThat(withDocument(DocumentType.PASSPORT, null).birthYear()).isNull();
    }

    private static SubjectProfile withDocument(DocumentType type, LocalDate birth) {
        return new SubjectProfile(UUID.randomUUID(), SubjectKind.PERSON, type, "E1****678", "测试", birth, null, false,
                List.of(), List.of(), List.of());
    }

    private static SubjectProfile profile(SubjectKind kind, LocalDate birth) {
        return new SubjectProfile(UUID.randomUUID(), kind, kind == SubjectKind.PERSON ? DocumentType.RESIDENT_ID
                : DocumentType.UNIFIED_SOCIAL_CREDIT_CODE, "4117**********1234", "测试", birth, null, false,
                List.of(), List.of(), List.of());
    }
}
