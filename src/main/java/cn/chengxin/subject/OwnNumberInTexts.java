package cn.chengxin.subject;

import java.util.Arrays;

import cn.chengxin.shared.DomainProblem.Kind;
import cn.chengxin.subject.domain.BirthDateCompletion;
import cn.chengxin.subject.domain.IdentityDocument;
import cn.chengxin.subject.domain.SubjectProblem;
import cn.chengxin.subject.persistence.JdbcSubjects;
import cn.chengxin.subject.protection.IdentityProtection;
import org.springframework.stereotype.Component;

/**
 * Refuses texts a clerk types about a subject (the evidence's reference, a reason) that carry the subject's own document
 * number, of whatever type: they are stored and shown, and a screen shows the number masked only (RULES.md §10). A
 * clerk naming the evidence may well type the passport or licence number itself.
 */
@Component
class OwnNumberInTexts {

    private final JdbcSubjects subjects;
    private final IdentityProtection protection;

    OwnNumberInTexts(JdbcSubjects subjects, IdentityProtection protection) {
        this.subjects = subjects;
        this.protection = protection;
    }

    /** @throws SubjectProblem with {@code code} and {@code message} when one of the texts holds the number */
    void refuse(SubjectProfile subject, String code, String message, String... texts) {
        byte[] index = subjects.numberIndex(subject.id()).orElseThrow();
        for (String text : texts) {
            for (String candidate : BirthDateCompletion.numberCandidates(text, subject.maskedNumber())) {
                if (Arrays.equals(protection.indexOf(new IdentityDocument(subject.documentType(), candidate)), index)) {
                    throw new SubjectProblem(code, Kind.INVALID_INPUT, message);
                }
            }
        }
    }
}
