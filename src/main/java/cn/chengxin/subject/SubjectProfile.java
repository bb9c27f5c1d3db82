package cn.chengxin.subject;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.Masking;
import cn.chengxin.subject.domain.OccupationalGroup;
import cn.chengxin.subject.domain.ResidencyKind;
import cn.chengxin.subject.domain.ResponsibleRole;
import cn.chengxin.subject.domain.SubjectKind;

/**
 * What a screen may show of a subject: the number only masked. Person names are kept whole here because
 * the subject's own pages and staff with the right permission show them; public pages use
 * {@link #maskedName()}. Kinds of residency, occupational groups and roles are kept as values, for each screen to
 * name in its reader's language.
 *
 * @param nameProvisional whether {@code name} is only the one a relayed message carried ({@link
 *                        cn.chengxin.subject.domain.NameSource#EXCHANGE}), held against no one
 */
public record SubjectProfile(UUID id, SubjectKind kind, DocumentType documentType, String maskedNumber,
                             String name, LocalDate birthDate, String genderCode, boolean synthetic,
                             List<ResidenceView> residences, List<OccupationView> occupations,
                             List<ResponsibleView> responsiblePersons, boolean nameProvisional) {

    /** A subject whose name one of this platform's departments, the person or a review gave. */
    public SubjectProfile(UUID id, SubjectKind kind, DocumentType documentType, String maskedNumber, String name,
                          LocalDate birthDate, String genderCode, boolean synthetic, List<ResidenceView> residences,
                          List<OccupationView> occupations, List<ResponsibleView> responsiblePersons) {
        this(id, kind, documentType, maskedNumber, name, birthDate, genderCode, synthetic, residences, occupations,
                responsiblePersons, false);
    }

    public String maskedName() {
        return kind == SubjectKind.PERSON ? Masking.personName(name) : name;
    }

    /**
     * Whether this profile's screens, which show the number masked, may show the whole birth date: not when the
     * number carries it (RULES.md §10, see {@link Masking#wholeBirthDateBeside}); they show {@link #birthYear()}.
     * The subject's own pages, which show nothing the subject does not know, need not follow this.
     */
    public boolean showsWholeBirthDate() {
        return birthDate != null && Masking.wholeBirthDateBeside(documentType);
    }

    /** The year of birth, {@code null} when the birth date is unknown. */
    public Integer birthYear() {
        return birthDate == null ? null : birthDate.getYear();
    }

    /**
     * Whether what the subject did on {@code day} is known to be an adult's act: always for an organisation; for a
     * person only when their birth date is known and 18 or more years before. RULES.md §6: misconduct of a minor
     * stays protected once of age, and a missing birth date must not lift that protection (as with the lists).
     */
    public boolean actedAsAdultOn(LocalDate day) {
        return kind != SubjectKind.PERSON || birthDate != null && day != null && !birthDate.plusYears(18).isAfter(day);
    }

    public record ResidenceView(ResidencyKind kind, String regionCode, LocalDate from, LocalDate to) {
    }

    public record OccupationView(OccupationalGroup group, LocalDate from, LocalDate to) {
    }

    /** For an organisation its responsible persons, for a person the organisations they answer for. */
    public record ResponsibleView(UUID otherId, String otherMaskedName, ResponsibleRole role, LocalDate from,
                                  LocalDate to) {

        /**
         * Whether the person held the role on {@code day}, both ends included: an organisation's dishonesty is recorded
         * on who was its legal representative or responsible person when it was decided (RULES.md §1), not on a former
         * or a later one. A day not known (a revocation that gives no date) is any day.
         */
        public boolean heldOn(LocalDate day) {
            return day == null || (from == null || !from.isAfter(day)) && (to == null || !to.isBefore(day));
        }
    }
}
