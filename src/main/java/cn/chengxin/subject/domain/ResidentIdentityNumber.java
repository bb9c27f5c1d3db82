package cn.chengxin.subject.domain;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An 18-character citizen identity number (公民身份号码, GB 11643-1999), the key of a natural person
 * (RULES.md §1): 6-digit region code, birth date {@code yyyyMMdd}, 3-digit sequence (odd male, even
 * female) and an ISO 7064 MOD 11-2 check character. The same layout and check serve the residence permits
 * of Hong Kong, Macao and Taiwan residents (prefix 81/82/83) and the 2023 foreigners' permanent residence
 * ID card (leading 9), which keep their own {@link DocumentType}.
 *
 * <p>Only valid numbers can be constructed; {@link #parse} normalises input first (full-width digits,
 * spaces, lower-case x) and upgrades legacy 15-digit numbers.
 */
public final class ResidentIdentityNumber {

    static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static final char[] CHECK_CHARS = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    private static final int EARLIEST_BIRTH_YEAR = 1890;

    private final String value;
    private final DocumentType type;
    private final LocalDate birthDate;

    private ResidentIdentityNumber(String value, DocumentType type, LocalDate birthDate) {
        this.value = value;
        this.type = type;
        this.birthDate = birthDate;
    }

    /**
     * Validates and normalises a number typed or imported by anyone.
     *
     * @param raw   the number as given
     * @param today the current date, for the "birth date not in the future" rule
     * @throws InvalidIdentityException with a specific {@link IdentityRejection}
     */
    public static ResidentIdentityNumber parse(String raw, LocalDate today) {
        String number = Normalisation.canonical(raw);
        if (number.length() == 15 && allDigits(number, 15)) {
            number = upgradeLegacy(number);
        }
        if (number.length() != 18 || !allDigits(number, 17) || !isCheckChar(number.charAt(17))) {
            throw new InvalidIdentityException(IdentityRejection.ID_FORMAT);
        }
        if (checkCharFor(number) != number.charAt(17)) {
            throw new InvalidIdentityException(IdentityRejection.ID_CHECKSUM);
        }
        DocumentType type = documentTypeOf(number);
        LocalDate birthDate = birthDateOf(number, today);
        return new ResidentIdentityNumber(number, type, birthDate);
    }

    /** Whether the text looks like a resident identity number at all (15 digits, or 17 digits + check). */
    public static boolean looksLikeOne(String raw) {
        String number = Normalisation.canonical(raw);
        return (number.length() == 15 && allDigits(number, 15))
                || (number.length() == 18 && allDigits(number, 17) && isCheckChar(number.charAt(17)));
    }

    /** 18 characters of a number, written plain or in groups ("4101 0519 9003 0712 34", "410105-19900307-1234"). */
    private static final Pattern WRITTEN = Pattern.compile("(?<![0-9])(?:[0-9][ -]?){17}[0-9Xx](?![0-9Xx])");

    /** Where a number's birth date is judged: a number born later than today is no number yet. */
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /**
     * Whether {@code text} holds a resident identity number, written plain, in groups or in full-width digits (as
     * Chinese input methods give): free text, a department's key or a search term where the number would escape the
     * registry's encryption and masking. A number is one only if {@link #parse} takes it — a province's region code,
     * a real birth date and a check character that fit — for the check character alone fits one 18-digit run in 11:
     * a company's all-digit credit code (914101057390124487) or a business number would otherwise pass for one.
     */
    public static boolean appearsIn(String text) {
        if (text == null || text.length() < 18) {
            return false;
        }
        String written = text.chars().anyMatch(c -> c >= '\uFF01' && c <= '\uFF5E')
                ? Normalizer.normalize(text, Normalizer.Form.NFKC) : text;
        Matcher m = WRITTEN.matcher(written);
        while (m.find()) {
            String number = m.group().replace(" ", "").replace("-", "");
            // The check character first: ten runs in eleven fail it, and cost parse no exception.
            if (looksLikeOne(number) && Character.toUpperCase(number.charAt(17)) == checkCharFor(number)
                    && isValid(number)) {
                return true;
            }
        }
        return false;
    }

    /** Exactly 15 digits in a row, not part of a longer run. */
    private static final Pattern FIFTEEN = Pattern.compile("(?<![0-9])[0-9]{15}(?![0-9])");

    /**
     * Whether {@code text} holds a first-generation number (RULES.md §1: old ID cards, 6-digit region, birth date
     * {@code yyMMdd} of the 1900s, 3-digit sequence, no check character), in ASCII or full-width digits: a run of
     * exactly 15 digits whose first two name a province and whose digits 7 to 12 are a real date 19yyMMdd. With no
     * check character to confirm it, both conditions are asked, so that amounts, decision and order numbers of 15
     * digits are rarely taken for one; a phone number has 11.
     */
    public static boolean legacyAppearsIn(String text) {
        if (text == null || text.length() < 15) {
            return false;
        }
        String written = text.chars().anyMatch(c -> c >= '\uFF01' && c <= '\uFF5E')
                ? Normalizer.normalize(text, Normalizer.Form.NFKC) : text;
        Matcher m = FIFTEEN.matcher(written);
        while (m.find()) {
            if (isLegacy(m.group())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLegacy(String fifteen) {
        if (!Provinces.isProvince(fifteen.substring(0, 2))) {
            return false;
        }
        try {
            LocalDate.of(1900 + Integer.parseInt(fifteen.substring(6, 8)), Integer.parseInt(fifteen.substring(8, 10)),
                    Integer.parseInt(fifteen.substring(10, 12)));
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static boolean isValid(String number) {
        try {
            parse(number, LocalDate.now(CHINA));
            return true;
        } catch (InvalidIdentityException e) {
            return false;
        }
    }

    /** The check character for the first 17 digits of {@code number} (GB 11643-1999 §5.1.4). */
    public static char checkCharFor(CharSequence number) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (number.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARS[sum % 11];
    }

    /** Legacy 15-digit numbers: insert the century 19 before the year and append the check character. */
    private static String upgradeLegacy(String fifteen) {
        StringBuilder eighteen = new StringBuilder(18)
                .append(fifteen, 0, 6).append("19").append(fifteen, 6, 15);
        return eighteen.append(checkCharFor(eighteen)).toString();
    }

    private static DocumentType documentTypeOf(String number) {
        String prefix = number.substring(0, 2);
        if (number.charAt(0) == '9') {
            // 2023 foreigners' permanent residence ID: 9 + 2-digit province of issue + country code.
            if (!Provinces.isProvince(number.substring(1, 3))) {
                throw new InvalidIdentityException(IdentityRejection.ID_REGION);
            }
            return DocumentType.FOREIGN_PERMANENT_RESIDENT_ID;
        }
        if (Provinces.isResidencePermitPrefix(prefix)) {
            return DocumentType.HMT_RESIDENCE_PERMIT;
        }
        if (!Provinces.isProvince(prefix)) {
            throw new InvalidIdentityException(IdentityRejection.ID_REGION);
        }
        return DocumentType.RESIDENT_ID;
    }

    private static LocalDate birthDateOf(String number, LocalDate today) {
        try {
            LocalDate birth = LocalDate.of(
                    Integer.parseInt(number.substring(6, 10)),
                    Integer.parseInt(number.substring(10, 12)),
                    Integer.parseInt(number.substring(12, 14)));
            if (birth.isAfter(today) || birth.getYear() < EARLIEST_BIRTH_YEAR) {
                throw new InvalidIdentityException(IdentityRejection.ID_BIRTH_DATE);
            }
            return birth;
        } catch (DateTimeException e) {
            throw new InvalidIdentityException(IdentityRejection.ID_BIRTH_DATE);
        }
    }

    private static boolean allDigits(String s, int count) {
        for (int i = 0; i < count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isCheckChar(char c) {
        return (c >= '0' && c <= '9') || c == 'X';
    }

    public String value() {
        return value;
    }

    public DocumentType type() {
        return type;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    /** Region code of the place of first registration (digits 1–6). */
    public String regionCode() {
        return value.substring(0, 6);
    }

    /** Odd sequence digit (position 17) is male, even is female (GB 11643-1999 §5.1.3). */
    public Gender gender() {
        return (value.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
    }

    public int ageOn(LocalDate day) {
        return java.time.Period.between(birthDate, day).getYears();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResidentIdentityNumber other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    /** Masked on purpose: a number printed by accident (a log, a debugger, an exception) stays protected. */
    @Override
    public String toString() {
        return Masking.identityNumber(value);
    }
}
