package cn.chengxin.inquiry.domain;

import java.io.Serial;
import java.io.Serializable;
import java.time.LocalDate;

import cn.chengxin.shared.DomainProblem;
import cn.chengxin.subject.domain.GuardianConsent;
import cn.chengxin.subject.domain.Masking;

/**
 * The identity check a counter clerk records before serving a person who cannot use self-service (窗口查询, gaps review
 * xxiii F11): the document of the person that was seen, and, when a guardian acts, the guardian's name, the document
 * seen and its number (kept masked only) and what proves the guardianship. RULES.md §9: a self query needs real-name
 * verification, which at the counter is the document seen. RULES.md §6 (PIPL Art. 31): a child under 14 is served
 * only through a guardian.
 *
 * @param maskedGuardianNumber the guardian's document number masked ({@link Masking#identityNumber}); never the clear
 *                             number (RULES.md §10)
 */
public record CounterIdentityCheck(SeenDocument personDocument, boolean byGuardian, String guardianName,
                                   SeenDocument guardianDocument, String maskedGuardianNumber,
                                   GuardianshipProof proof) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    static final int MAX_NAME = 50;

    /**
     * The check as the clerk recorded it: the person's document always; with a guardian, their name, document, number
     * and proof of guardianship. {@code guardianNumber} is masked here and not kept.
     */
    public static CounterIdentityCheck of(SeenDocument personDocument, boolean byGuardian, String guardianName,
                                          SeenDocument guardianDocument, String guardianNumber,
                                          GuardianshipProof proof) {
        if (personDocument == null) {
            throw incomplete("请选择核验的本人证件");
        }
        if (!byGuardian) {
            return new CounterIdentityCheck(personDocument, false, null, null, null, null);
        }
        String name = guardianName == null ? "" : guardianName.strip();
        String number = guardianNumber == null ? "" : guardianNumber.strip().toUpperCase(java.util.Locale.ROOT);
        if (name.isEmpty() || name.length() > MAX_NAME || name.chars().anyMatch(Character::isDigit)) {
            throw incomplete("请填写监护人姓名（不超过 " + MAX_NAME + " 字，不含数字）");
        }
        if (guardianDocument == null || !number.matches("[0-9A-Z]{5,30}")) {
            throw incomplete("请选择监护人出示的证件并填写其证件号码");
        }
        if (proof == null) {
            throw incomplete("请选择监护关系证明");
        }
        return new CounterIdentityCheck(personDocument, true, name, guardianDocument,
                Masking.identityNumber(number), proof);
    }

    /**
     * RULES.md §6 (PIPL Art. 31): a child under 14 on {@code today} is served only through the guardian; an unknown
     * birth date is taken as an adult's ({@link GuardianConsent}).
     */
    public void requireGuardianFor(LocalDate birthDate, LocalDate today) {
        if (!byGuardian && GuardianConsent.required(birthDate, today)) {
            throw new InquiryProblem("COUNTER_GUARDIAN_REQUIRED", DomainProblem.Kind.FORBIDDEN,
                    "未满十四周岁的未成年人须由监护人代为办理：请核验监护人的身份证件和监护关系证明");
        }
    }

    /**
     * The name as on the document the clerk checked (RULES.md §9: a self-query with real-name verification, here in
     * person): compared with the registry's for a number it knows (gaps review xxxi M2), or the name a person the
     * register does not know is registered under with no records (xxix K3). Blank: the clerk is asked for it
     * ({@code COUNTER_NAME_REQUIRED}).
     */
    public static String nameOnDocument(String personName) {
        String name = personName == null ? "" : personName.strip();
        if (name.isEmpty() || name.length() > MAX_NAME || name.chars().anyMatch(Character::isDigit)) {
            throw new InquiryProblem("COUNTER_NAME_REQUIRED", DomainProblem.Kind.INVALID_INPUT,
                    "请核验本人证件后填写证件上的姓名（不超过 " + MAX_NAME
                            + " 字，不含数字）：与信用主体库登记的姓名核对；平台尚无档案的，即登记为无信用记录的自然人");
        }
        return name;
    }

    /** The check in words for the audit log: the guardian's name and number masked. */
    public String describe() {
        if (!byGuardian) {
            return "窗口核验本人" + personDocument.label();
        }
        return "监护人 " + Masking.personName(guardianName) + "（" + guardianDocument.label() + " " + maskedGuardianNumber
                + "）代为办理，核验被监护人" + personDocument.label() + "及监护关系证明：" + proof.label();
    }

    private static InquiryProblem incomplete(String message) {
        return new InquiryProblem("COUNTER_CHECK_INCOMPLETE", DomainProblem.Kind.INVALID_INPUT, message);
    }
}
