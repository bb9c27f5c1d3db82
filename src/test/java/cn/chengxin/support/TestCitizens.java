package cn.chengxin.support;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import cn.chengxin.account.DevRealNameVerifier;
import cn.chengxin.subject.NewPerson;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.IdentityDocument;
import cn.chengxin.subject.domain.UnifiedSocialCreditCode;

/** Registered persons with fresh valid numbers and phone numbers, for tests that need citizens. */
public final class TestCitizens {

    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 400));

    private TestCitizens() {
    }

    public record Person(String number, String name, String phone) {
    }

    /** A new registered person born in 驻马店 驿城区 in 1980–1999, with a unique number and their own phone. */
    public static Person register(SubjectRegistry subjects, String name) {
        int n = NEXT.get() + 1;
        return register(subjects, name, LocalDate.of(1980 + n % 20, 1 + n % 12, 1 + n % 28));
    }

    /** A new registered person born on {@code birth} (e.g. a child under 14), with a unique number and phone. */
    public static Person register(SubjectRegistry subjects, String name, LocalDate birth) {
        int n = NEXT.incrementAndGet();
        String first17 = "411702" + birth.toString().replace("-", "") + String.format("%03d", n % 1000);
        String number = first17 + checkCharacter(first17);
        IdentityDocument document = subjects.validate(DocumentType.RESIDENT_ID, number);
        subjects.registerPerson(new NewPerson(document, name, null, null, List.of(), List.of(), false));
        return new Person(number, name, phoneOf(subjects, document));
    }

    /**
     * The person's own phone as the real-name check of the test profile knows it ({@link DevRealNameVerifier}):
     * registration passes with this number only.
     */
    public static String phoneOf(SubjectRegistry subjects, IdentityDocument document) {
        return DevRealNameVerifier.syntheticPhoneOf(subjects.pseudonymOf(document));
    }

    /**
     * A random valid resident identity number of 郑州 中原区 (born 1950–1991), outside the 驻马店 numbers that
     * {@link #register} gives: for rows that register their subject on arrival.
     */
    public static String unregisteredNumber() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(15_000));
        return withCheckCharacter("410102" + birth.toString().replace("-", "")
                + String.format("%03d", random.nextInt(1000)));
    }

    /** A resident identity number from its first 17 digits (GB 11643 check character appended). */
    public static String withCheckCharacter(String first17) {
        return first17 + checkCharacter(first17);
    }

    /**
     * The number with a wrong last character that does not by chance make the 18 characters a valid unified social
     * credit code (about one in 31 numbers would, and the number would then be refused as the wrong subject type
     * instead of {@code ID_CHECKSUM}).
     */
    public static String withWrongCheckCharacter(String number) {
        String first17 = number.substring(0, 17);
        char creditCodeCheck = UnifiedSocialCreditCode.checkCharFor(first17);
        for (char c : "0123456789X".toCharArray()) {
            if (c != Character.toUpperCase(number.charAt(17)) && c != creditCodeCheck) {
                return first17 + c;
            }
        }
        throw new IllegalStateException("no wrong check character");
    }

    private static char checkCharacter(String first17) {
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * w[i];
        }
        return "10X98765432".charAt(sum % 11);
    }
}
