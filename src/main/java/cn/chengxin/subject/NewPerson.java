package cn.chengxin.subject;

import java.time.LocalDate;
import java.util.List;

import cn.chengxin.subject.domain.IdentityDocument;
import cn.chengxin.subject.domain.OccupationalGroup;
import cn.chengxin.subject.domain.ResidencyKind;

/**
 * A person to register. Birth date and gender are taken from the number of a document that carries them
 * ({@link cn.chengxin.subject.domain.DocumentType#carriesBirthDate()}); for other documents they are given, or
 * unknown: a passport number shaped like an old resident number says nothing about its holder.
 */
public record NewPerson(IdentityDocument document, String name, LocalDate birthDate, String genderCode,
                        List<Residence> residences, List<Occupation> occupations, boolean synthetic) {

    public NewPerson {
        if ((birthDate == null || genderCode == null) && document != null && document.type().carriesBirthDate()) {
            var id = cn.chengxin.subject.domain.ResidentIdentityNumber.parse(document.number(), LocalDate.MAX);
            birthDate = birthDate != null ? birthDate : id.birthDate();
            genderCode = genderCode != null ? genderCode : id.gender().code();
        }
        residences = List.copyOf(residences);
        occupations = List.copyOf(occupations);
    }

    public record Residence(ResidencyKind kind, String regionCode, LocalDate from) {
    }

    public record Occupation(OccupationalGroup group, LocalDate from) {
    }
}
