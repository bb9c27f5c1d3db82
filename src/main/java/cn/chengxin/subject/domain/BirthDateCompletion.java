package cn.chengxin.subject.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.chengxin.shared.DomainProblem.Kind;

/**
 * When the credit office may complete a person's birth date (issue #5). A person whose birth date is unknown is kept
 * off the black and grey lists (RULES.md §6: minors are never listed, and nobody can show the act was an adult's) and
 * is not scored (RULES.md §8); persons known by a passport or a 通行证 are registered that way, since their document
 * does not carry the date. The date is completed from an official document a staff member has seen, and a second
 * person approves it (maker-checker, as for the catalogue and the lists): one person alone must not be able to open
 * the way to a listing.
 */
public final class BirthDateCompletion {

    /** Maker-checker: whoever proposed the completion may neither approve nor reject it ({@link Review}). */
    public static final Review REVIEW = new Review("BIRTH_DATE", "提出补全的人不能审核自己的申请", "不予补全须写明理由",
            "该补全申请已由他人处理");

    /** The earliest birth date the registry takes, as for identity numbers ({@link ResidentIdentityNumber}). */
    public static final LocalDate EARLIEST = LocalDate.of(1890, 1, 1);
    public static final int MAX_REFERENCE = 100;
    public static final int MAX_REASON = 500;

    private BirthDateCompletion() {
    }

    /**
     * Refuses a completion the registry must not take: an organisation has no birth date; a resident identity number
     * (and the permits of its layout) carries the date, which no one may overwrite; nor may a known date be replaced
     * this way (a wrong known date is an objection or a correction, not a completion).
     */
    public static void requireUnknown(SubjectKind kind, DocumentType type, LocalDate known) {
        if (kind != SubjectKind.PERSON) {
            throw new SubjectProblem("BIRTH_DATE_NOT_PERSON", Kind.INVALID_INPUT, "只有自然人有出生日期");
        }
        if (type.carriesBirthDate()) {
            throw new SubjectProblem("BIRTH_DATE_IN_NUMBER", Kind.CONFLICT,
                    type.label() + "号码本身载明出生日期，不能另行填写");
        }
        if (known != null) {
            throw new SubjectProblem("BIRTH_DATE_KNOWN", Kind.CONFLICT, "该主体的出生日期已知，不能通过补全修改");
        }
    }

    /**
     * Refuses an incomplete or impossible proposal: the date must be a real past date no earlier than {@link
     * #EARLIEST}; the evidence, its reference (document or file number) and the reason are required, so that a
     * reviewer can check the date against the document.
     */
    public static void requireComplete(LocalDate birthDate, BirthDateEvidence evidence, String reference,
                                       String reason, LocalDate today) {
        List<String> problems = new ArrayList<>();
        if (birthDate == null) {
            problems.add("须填写出生日期");
        } else if (birthDate.isAfter(today)) {
            throw new SubjectProblem("BIRTH_DATE_IN_FUTURE", Kind.INVALID_INPUT, "出生日期不能晚于今天");
        } else if (birthDate.isBefore(EARLIEST)) {
            throw new SubjectProblem("BIRTH_DATE_TOO_EARLY", Kind.INVALID_INPUT, "出生日期不能早于" + EARLIEST);
        }
        if (evidence == null) {
            problems.add("须选择证明材料");
        }
        if (reference == null || reference.isBlank() || reference.strip().length() > MAX_REFERENCE) {
            problems.add("须填写证明材料的编号或出处（不超过 " + MAX_REFERENCE + " 字）");
        }
        if (reason == null || reason.isBlank() || reason.strip().length() > MAX_REASON) {
            problems.add("须写明补全理由（不超过 " + MAX_REASON + " 字）");
        }
        if (!problems.isEmpty()) {
            throw new SubjectProblem("BIRTH_DATE_PROPOSAL_INCOMPLETE", Kind.INVALID_INPUT, String.join("；", problems));
        }
    }

    /**
     * The places in a free text where the subject's own number could stand: every run of the text's letters and digits
     * (normalised as numbers are) as long as the number, showing the characters its mask shows. A clerk naming the
     * evidence may well type the passport number itself, which must not be stored or shown in clear (RULES.md §10);
     * the caller compares the candidates' blind indexes with the subject's.
     */
    public static List<String> numberCandidates(String text, String maskedNumber) {
        List<String> candidates = new ArrayList<>();
        int length = maskedNumber.length();
        if (text == null || length == 0) {
            return candidates;
        }
        String canonical = Normalisation.canonical(text);
        for (int start = 0; start + length <= canonical.length(); start++) {
            String window = canonical.substring(start, start + length);
            if (window.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c)) && shows(maskedNumber, window)) {
                candidates.add(window);
            }
        }
        return candidates;
    }

    private static boolean shows(String masked, String window) {
        for (int i = 0; i < masked.length(); i++) {
            if (masked.charAt(i) != '*' && masked.charAt(i) != window.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
