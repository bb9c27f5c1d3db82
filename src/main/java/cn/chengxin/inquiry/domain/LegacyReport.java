package cn.chengxin.inquiry.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * A report the older platform issued before the move (gaps review xliii X6 a): a bank or an employer holding one keeps
 * verifying it here through its validity, once the old site is off. Only what verification needs is held: the number,
 * the SM3 digest of the verification code (never the code: whoever reads the register must not be able to verify, nor
 * print, a report), the day issued, the last day valid and the issuing platform's name; not the report's content nor
 * its person, which stay with the old platform's archive.
 *
 * <p>The digest is over the number and the code together ({@link #codeDigest}): the same code on two reports gives two
 * digests, and a table of digests of every 8-character code serves for one report only.
 *
 * @param validUntil the last day (Beijing) on which it is valid, as printed on it
 */
public record LegacyReport(String number, String codeSm3, LocalDate issuedOn, LocalDate validUntil, String platform) {

    /** The CSV the old system exports, in this order (a header line first). */
    public static final List<String> COLUMNS = List.of("number", "code", "issued_on", "valid_until");

    private static final Pattern NUMBER = Pattern.compile("[A-Z0-9]{1,40}");
    private static final Pattern CODE = Pattern.compile("[A-Z0-9]{4,20}");
    private static final int PLATFORM_MAX = 100;

    /** What a verification found: never the person nor the content, which this platform does not hold. */
    public record Verified(String number, LocalDate issuedOn, LocalDate validUntil, String platform, boolean valid) {
    }

    /** Whether the code typed (made comparable: {@link ReportNumbers#normalise}) is this report's, in constant time. */
    public boolean codeMatches(String typedCode) {
        return MessageDigest.isEqual(codeSm3.getBytes(StandardCharsets.US_ASCII),
                codeDigest(number, ReportNumbers.normalise(typedCode)).getBytes(StandardCharsets.US_ASCII));
    }

    /** Valid through its last day, Beijing. */
    public Verified verifiedOn(LocalDate today) {
        return new Verified(number, issuedOn, validUntil, platform, !today.isAfter(validUntil));
    }

    /** The hex SM3 (GB/T 32905) of the number, a NUL, and the code: both as {@link ReportNumbers#normalise} makes them. */
    public static String codeDigest(String number, String code) {
        SM3Digest sm3 = new SM3Digest();
        byte[] bytes = (number + "\u0000" + code).getBytes(StandardCharsets.UTF_8);
        sm3.update(bytes, 0, bytes.length);
        byte[] out = new byte[sm3.getDigestSize()];
        sm3.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    /**
     * One row of the old system's export, checked: a report, or the row's refusal with its line and reason. The number
     * and code are taken as {@link ReportNumbers#normalise} makes what a person types (so that they verify as typed
     * from the paper); a day is {@code yyyy-MM-dd}; a report cannot be issued after {@code today} nor end before it was
     * issued. A report already expired is taken: a bank verifying it is told it expired, not that it is unknown.
     */
    public static Row row(long line, List<String> fields, String platform, LocalDate today) {
        if (fields.size() != COLUMNS.size()) {
            return Row.refused(line, "expected " + COLUMNS.size() + " columns (" + String.join(",", COLUMNS)
                    + "), found " + fields.size());
        }
        String number = ReportNumbers.normalise(fields.get(0));
        if (!NUMBER.matcher(number).matches()) {
            return Row.refused(line, "number: 1 to 40 letters or digits");
        }
        String code = ReportNumbers.normalise(fields.get(1));
        if (!CODE.matcher(code).matches()) {
            return Row.refused(line, "code: 4 to 20 letters or digits");
        }
        LocalDate issued = day(fields.get(2));
        if (issued == null) {
            return Row.refused(line, "issued_on: not a day (yyyy-MM-dd)");
        }
        LocalDate until = day(fields.get(3));
        if (until == null) {
            return Row.refused(line, "valid_until: not a day (yyyy-MM-dd)");
        }
        if (issued.isAfter(today)) {
            return Row.refused(line, "issued_on: after today");
        }
        if (until.isBefore(issued)) {
            return Row.refused(line, "valid_until: before issued_on");
        }
        return new Row(new LegacyReport(number, codeDigest(number, code), issued, until, platform), null);
    }

    /** The issuing platform's name as given to the import: 1 to 100 characters, trimmed. */
    public static String platform(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > PLATFORM_MAX) {
            throw new IllegalArgumentException("the issuing platform's name: 1 to " + PLATFORM_MAX + " characters");
        }
        return trimmed;
    }

    private static LocalDate day(String text) {
        try {
            return LocalDate.parse(text.strip().toUpperCase(Locale.ROOT));
        } catch (java.time.format.DateTimeParseException notADay) {
            return null;
        }
    }

    /** A row checked: its report, or its refusal. */
    public record Row(LegacyReport report, RowRefusal refusal) {

        static Row refused(long line, String reason) {
            return new Row(null, new RowRefusal(line, reason));
        }
    }
}
