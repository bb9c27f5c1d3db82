package cn.chengxin.subject;

import java.time.LocalDate;
import java.util.List;

import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.IdentityDocument;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NewPersonTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    @Test
    void aResidentIdGivesTheBirthDateAndGender() {
        NewPerson person = person(IdentityDocument.parse(DocumentType.RESIDENT_ID, "11010519491231002X", TODAY));

        assertThat(person.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(person.genderCode()).isEqualTo("F");
    }

    /**
     * A passport or a Taiwan permit number may have the shape of an old 15-digit resident number, but it says
     * nothing about its holder: a date read from it would be made up, and would decide who counts as a minor.
     */
    @Test
    void aPassportNumberShapedLikeAResidentNumberGivesNoBirthDate() {
        NewPerson person = person(IdentityDocument.parse(DocumentType.PASSPORT, "411702900101123", TODAY));

        assertThat(person.birthDate()).isNull();
        assertThat(person.genderCode()).isNull();
    }

    private static NewPerson person(IdentityDocument document) {
        return new NewPerson(document, "测试", null, null, List.of(), List.of(), false);
    }
}
