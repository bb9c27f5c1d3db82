package cn.chengxin.inquiry.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * A consent the older platform recorded, carried over at the move (gaps review xliii X6 b; PIPL Art. 15: a consent
 * stands until withdrawn): the person, the institution by its unified social credit code, the purpose, when it was
 * granted and when it ends. Stored as if granted then ({@code granted_via} migration), so that the institution's next
 * query is not held up by a consent to be given again.
 *
 * <p>A row is refused when it cannot stand here: a day or instant not read, an end not after the grant, a grant after
 * the import, or an end already past (an expired consent allows nothing; importing it would only show the person a
 * consent they cannot use). The person's number and the institution are checked against the register by the caller.
 *
 * @param identityNumber the person's resident identity number as exported: never printed ({@link #toString})
 */
public record MigratedConsent(String identityNumber, String creditCode, Purpose purpose, Instant grantedAt,
                              Instant expiresAt) {

    /** The CSV the old system exports, in this order (a header line first). */
    public static final List<String> COLUMNS = List.of("identity_number", "institution_credit_code", "purpose",
            "granted_at", "expires_at");

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Override
    public String toString() {
        return "MigratedConsent[" + creditCode + ", " + purpose + ", " + grantedAt + " to " + expiresAt + "]";
    }

    /**
     * One row of the export, checked. {@code granted_at} and {@code expires_at}: an instant with its offset
     * ({@code 2026-05-01T09:30:00+08:00}), a Beijing time ({@code 2026-05-01T09:30:00} or with a space), or a day: a
     * grant from the day's start, an end through that day. The purpose by its code ({@code LENDING}) or its label
     * ({@code 信贷审批}).
     */
    public static Row row(long line, List<String> fields, Instant now) {
        if (fields.size() != COLUMNS.size()) {
            return Row.refused(line, "expected " + COLUMNS.size() + " columns (" + String.join(",", COLUMNS)
                    + "), found " + fields.size());
        }
        String number = fields.get(0).strip();
        if (number.isEmpty()) {
            return Row.refused(line, "identity_number: empty");
        }
        String creditCode = fields.get(1).strip().toUpperCase(Locale.ROOT);
        if (creditCode.isEmpty()) {
            return Row.refused(line, "institution_credit_code: empty");
        }
        Purpose purpose = purpose(fields.get(2));
        if (purpose == null) {
            return Row.refused(line, "purpose: not one of this platform's purposes");
        }
        Instant granted = instant(fields.get(3), false);
        if (granted == null) {
            return Row.refused(line, "granted_at: not a time or day");
        }
        Instant expires = instant(fields.get(4), true);
        if (expires == null) {
            return Row.refused(line, "expires_at: not a time or day");
        }
        if (granted.isAfter(now)) {
            return Row.refused(line, "granted_at: after the import");
        }
        if (!expires.isAfter(granted)) {
            return Row.refused(line, "expires_at: not after granted_at");
        }
        if (!expires.isAfter(now)) {
            return Row.refused(line, "expires_at: expired before the import");
        }
        return new Row(new MigratedConsent(number, creditCode, purpose, granted, expires), null);
    }

    private static Purpose purpose(String text) {
        String typed = text.strip();
        for (Purpose p : Purpose.values()) {
            if (p.name().equalsIgnoreCase(typed) || p.label().equals(typed)) {
                return p;
            }
        }
        return null;
    }

    private static Instant instant(String text, boolean end) {
        String typed = text.strip().replace(' ', 'T');
        try {
            if (typed.length() == 10) {
                LocalDate day = LocalDate.parse(typed);
                return (end ? day.plusDays(1) : day).atStartOfDay(CHINA).toInstant();
            }
            if (typed.endsWith("Z") || typed.lastIndexOf('+') > 0 || typed.lastIndexOf('-') > 10) {
                return OffsetDateTime.parse(typed).toInstant();
            }
            return LocalDateTime.parse(typed).atZone(CHINA).toInstant();
        } catch (DateTimeParseException unread) {
            return null;
        }
    }

    /** A row checked: its consent, or its refusal. */
    public record Row(MigratedConsent consent, RowRefusal refusal) {

        static Row refused(long line, String reason) {
            return new Row(null, new RowRefusal(line, reason));
        }
    }
}
